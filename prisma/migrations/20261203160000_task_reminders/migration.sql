-- AlterTable: the due date a task's owner was last reminded of (the reminder job's claim).
ALTER TABLE "task" ADD COLUMN "reminded_for" DATE;

-- CreateIndex
CREATE INDEX "task_status_date_idx" ON "task"("status", "date");

-- CreateIndex
CREATE INDEX "task_workspace_id_salesperson_id_status_idx" ON "task"("workspace_id", "salesperson_id", "status");

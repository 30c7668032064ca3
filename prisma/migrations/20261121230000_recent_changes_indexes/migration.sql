-- CreateIndex
CREATE INDEX "opportunity_workspace_id_created_at_idx" ON "opportunity"("workspace_id", "created_at");

-- CreateIndex
CREATE INDEX "opportunity_entry_workspace_id_created_at_idx" ON "opportunity_entry"("workspace_id", "created_at");


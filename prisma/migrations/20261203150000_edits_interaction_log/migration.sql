-- CreateTable
CREATE TABLE "opportunity_edit" (
    "id" SERIAL NOT NULL,
    "workspace_id" VARCHAR(32) NOT NULL,
    "opportunity_id" INTEGER NOT NULL,
    "actor_user_id" VARCHAR(32) NOT NULL,
    "date" DATE NOT NULL,
    "changes" JSONB NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "opportunity_edit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "interaction_log_entry" (
    "id" SERIAL NOT NULL,
    "workspace_id" VARCHAR(32) NOT NULL,
    "opportunity_id" INTEGER,
    "contact_id" INTEGER NOT NULL,
    "salesperson_id" INTEGER NOT NULL,
    "actor_user_id" VARCHAR(32) NOT NULL,
    "date" DATE NOT NULL,
    "description" VARCHAR(500) NOT NULL,
    "canceled" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "interaction_log_entry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "opportunity_edit_opportunity_id_idx" ON "opportunity_edit"("opportunity_id");

-- CreateIndex
CREATE INDEX "interaction_log_entry_opportunity_id_idx" ON "interaction_log_entry"("opportunity_id");

-- CreateIndex
CREATE INDEX "interaction_log_entry_workspace_id_date_idx" ON "interaction_log_entry"("workspace_id", "date");

-- AddForeignKey
ALTER TABLE "opportunity_edit" ADD CONSTRAINT "opportunity_edit_opportunity_id_fkey" FOREIGN KEY ("opportunity_id") REFERENCES "opportunity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "interaction_log_entry" ADD CONSTRAINT "interaction_log_entry_opportunity_id_fkey" FOREIGN KEY ("opportunity_id") REFERENCES "opportunity"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "interaction_log_entry" ADD CONSTRAINT "interaction_log_entry_contact_id_fkey" FOREIGN KEY ("contact_id") REFERENCES "contact"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "interaction_log_entry" ADD CONSTRAINT "interaction_log_entry_salesperson_id_fkey" FOREIGN KEY ("salesperson_id") REFERENCES "salesperson"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


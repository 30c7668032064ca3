-- AlterTable
ALTER TABLE "sales_order" ADD COLUMN     "source_opportunity_id" INTEGER;

-- AlterTable
ALTER TABLE "digest_run" ADD COLUMN     "sales_cycle_code" VARCHAR(10),
ADD COLUMN     "salesperson_slack_user_id" VARCHAR(32),
ADD COLUMN     "time_zone" VARCHAR(64);

-- CreateIndex
CREATE UNIQUE INDEX "sales_order_source_opportunity_id_key" ON "sales_order"("source_opportunity_id");

-- AddForeignKey
ALTER TABLE "sales_order" ADD CONSTRAINT "sales_order_source_opportunity_id_fkey" FOREIGN KEY ("source_opportunity_id") REFERENCES "opportunity"("id") ON DELETE SET NULL ON UPDATE CASCADE;


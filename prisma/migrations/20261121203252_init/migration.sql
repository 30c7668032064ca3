-- CreateEnum
CREATE TYPE "ProbabilityCalculation" AS ENUM ('MULTIPLY', 'ADD', 'CHANCES', 'COMPLETED');

-- CreateEnum
CREATE TYPE "ContactType" AS ENUM ('COMPANY', 'PERSON');

-- CreateEnum
CREATE TYPE "CloseType" AS ENUM ('WON', 'LOST');

-- CreateEnum
CREATE TYPE "OpportunityStatus" AS ENUM ('NOT_STARTED', 'IN_PROGRESS', 'WON', 'LOST');

-- CreateEnum
CREATE TYPE "Priority" AS ENUM ('LOW', 'NORMAL', 'HIGH');

-- CreateEnum
CREATE TYPE "ActionTaken" AS ENUM ('NONE', 'NEXT', 'PREVIOUS', 'UPDATED', 'JUMPED', 'WON', 'LOST');

-- CreateEnum
CREATE TYPE "TaskStatus" AS ENUM ('OPEN', 'COMPLETED', 'CANCELED');

-- CreateTable
CREATE TABLE "workspace" (
    "id" VARCHAR(32) NOT NULL,
    "name" VARCHAR(100) NOT NULL DEFAULT '',
    "currency" VARCHAR(3) NOT NULL DEFAULT 'USD',
    "opportunity_prefix" VARCHAR(10) NOT NULL DEFAULT 'OP',
    "quote_prefix" VARCHAR(10) NOT NULL DEFAULT 'SQ',
    "order_prefix" VARCHAR(10) NOT NULL DEFAULT 'SO',
    "default_sales_cycle_code" VARCHAR(10),
    "stale_days" INTEGER NOT NULL DEFAULT 14,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "workspace_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "number_series" (
    "workspace_id" VARCHAR(32) NOT NULL,
    "kind" VARCHAR(20) NOT NULL,
    "last_no" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "number_series_pkey" PRIMARY KEY ("workspace_id","kind")
);

-- CreateTable
CREATE TABLE "salesperson" (
    "id" SERIAL NOT NULL,
    "workspace_id" VARCHAR(32) NOT NULL,
    "code" VARCHAR(20) NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "slack_user_id" VARCHAR(32),
    "blocked" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "salesperson_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "contact" (
    "id" SERIAL NOT NULL,
    "workspace_id" VARCHAR(32) NOT NULL,
    "no" VARCHAR(20) NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "type" "ContactType" NOT NULL,
    "company_id" INTEGER,
    "email" VARCHAR(254),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "contact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "customer" (
    "id" SERIAL NOT NULL,
    "workspace_id" VARCHAR(32) NOT NULL,
    "no" VARCHAR(20) NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "contact_id" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "customer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sales_cycle" (
    "id" SERIAL NOT NULL,
    "workspace_id" VARCHAR(32) NOT NULL,
    "code" VARCHAR(10) NOT NULL,
    "description" VARCHAR(100) NOT NULL DEFAULT '',
    "probability_calculation" "ProbabilityCalculation" NOT NULL DEFAULT 'MULTIPLY',
    "blocked" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sales_cycle_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sales_cycle_stage" (
    "id" SERIAL NOT NULL,
    "workspace_id" VARCHAR(32) NOT NULL,
    "sales_cycle_id" INTEGER NOT NULL,
    "stage" INTEGER NOT NULL,
    "description" VARCHAR(100) NOT NULL DEFAULT '',
    "completed_pct" DECIMAL(5,2) NOT NULL DEFAULT 0,
    "chances_pct" DECIMAL(5,2) NOT NULL DEFAULT 0,
    "quote_required" BOOLEAN NOT NULL DEFAULT false,
    "allow_skip" BOOLEAN NOT NULL DEFAULT false,
    "date_formula" VARCHAR(32) NOT NULL DEFAULT '',
    "activity_code" VARCHAR(10),

    CONSTRAINT "sales_cycle_stage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "close_opportunity_code" (
    "id" SERIAL NOT NULL,
    "workspace_id" VARCHAR(32) NOT NULL,
    "code" VARCHAR(10) NOT NULL,
    "description" VARCHAR(100) NOT NULL DEFAULT '',
    "type" "CloseType" NOT NULL,

    CONSTRAINT "close_opportunity_code_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "activity" (
    "id" SERIAL NOT NULL,
    "workspace_id" VARCHAR(32) NOT NULL,
    "code" VARCHAR(10) NOT NULL,
    "description" VARCHAR(100) NOT NULL DEFAULT '',

    CONSTRAINT "activity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "activity_step" (
    "id" SERIAL NOT NULL,
    "activity_id" INTEGER NOT NULL,
    "step_no" INTEGER NOT NULL,
    "description" VARCHAR(100) NOT NULL,
    "date_formula" VARCHAR(32) NOT NULL DEFAULT '',

    CONSTRAINT "activity_step_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "opportunity" (
    "id" SERIAL NOT NULL,
    "workspace_id" VARCHAR(32) NOT NULL,
    "no" VARCHAR(20) NOT NULL,
    "description" VARCHAR(100) NOT NULL,
    "contact_id" INTEGER NOT NULL,
    "contact_company_id" INTEGER,
    "salesperson_id" INTEGER NOT NULL,
    "sales_cycle_id" INTEGER NOT NULL,
    "priority" "Priority" NOT NULL DEFAULT 'NORMAL',
    "status" "OpportunityStatus" NOT NULL DEFAULT 'NOT_STARTED',
    "creation_date" DATE NOT NULL,
    "date_closed" DATE,
    "version" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "opportunity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "opportunity_entry" (
    "id" SERIAL NOT NULL,
    "workspace_id" VARCHAR(32) NOT NULL,
    "opportunity_id" INTEGER NOT NULL,
    "sales_cycle_id" INTEGER NOT NULL,
    "stage" INTEGER,
    "stage_description" VARCHAR(100) NOT NULL DEFAULT '',
    "previous_stage" INTEGER,
    "contact_id" INTEGER NOT NULL,
    "contact_company_id" INTEGER,
    "salesperson_id" INTEGER NOT NULL,
    "date_of_change" DATE NOT NULL,
    "active" BOOLEAN NOT NULL,
    "date_closed" DATE,
    "days_open" INTEGER NOT NULL DEFAULT 0,
    "action_taken" "ActionTaken" NOT NULL,
    "estimated_value" DECIMAL(18,2) NOT NULL,
    "calcd_current_value" DECIMAL(28,8) NOT NULL,
    "completed_pct" DECIMAL(5,2) NOT NULL,
    "chances_pct" DECIMAL(5,2) NOT NULL,
    "probability_pct" DECIMAL(9,4) NOT NULL,
    "estimated_close_date" DATE NOT NULL,
    "close_code_id" INTEGER,
    "cancel_old_tasks" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "opportunity_entry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "task" (
    "id" SERIAL NOT NULL,
    "workspace_id" VARCHAR(32) NOT NULL,
    "opportunity_id" INTEGER,
    "entry_id" INTEGER,
    "contact_id" INTEGER NOT NULL,
    "salesperson_id" INTEGER NOT NULL,
    "description" VARCHAR(100) NOT NULL,
    "date" DATE NOT NULL,
    "status" "TaskStatus" NOT NULL DEFAULT 'OPEN',

    CONSTRAINT "task_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sales_quote" (
    "id" SERIAL NOT NULL,
    "workspace_id" VARCHAR(32) NOT NULL,
    "no" VARCHAR(20) NOT NULL,
    "opportunity_id" INTEGER,
    "contact_id" INTEGER NOT NULL,
    "customer_id" INTEGER,
    "salesperson_id" INTEGER NOT NULL,
    "order_date" DATE NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sales_quote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sales_quote_line" (
    "id" SERIAL NOT NULL,
    "quote_id" INTEGER NOT NULL,
    "line_no" INTEGER NOT NULL,
    "description" VARCHAR(100) NOT NULL,
    "quantity" DECIMAL(18,4) NOT NULL,
    "unit_price" DECIMAL(18,2) NOT NULL,
    "line_discount_pct" DECIMAL(5,2) NOT NULL DEFAULT 0,
    "amount" DECIMAL(18,2) NOT NULL,

    CONSTRAINT "sales_quote_line_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sales_order" (
    "id" SERIAL NOT NULL,
    "workspace_id" VARCHAR(32) NOT NULL,
    "no" VARCHAR(20) NOT NULL,
    "quote_no" VARCHAR(20) NOT NULL,
    "opportunity_id" INTEGER,
    "contact_id" INTEGER NOT NULL,
    "customer_id" INTEGER NOT NULL,
    "salesperson_id" INTEGER NOT NULL,
    "order_date" DATE NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sales_order_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sales_order_line" (
    "id" SERIAL NOT NULL,
    "order_id" INTEGER NOT NULL,
    "line_no" INTEGER NOT NULL,
    "description" VARCHAR(100) NOT NULL,
    "quantity" DECIMAL(18,4) NOT NULL,
    "unit_price" DECIMAL(18,2) NOT NULL,
    "line_discount_pct" DECIMAL(5,2) NOT NULL DEFAULT 0,
    "amount" DECIMAL(18,2) NOT NULL,

    CONSTRAINT "sales_order_line_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "salesperson_workspace_id_code_key" ON "salesperson"("workspace_id", "code");

-- CreateIndex
CREATE UNIQUE INDEX "salesperson_workspace_id_slack_user_id_key" ON "salesperson"("workspace_id", "slack_user_id");

-- CreateIndex
CREATE INDEX "contact_workspace_id_name_idx" ON "contact"("workspace_id", "name");

-- CreateIndex
CREATE UNIQUE INDEX "contact_workspace_id_no_key" ON "contact"("workspace_id", "no");

-- CreateIndex
CREATE UNIQUE INDEX "customer_contact_id_key" ON "customer"("contact_id");

-- CreateIndex
CREATE UNIQUE INDEX "customer_workspace_id_no_key" ON "customer"("workspace_id", "no");

-- CreateIndex
CREATE UNIQUE INDEX "sales_cycle_workspace_id_code_key" ON "sales_cycle"("workspace_id", "code");

-- CreateIndex
CREATE INDEX "sales_cycle_stage_workspace_id_idx" ON "sales_cycle_stage"("workspace_id");

-- CreateIndex
CREATE UNIQUE INDEX "sales_cycle_stage_sales_cycle_id_stage_key" ON "sales_cycle_stage"("sales_cycle_id", "stage");

-- CreateIndex
CREATE UNIQUE INDEX "close_opportunity_code_workspace_id_code_key" ON "close_opportunity_code"("workspace_id", "code");

-- CreateIndex
CREATE UNIQUE INDEX "activity_workspace_id_code_key" ON "activity"("workspace_id", "code");

-- CreateIndex
CREATE UNIQUE INDEX "activity_step_activity_id_step_no_key" ON "activity_step"("activity_id", "step_no");

-- CreateIndex
CREATE INDEX "opportunity_workspace_id_status_idx" ON "opportunity"("workspace_id", "status");

-- CreateIndex
CREATE INDEX "opportunity_workspace_id_salesperson_id_idx" ON "opportunity"("workspace_id", "salesperson_id");

-- CreateIndex
CREATE INDEX "opportunity_workspace_id_contact_id_idx" ON "opportunity"("workspace_id", "contact_id");

-- CreateIndex
CREATE UNIQUE INDEX "opportunity_workspace_id_no_key" ON "opportunity"("workspace_id", "no");

-- CreateIndex
CREATE INDEX "opportunity_entry_opportunity_id_idx" ON "opportunity_entry"("opportunity_id");

-- CreateIndex
CREATE INDEX "opportunity_entry_workspace_id_sales_cycle_id_active_stage_idx" ON "opportunity_entry"("workspace_id", "sales_cycle_id", "active", "stage");

-- CreateIndex
CREATE INDEX "task_workspace_id_opportunity_id_status_idx" ON "task"("workspace_id", "opportunity_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "sales_quote_opportunity_id_key" ON "sales_quote"("opportunity_id");

-- CreateIndex
CREATE UNIQUE INDEX "sales_quote_workspace_id_no_key" ON "sales_quote"("workspace_id", "no");

-- CreateIndex
CREATE UNIQUE INDEX "sales_quote_line_quote_id_line_no_key" ON "sales_quote_line"("quote_id", "line_no");

-- CreateIndex
CREATE UNIQUE INDEX "sales_order_opportunity_id_key" ON "sales_order"("opportunity_id");

-- CreateIndex
CREATE UNIQUE INDEX "sales_order_workspace_id_no_key" ON "sales_order"("workspace_id", "no");

-- CreateIndex
CREATE UNIQUE INDEX "sales_order_line_order_id_line_no_key" ON "sales_order_line"("order_id", "line_no");

-- AddForeignKey
ALTER TABLE "contact" ADD CONSTRAINT "contact_company_id_fkey" FOREIGN KEY ("company_id") REFERENCES "contact"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "customer" ADD CONSTRAINT "customer_contact_id_fkey" FOREIGN KEY ("contact_id") REFERENCES "contact"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sales_cycle_stage" ADD CONSTRAINT "sales_cycle_stage_sales_cycle_id_fkey" FOREIGN KEY ("sales_cycle_id") REFERENCES "sales_cycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "activity_step" ADD CONSTRAINT "activity_step_activity_id_fkey" FOREIGN KEY ("activity_id") REFERENCES "activity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "opportunity" ADD CONSTRAINT "opportunity_contact_id_fkey" FOREIGN KEY ("contact_id") REFERENCES "contact"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "opportunity" ADD CONSTRAINT "opportunity_salesperson_id_fkey" FOREIGN KEY ("salesperson_id") REFERENCES "salesperson"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "opportunity" ADD CONSTRAINT "opportunity_sales_cycle_id_fkey" FOREIGN KEY ("sales_cycle_id") REFERENCES "sales_cycle"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "opportunity_entry" ADD CONSTRAINT "opportunity_entry_opportunity_id_fkey" FOREIGN KEY ("opportunity_id") REFERENCES "opportunity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "opportunity_entry" ADD CONSTRAINT "opportunity_entry_sales_cycle_id_fkey" FOREIGN KEY ("sales_cycle_id") REFERENCES "sales_cycle"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "opportunity_entry" ADD CONSTRAINT "opportunity_entry_salesperson_id_fkey" FOREIGN KEY ("salesperson_id") REFERENCES "salesperson"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "opportunity_entry" ADD CONSTRAINT "opportunity_entry_close_code_id_fkey" FOREIGN KEY ("close_code_id") REFERENCES "close_opportunity_code"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "task" ADD CONSTRAINT "task_opportunity_id_fkey" FOREIGN KEY ("opportunity_id") REFERENCES "opportunity"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "task" ADD CONSTRAINT "task_entry_id_fkey" FOREIGN KEY ("entry_id") REFERENCES "opportunity_entry"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "task" ADD CONSTRAINT "task_salesperson_id_fkey" FOREIGN KEY ("salesperson_id") REFERENCES "salesperson"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sales_quote" ADD CONSTRAINT "sales_quote_opportunity_id_fkey" FOREIGN KEY ("opportunity_id") REFERENCES "opportunity"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sales_quote" ADD CONSTRAINT "sales_quote_contact_id_fkey" FOREIGN KEY ("contact_id") REFERENCES "contact"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sales_quote" ADD CONSTRAINT "sales_quote_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sales_quote_line" ADD CONSTRAINT "sales_quote_line_quote_id_fkey" FOREIGN KEY ("quote_id") REFERENCES "sales_quote"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sales_order" ADD CONSTRAINT "sales_order_opportunity_id_fkey" FOREIGN KEY ("opportunity_id") REFERENCES "opportunity"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sales_order" ADD CONSTRAINT "sales_order_contact_id_fkey" FOREIGN KEY ("contact_id") REFERENCES "contact"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sales_order" ADD CONSTRAINT "sales_order_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sales_order_line" ADD CONSTRAINT "sales_order_line_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "sales_order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: at most one active entry per opportunity (BC reads every figure from it).
-- Prisma's schema language cannot express a partial index; keep this when authoring later migrations.
CREATE UNIQUE INDEX "opportunity_entry_one_active" ON "opportunity_entry"("opportunity_id") WHERE "active";

-- Hand-written: ranges the rules engine guarantees, enforced by the database as well.
ALTER TABLE "sales_cycle_stage" ADD CONSTRAINT "sales_cycle_stage_ranges"
  CHECK ("stage" >= 1 AND "completed_pct" BETWEEN 0 AND 100 AND "chances_pct" BETWEEN 0 AND 100);
ALTER TABLE "opportunity_entry" ADD CONSTRAINT "opportunity_entry_ranges"
  CHECK ("chances_pct" BETWEEN 0 AND 100 AND "completed_pct" BETWEEN 0 AND 100 AND "probability_pct" BETWEEN 0 AND 100);

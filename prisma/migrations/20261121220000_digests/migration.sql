-- CreateEnum
CREATE TYPE "DigestFrequency" AS ENUM ('DAILY', 'WEEKLY', 'MONTHLY');

-- CreateEnum
CREATE TYPE "DigestRunStatus" AS ENUM ('PENDING', 'POSTED', 'FAILED');

-- CreateTable
CREATE TABLE "digest_subscription" (
    "id" SERIAL NOT NULL,
    "workspace_id" VARCHAR(32) NOT NULL,
    "channel_id" VARCHAR(32) NOT NULL,
    "frequency" "DigestFrequency" NOT NULL,
    "at" VARCHAR(5) NOT NULL,
    "weekday" INTEGER,
    "day_of_month" INTEGER,
    "time_zone" VARCHAR(64) NOT NULL,
    "sales_cycle_code" VARCHAR(10),
    "created_by_slack_user_id" VARCHAR(32) NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_run_at" TIMESTAMP(3),
    "next_run_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "digest_subscription_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "digest_run" (
    "id" SERIAL NOT NULL,
    "workspace_id" VARCHAR(32) NOT NULL,
    "subscription_id" INTEGER,
    "channel_id" VARCHAR(32) NOT NULL,
    "period_key" VARCHAR(100) NOT NULL,
    "scheduled_for" TIMESTAMP(3) NOT NULL,
    "status" "DigestRunStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "posted_parts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMP(3) NOT NULL,
    "posted_at" TIMESTAMP(3),
    "last_error" VARCHAR(500),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "digest_run_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "channel_digest_state" (
    "workspace_id" VARCHAR(32) NOT NULL,
    "channel_id" VARCHAR(32) NOT NULL,
    "last_digest_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "channel_digest_state_pkey" PRIMARY KEY ("workspace_id","channel_id")
);

-- CreateIndex
CREATE INDEX "digest_subscription_next_run_at_idx" ON "digest_subscription"("next_run_at");

-- CreateIndex
CREATE UNIQUE INDEX "digest_subscription_workspace_id_channel_id_key" ON "digest_subscription"("workspace_id", "channel_id");

-- CreateIndex
CREATE INDEX "digest_run_status_next_attempt_at_idx" ON "digest_run"("status", "next_attempt_at");

-- CreateIndex
CREATE UNIQUE INDEX "digest_run_subscription_id_period_key_key" ON "digest_run"("subscription_id", "period_key");

-- AddForeignKey
ALTER TABLE "digest_run" ADD CONSTRAINT "digest_run_subscription_id_fkey" FOREIGN KEY ("subscription_id") REFERENCES "digest_subscription"("id") ON DELETE SET NULL ON UPDATE CASCADE;


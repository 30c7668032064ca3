-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'MANAGER', 'REP');

-- AlterTable
ALTER TABLE "workspace" ADD COLUMN     "reps_see_only_own" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "member" (
    "workspace_id" VARCHAR(32) NOT NULL,
    "slack_user_id" VARCHAR(32) NOT NULL,
    "role" "Role" NOT NULL,
    "granted_by" VARCHAR(32),
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "member_pkey" PRIMARY KEY ("workspace_id","slack_user_id")
);

-- CreateTable
CREATE TABLE "installation" (
    "id" SERIAL NOT NULL,
    "install_key" VARCHAR(40) NOT NULL,
    "team_id" VARCHAR(32),
    "enterprise_id" VARCHAR(32),
    "is_enterprise_install" BOOLEAN NOT NULL DEFAULT false,
    "bot_user_id" VARCHAR(32),
    "installer_user_id" VARCHAR(32),
    "data" TEXT NOT NULL,
    "installed_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "installation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "processed_event" (
    "event_id" VARCHAR(64) NOT NULL,
    "team_id" VARCHAR(32),
    "received_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "processed_event_pkey" PRIMARY KEY ("event_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "installation_install_key_key" ON "installation"("install_key");

-- CreateIndex
CREATE INDEX "processed_event_received_at_idx" ON "processed_event"("received_at");


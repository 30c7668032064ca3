-- CreateTable
CREATE TABLE "processed_trigger" (
    "workspace_id" VARCHAR(32) NOT NULL,
    "trigger_id" VARCHAR(255) NOT NULL,
    "received_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "processed_trigger_pkey" PRIMARY KEY ("workspace_id","trigger_id")
);

-- CreateTable
CREATE TABLE "oauth_state" (
    "state_hash" CHAR(64) NOT NULL,
    "install_options" JSONB NOT NULL,
    "expires_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "oauth_state_pkey" PRIMARY KEY ("state_hash")
);

-- CreateIndex
CREATE INDEX "processed_trigger_received_at_idx" ON "processed_trigger"("received_at");

-- CreateIndex
CREATE INDEX "oauth_state_expires_at_idx" ON "oauth_state"("expires_at");


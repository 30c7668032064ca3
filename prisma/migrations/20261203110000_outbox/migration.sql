-- CreateTable
CREATE TABLE "outbox_event" (
    "id" SERIAL NOT NULL,
    "workspace_id" VARCHAR(32) NOT NULL,
    "kind" VARCHAR(40) NOT NULL,
    "actor_user_id" VARCHAR(32) NOT NULL,
    "channel_id" VARCHAR(32),
    "payload" JSONB NOT NULL,
    "occurred_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "outbox_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "outbox_delivery" (
    "event_id" INTEGER NOT NULL,
    "consumer" VARCHAR(40) NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMP(3) NOT NULL,
    "delivered_at" TIMESTAMP(3),
    "failed_at" TIMESTAMP(3),
    "last_error" VARCHAR(500),

    CONSTRAINT "outbox_delivery_pkey" PRIMARY KEY ("event_id","consumer")
);

-- CreateIndex
CREATE INDEX "outbox_event_workspace_id_occurred_at_idx" ON "outbox_event"("workspace_id", "occurred_at");

-- CreateIndex
CREATE INDEX "outbox_delivery_consumer_next_attempt_at_idx" ON "outbox_delivery"("consumer", "next_attempt_at");

-- AddForeignKey
ALTER TABLE "outbox_delivery" ADD CONSTRAINT "outbox_delivery_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "outbox_event"("id") ON DELETE CASCADE ON UPDATE CASCADE;


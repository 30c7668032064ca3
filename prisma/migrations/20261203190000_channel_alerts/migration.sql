-- Channel alerts (issue 15): the alerts, the messages they fold events into, and the opportunity each
-- outbox event is about (a consumer delivers one opportunity's events in order).
ALTER TABLE "outbox_event" ADD COLUMN "subject" VARCHAR(20);
UPDATE "outbox_event" SET "subject" = COALESCE("payload"->>'no', "payload"->>'opportunityNo');

-- CreateIndex
CREATE INDEX "outbox_event_workspace_id_subject_id_idx" ON "outbox_event"("workspace_id", "subject", "id");

-- CreateTable
CREATE TABLE "channel_alert" (
    "id" SERIAL NOT NULL,
    "workspace_id" VARCHAR(32) NOT NULL,
    "channel_id" VARCHAR(32) NOT NULL,
    "kinds" VARCHAR(20)[],
    "value_op" VARCHAR(2),
    "value_amount" DECIMAL(38,20),
    "sales_cycle_code" VARCHAR(10),
    "owner_slack_user_id" VARCHAR(32),
    "created_by_slack_user_id" VARCHAR(32) NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL,
    "disabled_at" TIMESTAMP(3),
    "disabled_reason" VARCHAR(100),

    CONSTRAINT "channel_alert_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "channel_alert_workspace_id_idx" ON "channel_alert"("workspace_id");

-- CreateTable
CREATE TABLE "alert_message" (
    "alert_id" INTEGER NOT NULL,
    "opportunity_no" VARCHAR(20) NOT NULL,
    "channel_id" VARCHAR(32) NOT NULL,
    "ts" VARCHAR(32) NOT NULL,
    "first_event_at" TIMESTAMP(3) NOT NULL,
    "posted_at" TIMESTAMP(3) NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL,
    "event_ids" INTEGER[],

    CONSTRAINT "alert_message_pkey" PRIMARY KEY ("alert_id","opportunity_no")
);

-- AddForeignKey
ALTER TABLE "alert_message" ADD CONSTRAINT "alert_message_alert_id_fkey" FOREIGN KEY ("alert_id") REFERENCES "channel_alert"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Personal notifications (issue 15): preferences, muted opportunities, what each person was sent or
-- has held for their daily summary, and the overdue/stale occasions already told.
CREATE TABLE "notification_preference" (
    "workspace_id" VARCHAR(32) NOT NULL,
    "slack_user_id" VARCHAR(32) NOT NULL,
    "changes" VARCHAR(8) NOT NULL DEFAULT 'instant',
    "tasks" VARCHAR(8) NOT NULL DEFAULT 'instant',
    "overdue" VARCHAR(8) NOT NULL DEFAULT 'daily',
    "stale" VARCHAR(8) NOT NULL DEFAULT 'daily',
    "summary_at" VARCHAR(5) NOT NULL DEFAULT '09:00',
    "quiet_start" VARCHAR(5),
    "quiet_end" VARCHAR(5),
    "last_summary_on" DATE,
    "disabled_at" TIMESTAMP(3),
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notification_preference_pkey" PRIMARY KEY ("workspace_id", "slack_user_id"),
    CONSTRAINT "notification_preference_modes_check" CHECK (
      "changes" IN ('instant', 'daily', 'off') AND "tasks" IN ('instant', 'daily', 'off') AND
      "overdue" IN ('instant', 'daily', 'off') AND "stale" IN ('instant', 'daily', 'off'))
);

CREATE TABLE "notification_mute" (
    "workspace_id" VARCHAR(32) NOT NULL,
    "slack_user_id" VARCHAR(32) NOT NULL,
    "opportunity_no" VARCHAR(20) NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notification_mute_pkey" PRIMARY KEY ("workspace_id", "slack_user_id", "opportunity_no")
);

CREATE TABLE "notification" (
    "id" SERIAL NOT NULL,
    "workspace_id" VARCHAR(32) NOT NULL,
    "slack_user_id" VARCHAR(32) NOT NULL,
    "event_id" INTEGER NOT NULL,
    "held" BOOLEAN NOT NULL DEFAULT false,
    "summary_event_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL,
    "sent_at" TIMESTAMP(3),

    CONSTRAINT "notification_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "notification_event_id_slack_user_id_key" ON "notification"("event_id", "slack_user_id");
CREATE INDEX "notification_workspace_id_slack_user_id_held_sent_at_idx" ON "notification"("workspace_id", "slack_user_id", "held", "sent_at");

CREATE TABLE "attention_notice" (
    "opportunity_id" INTEGER NOT NULL,
    "occasion" VARCHAR(8) NOT NULL,
    "since" DATE NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "attention_notice_pkey" PRIMARY KEY ("opportunity_id", "occasion", "since"),
    CONSTRAINT "attention_notice_occasion_check" CHECK ("occasion" IN ('overdue', 'stale'))
);

-- The salesperson's DMs (a reassignment, a task due) are now the notifications consumer's: deliveries
-- still waiting under the old consumers' names are handed over.
UPDATE "outbox_delivery" SET "consumer" = 'notifications'
 WHERE "consumer" IN ('owner-notices', 'reminders') AND "delivered_at" IS NULL AND "failed_at" IS NULL;

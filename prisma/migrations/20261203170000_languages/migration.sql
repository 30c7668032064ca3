-- Languages (issue 12): the workspace's default for channel posts, and the choices people make with
-- `/opp language` for themselves or for a channel.
ALTER TABLE "workspace" ADD COLUMN "language" VARCHAR(5);

CREATE TABLE "language_choice" (
    "workspace_id" VARCHAR(32) NOT NULL,
    "scope" VARCHAR(10) NOT NULL,
    "subject_id" VARCHAR(32) NOT NULL,
    "language" VARCHAR(5) NOT NULL,
    "chosen_by" VARCHAR(32) NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "language_choice_pkey" PRIMARY KEY ("workspace_id", "scope", "subject_id"),
    CONSTRAINT "language_choice_scope_check" CHECK ("scope" IN ('member', 'channel')),
    CONSTRAINT "language_choice_language_check" CHECK ("language" IN ('en', 'fr', 'it', 'nb', 'zh'))
);

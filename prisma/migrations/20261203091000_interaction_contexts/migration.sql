-- CreateTable
CREATE TABLE "interaction_context" (
    "id" TEXT NOT NULL,
    "workspace_id" VARCHAR(32) NOT NULL,
    "user_id" VARCHAR(32) NOT NULL,
    "kind" VARCHAR(32) NOT NULL,
    "payload" JSONB NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL,
    "expires_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "interaction_context_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "interaction_context_expires_at_idx" ON "interaction_context"("expires_at");


-- The dispatcher claims a consumer's deliveries neither delivered nor failed, oldest event first, and
-- checks that no earlier event of the same opportunity is still waiting. Settled deliveries stay (the
-- history), so with only (consumer, next_attempt_at) each claim stepped over all of them; this index
-- holds just the waiting ones.
CREATE INDEX "outbox_delivery_waiting_idx" ON "outbox_delivery"("consumer", "event_id")
  WHERE "delivered_at" IS NULL AND "failed_at" IS NULL;

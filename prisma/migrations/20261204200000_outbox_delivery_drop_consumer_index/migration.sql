-- The outbox's deliveries by (consumer, next_attempt_at): no statement reads them by that since the
-- claim reads outbox_delivery_waiting_idx (the waiting ones only). Kept, it cost every delivery an index
-- entry when written, claimed and settled, and it misled the planner on tables without statistics
-- (PGlite's, until the upkeep's first pass): settling a batch was planned as a scan of the consumer's
-- every delivery through it.
DROP INDEX "outbox_delivery_consumer_next_attempt_at_idx";

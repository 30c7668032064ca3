-- The estimated value of the entry before this one of the same opportunity (by entry no.), null on an
-- opportunity's first entry: the digest's "value changes" read it instead of a LAG window over every
-- entry of the opportunities that changed. A trigger writes it in the statement that inserts the
-- entry, whoever inserts it, so it cannot be forgotten. Entries are never updated in their estimated
-- value nor deleted one by one (an opportunity's are deleted with it), and the opportunity's row lock
-- orders the inserts of one opportunity, so the value read at insert stays the LAG of the history.

-- AlterTable
ALTER TABLE "opportunity_entry" ADD COLUMN "previous_estimated_value" DECIMAL(18,2);

-- The entry before is one step down the (opportunity_id, id) index, which replaces the opportunity_id
-- one. enable_seqscan off: the function's plan is cached for the session, and one planned while the
-- table was small (or during one bulk statement that fills it) would scan the table for every row.
DROP INDEX "opportunity_entry_opportunity_id_idx";
CREATE INDEX "opportunity_entry_opportunity_id_id_idx" ON "opportunity_entry"("opportunity_id", "id");

CREATE FUNCTION "opportunity_entry_previous_value"() RETURNS trigger LANGUAGE plpgsql SET enable_seqscan = off AS $$
BEGIN
  NEW."previous_estimated_value" := (
    SELECT p."estimated_value" FROM "opportunity_entry" p
    WHERE p."opportunity_id" = NEW."opportunity_id" AND p."id" < NEW."id"
    ORDER BY p."id" DESC LIMIT 1);
  RETURN NEW;
END
$$;

CREATE TRIGGER "opportunity_entry_previous_value" BEFORE INSERT ON "opportunity_entry"
FOR EACH ROW EXECUTE FUNCTION "opportunity_entry_previous_value"();

-- The entries written before this migration.
UPDATE "opportunity_entry" e
SET "previous_estimated_value" = h."previous_value"
FROM (
  SELECT "id", lag("estimated_value") OVER (PARTITION BY "opportunity_id" ORDER BY "id") AS "previous_value"
  FROM "opportunity_entry"
) h
WHERE h."id" = e."id" AND h."previous_value" IS NOT NULL;

-- The digest's attention lists (overdue and closing soon by estimated close date, stale by last change)
-- are top-N of the open started active entries: read in these indexes' order, each list reads its own
-- lines instead of every candidate.
CREATE INDEX "opportunity_entry_open_close_date_idx" ON "opportunity_entry"("workspace_id", "estimated_close_date", "opportunity_id") WHERE "active" AND "stage" IS NOT NULL;
CREATE INDEX "opportunity_entry_open_last_change_idx" ON "opportunity_entry"("workspace_id", "date_of_change", "opportunity_id") WHERE "active" AND "stage" IS NOT NULL;

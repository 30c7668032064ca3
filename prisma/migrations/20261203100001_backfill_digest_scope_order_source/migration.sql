-- Fills the columns added by 20261203100000 for rows written before them. Every statement only
-- touches rows whose new columns are still empty, so running this again changes nothing.

-- Scheduled digest runs: the scope of their subscription.
UPDATE "digest_run" r
SET "sales_cycle_code" = s."sales_cycle_code", "time_zone" = s."time_zone"
FROM "digest_subscription" s
WHERE s."id" = r."subscription_id" AND r."time_zone" IS NULL;

-- On-demand digest runs carried their scope in the period key: now:<uuid>:<cycle>:<salesperson>:<time zone>.
-- A key that does not read that way leaves the time zone empty, and the scheduler fails that run.
UPDATE "digest_run"
SET "sales_cycle_code" = nullif(substring("period_key" FROM '^now:[0-9a-f-]{36}:([A-Z0-9_./-]{0,10}):[A-Z0-9]{0,20}:.{1,64}$'), ''),
    "salesperson_slack_user_id" = nullif(substring("period_key" FROM '^now:[0-9a-f-]{36}:[A-Z0-9_./-]{0,10}:([A-Z0-9]{0,20}):.{1,64}$'), ''),
    "time_zone" = substring("period_key" FROM '^now:[0-9a-f-]{36}:[A-Z0-9_./-]{0,10}:[A-Z0-9]{0,20}:(.{1,64})$')
WHERE "subscription_id" IS NULL AND "time_zone" IS NULL
  AND "period_key" ~ '^now:[0-9a-f-]{36}:[A-Z0-9_./-]{0,10}:[A-Z0-9]{0,20}:.{1,64}$';

-- Orders linked to an opportunity were made from it.
UPDATE "sales_order"
SET "source_opportunity_id" = "opportunity_id"
WHERE "source_opportunity_id" IS NULL AND "opportunity_id" IS NOT NULL;

-- A Lost opportunity's order was written unlinked, in the same transaction as the opportunity's last
-- change: same instant, contact and salesperson. Filled only where order and opportunity match each
-- other and nothing else.
UPDATE "sales_order" so
SET "source_opportunity_id" = m."opportunity_id"
FROM (
  SELECT c."order_id", c."opportunity_id"
  FROM (
    SELECT x."id" AS "order_id", o."id" AS "opportunity_id",
           count(*) OVER (PARTITION BY x."id") AS "per_order",
           count(*) OVER (PARTITION BY o."id") AS "per_opportunity"
    FROM "sales_order" x
    JOIN "opportunity" o
      ON o."workspace_id" = x."workspace_id" AND o."contact_id" = x."contact_id"
     AND o."salesperson_id" = x."salesperson_id" AND o."updated_at" = x."created_at"
    WHERE x."opportunity_id" IS NULL AND x."source_opportunity_id" IS NULL AND o."status" = 'LOST'
  ) c
  WHERE c."per_order" = 1 AND c."per_opportunity" = 1
) m
WHERE so."id" = m."order_id"
  AND NOT EXISTS (SELECT 1 FROM "sales_order" t WHERE t."source_opportunity_id" = m."opportunity_id");

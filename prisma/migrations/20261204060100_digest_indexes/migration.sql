-- The digest's reads that may stop early or read only their own rows (src/services/digests.ts). When
-- most opportunities are new (a first digest), each "what changed" list walks one of these in its own
-- order and stops after a page, instead of sorting every candidate: the new opportunities by their
-- active entry's value, the moves forward and back in entry order, the closes by amount. The closes of
-- the period and the chart read the active closing entries by date; the value changes read only the
-- entries whose value differs from the one before. All partial: an entry lands in few of them (a move:
-- the active one, one of the two move indexes, and the value change one when its value changed).
CREATE INDEX "opportunity_entry_active_value_idx" ON "opportunity_entry"("workspace_id", "estimated_value" DESC, "opportunity_id") WHERE "active";
CREATE INDEX "opportunity_entry_closed_date_idx" ON "opportunity_entry"("workspace_id", "date_of_change") WHERE "active" AND "stage" IS NULL;
CREATE INDEX "opportunity_entry_value_change_idx" ON "opportunity_entry"("workspace_id", "created_at") WHERE "estimated_value" <> "previous_estimated_value";
CREATE INDEX "opportunity_entry_forward_idx" ON "opportunity_entry"("workspace_id", "id") WHERE "stage" > "previous_stage";
CREATE INDEX "opportunity_entry_back_idx" ON "opportunity_entry"("workspace_id", "id") WHERE "stage" < "previous_stage";
CREATE INDEX "opportunity_entry_close_amount_idx" ON "opportunity_entry"("workspace_id", (CASE WHEN "action_taken" = 'WON' THEN "calcd_current_value" ELSE "estimated_value" END) DESC, "id") WHERE "action_taken" IN ('WON', 'LOST');

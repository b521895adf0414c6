-- The 增减台账 counts each event on its own date, apart from the date it happened (docs/membership.md §8): the
-- approval of a decision, a member's arrival in this deployment's records, a correction booked in the current
-- period. Every event recorded so far was counted on the day it happened, so that is where they start.
ALTER TABLE "member_events" ADD COLUMN "counted_on" date;--> statement-breakpoint
UPDATE "member_events" SET "counted_on" = "effective_on";--> statement-breakpoint
ALTER TABLE "member_events" ALTER COLUMN "counted_on" SET NOT NULL;--> statement-breakpoint
DROP INDEX "member_events_org_idx";--> statement-breakpoint
DROP INDEX "member_events_to_org_idx";--> statement-breakpoint
CREATE INDEX "member_events_org_idx" ON "member_events" USING btree ("org_id","counted_on");--> statement-breakpoint
CREATE INDEX "member_events_to_org_idx" ON "member_events" USING btree ("to_org_id","counted_on");--> statement-breakpoint
ANALYZE "member_events";

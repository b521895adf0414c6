-- The table is derived: emptied (and marked never filled), the start-up pass or the first read fills it again.
DELETE FROM "findings";--> statement-breakpoint
DELETE FROM "findings_meta";--> statement-breakpoint
ALTER TABLE "findings" ADD COLUMN "path" "ltree" NOT NULL;--> statement-breakpoint
ALTER TABLE "findings" ADD COLUMN "urgency" smallint NOT NULL;--> statement-breakpoint
CREATE INDEX "findings_order_idx" ON "findings" USING btree ("urgency","date","org_id");--> statement-breakpoint
CREATE INDEX "findings_path_gist" ON "findings" USING gist ("path");--> statement-breakpoint
-- A move rewrites the paths of the whole subtree: its findings follow in the same statement.
CREATE OR REPLACE FUNCTION findings_follow_path() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE findings SET path = NEW.path WHERE org_id = NEW.id;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER orgs_findings_follow_path
  AFTER UPDATE OF path ON orgs
  FOR EACH ROW WHEN (OLD.path::text IS DISTINCT FROM NEW.path::text) EXECUTE FUNCTION findings_follow_path();

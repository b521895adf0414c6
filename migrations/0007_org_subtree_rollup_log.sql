-- Orgs whose place or kind changes are logged for the subtree rollup in the same transaction (a new org, a
-- move, which rewrites the paths of the whole subtree, a change of kind, a dissolution), so that subtree
-- statistics stay exact between refreshes. Appending never waits on another writer.
CREATE OR REPLACE FUNCTION org_stats_log_org_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO org_stats_changes (org_id) VALUES (NEW.id);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER orgs_log_for_subtree_stats
  AFTER INSERT OR UPDATE OF path, kind, dissolved_on ON orgs
  FOR EACH ROW EXECUTE FUNCTION org_stats_log_org_change();
--> statement-breakpoint
-- Existing orgs are folded in by the first refresh.
INSERT INTO org_stats_changes (org_id) SELECT id FROM orgs;

-- `decisions` (src/server/todos/inputs.ts): a 支部大会 decision recorded, approved or withdrawn marks the org that
-- approves it, the level above the 党支部 it was decided in (the branch of a 党小组), for the to-dos
-- 决定待上级批准 / 超过3个月未批准 (docs/membership.md §12). Row by row, only when the status changes.
CREATE OR REPLACE FUNCTION findings_mark_decisions() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  decided_in integer := CASE WHEN TG_OP = 'DELETE' THEN OLD.org_id ELSE NEW.org_id END;
BEGIN
  INSERT INTO findings_dirty (org_id, input)
    SELECT a.id, 'decisions'
      FROM orgs o
      JOIN orgs a ON a.path = subpath(o.path, 0,
        greatest(nlevel(o.path) - CASE WHEN o.kind = 'group' THEN 2 ELSE 1 END, 1))
     WHERE o.id = decided_in;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER member_decisions_mark_findings_insert
  AFTER INSERT ON member_decisions
  FOR EACH ROW EXECUTE FUNCTION findings_mark_decisions();
--> statement-breakpoint
CREATE TRIGGER member_decisions_mark_findings_update
  AFTER UPDATE OF status, org_id ON member_decisions
  FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.org_id IS DISTINCT FROM NEW.org_id)
  EXECUTE FUNCTION findings_mark_decisions();
--> statement-breakpoint
CREATE TRIGGER member_decisions_mark_findings_delete
  AFTER DELETE ON member_decisions
  FOR EACH ROW EXECUTE FUNCTION findings_mark_decisions();

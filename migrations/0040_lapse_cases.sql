-- `lapse_cases` (src/server/todos/inputs.ts): a 党章第九条 case (docs/membership.md §6) opened, closed or removed marks
-- the 党支部 of its member — the branch the case was opened in and the member's branch now (the branch of a 党小组) —
-- so that the member's absence to-dos are computed again: none while a case is open, and the months a closed case
-- excused no longer count. The table itself was created by migration 0039, generated while this one was being
-- written. Row by row (a case is written one at a time), an update only when its status or run changes.
CREATE OR REPLACE FUNCTION findings_mark_lapse_cases() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  case_org integer := CASE WHEN TG_OP = 'DELETE' THEN OLD.org_id ELSE NEW.org_id END;
  case_member integer := CASE WHEN TG_OP = 'DELETE' THEN OLD.member_id ELSE NEW.member_id END;
BEGIN
  INSERT INTO findings_dirty (org_id, input)
    SELECT DISTINCT x.org_id, 'lapse_cases'
      FROM (SELECT org_life_branch_of(case_org) AS org_id
            UNION SELECT org_life_branch_of(m.org_id) FROM members m WHERE m.id = case_member) x
     WHERE x.org_id IS NOT NULL;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER lapse_cases_mark_findings_insert
  AFTER INSERT ON lapse_cases
  FOR EACH ROW EXECUTE FUNCTION findings_mark_lapse_cases();
--> statement-breakpoint
CREATE TRIGGER lapse_cases_mark_findings_update
  AFTER UPDATE ON lapse_cases
  FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.outcome IS DISTINCT FROM NEW.outcome
                     OR OLD.run_to IS DISTINCT FROM NEW.run_to OR OLD.member_id IS DISTINCT FROM NEW.member_id)
  EXECUTE FUNCTION findings_mark_lapse_cases();
--> statement-breakpoint
CREATE TRIGGER lapse_cases_mark_findings_delete
  AFTER DELETE ON lapse_cases
  FOR EACH ROW EXECUTE FUNCTION findings_mark_lapse_cases();

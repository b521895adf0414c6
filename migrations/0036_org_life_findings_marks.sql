-- `meetings` (src/server/todos/inputs.ts): the to-dos of organizational life (docs/organizational-life.md §6) rest on
-- a branch's meetings, their attendance and its exemptions. A statement changing them marks, in findings_dirty,
-- the 党支部 that holds the meeting (the branch of a 党小组), statement by statement.
CREATE OR REPLACE FUNCTION findings_mark_meetings() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO findings_dirty (org_id, input)
      SELECT DISTINCT org_life_branch_of(n.org_id), 'meetings' FROM new_rows n;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO findings_dirty (org_id, input)
      SELECT DISTINCT org_life_branch_of(o.org_id), 'meetings' FROM old_rows o;
  ELSE
    INSERT INTO findings_dirty (org_id, input)
      SELECT DISTINCT org_life_branch_of(x.org_id), 'meetings'
        FROM old_rows o JOIN new_rows n ON n.id = o.id,
             LATERAL (VALUES (o.org_id), (n.org_id)) AS x(org_id)
       WHERE o.org_id IS DISTINCT FROM n.org_id OR o.kinds IS DISTINCT FROM n.kinds
          OR o.status IS DISTINCT FROM n.status OR o.held_on IS DISTINCT FROM n.held_on
          OR o.given_by_head IS DISTINCT FROM n.given_by_head OR o.planned_start IS DISTINCT FROM n.planned_start;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER meetings_mark_findings_insert
  AFTER INSERT ON meetings REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION findings_mark_meetings();
--> statement-breakpoint
CREATE TRIGGER meetings_mark_findings_update
  AFTER UPDATE ON meetings REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION findings_mark_meetings();
--> statement-breakpoint
CREATE TRIGGER meetings_mark_findings_delete
  AFTER DELETE ON meetings REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION findings_mark_meetings();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION findings_mark_attendees() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO findings_dirty (org_id, input)
      SELECT DISTINCT org_life_branch_of(m.org_id), 'meetings'
        FROM (SELECT DISTINCT meeting_id FROM new_rows) a JOIN meetings m ON m.id = a.meeting_id;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO findings_dirty (org_id, input)
      SELECT DISTINCT org_life_branch_of(m.org_id), 'meetings'
        FROM (SELECT DISTINCT meeting_id FROM old_rows) a JOIN meetings m ON m.id = a.meeting_id;
  ELSE
    INSERT INTO findings_dirty (org_id, input)
      SELECT DISTINCT org_life_branch_of(m.org_id), 'meetings'
        FROM (SELECT meeting_id FROM old_rows UNION SELECT meeting_id FROM new_rows) a
        JOIN meetings m ON m.id = a.meeting_id;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER meeting_attendees_mark_findings_insert
  AFTER INSERT ON meeting_attendees REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION findings_mark_attendees();
--> statement-breakpoint
CREATE TRIGGER meeting_attendees_mark_findings_update
  AFTER UPDATE ON meeting_attendees REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION findings_mark_attendees();
--> statement-breakpoint
CREATE TRIGGER meeting_attendees_mark_findings_delete
  AFTER DELETE ON meeting_attendees REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION findings_mark_attendees();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION findings_mark_exemptions() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO findings_dirty (org_id, input)
    VALUES (CASE WHEN TG_OP = 'DELETE' THEN OLD.org_id ELSE NEW.org_id END, 'meetings');
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER org_life_exemptions_mark_findings
  AFTER INSERT OR UPDATE OR DELETE ON org_life_exemptions
  FOR EACH ROW EXECUTE FUNCTION findings_mark_exemptions();

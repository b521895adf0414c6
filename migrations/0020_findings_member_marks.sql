-- Marks for the findings about members and transfers (src/server/todos/inputs.ts: `members`, `transfers`), in the
-- style of 0011: the writer's refresh recomputes the marked orgs at the end of its transaction.

-- `members`: a member's row, per statement (an import inserts thousands at once): the org it is placed in, before
-- and after, when its placement, status or the dates the deadlines run from change.
CREATE OR REPLACE FUNCTION findings_mark_members() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO findings_dirty (org_id, input) SELECT DISTINCT n.org_id, 'members' FROM new_rows n;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO findings_dirty (org_id, input) SELECT DISTINCT d.org_id, 'members' FROM old_rows d;
  ELSE
    INSERT INTO findings_dirty (org_id, input)
      SELECT DISTINCT v.org_id, 'members'
      FROM new_rows n JOIN old_rows d ON d.id = n.id,
           LATERAL (VALUES (n.org_id), (d.org_id)) v(org_id)
      WHERE (n.org_id, n.status, n.probation_ends_on, n.lost_contact_on, n.person_id)
            IS DISTINCT FROM (d.org_id, d.status, d.probation_ends_on, d.lost_contact_on, d.person_id);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER members_mark_findings_insert
  AFTER INSERT ON members REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION findings_mark_members();
--> statement-breakpoint
CREATE TRIGGER members_mark_findings_update
  AFTER UPDATE ON members REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION findings_mark_members();
--> statement-breakpoint
CREATE TRIGGER members_mark_findings_delete
  AFTER DELETE ON members REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION findings_mark_members();
--> statement-breakpoint
-- A person's name is shown with the findings about them: a new name marks the orgs of the person's members, and the
-- receivers of their pending transfers.
CREATE OR REPLACE FUNCTION findings_mark_person_name() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO findings_dirty (org_id, input)
    SELECT DISTINCT m.org_id, 'members' FROM members m WHERE m.person_id = NEW.id;
  INSERT INTO findings_dirty (org_id, input)
    SELECT DISTINCT t.to_org_id, 'transfers'
    FROM transfers t JOIN members m ON m.id = t.member_id
    WHERE m.person_id = NEW.id AND t.status = 'pending' AND t.to_org_id IS NOT NULL;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER persons_mark_findings
  AFTER UPDATE OF name ON persons
  FOR EACH ROW WHEN (NEW.name IS DISTINCT FROM OLD.name) EXECUTE FUNCTION findings_mark_person_name();
--> statement-breakpoint
-- `transfers`: a transfer's row, for its sending and its receiving org.
CREATE OR REPLACE FUNCTION findings_mark_transfers() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    INSERT INTO findings_dirty (org_id, input)
      SELECT DISTINCT v.id, 'transfers' FROM (VALUES (OLD.from_org_id), (OLD.to_org_id)) v(id) WHERE v.id IS NOT NULL;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO findings_dirty (org_id, input)
      SELECT DISTINCT v.id, 'transfers' FROM (VALUES (NEW.from_org_id), (NEW.to_org_id)) v(id) WHERE v.id IS NOT NULL;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER transfers_mark_findings
  AFTER INSERT OR UPDATE OR DELETE ON transfers
  FOR EACH ROW EXECUTE FUNCTION findings_mark_transfers();

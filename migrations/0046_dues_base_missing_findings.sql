ALTER TABLE "findings" DROP CONSTRAINT "findings_kind_check";--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_kind_check" CHECK (kind in ('term_expired', 'term_expiring', 'head_vacant', 'branch_too_few_members', 'branch_needs_committee', 'branch_too_large', 'probation_ending', 'probation_overdue', 'unreachable_long', 'suspended_long', 'member_unplaced', 'transfer_awaiting', 'transfer_overdue', 'departed_member_account', 'decision_awaiting_approval', 'decision_approval_overdue', 'org_life_due', 'org_life_missing', 'org_life_not_closed', 'org_life_absent', 'org_life_lapse', 'dues_arrears', 'dues_lapse', 'dues_base_missing'));--> statement-breakpoint
-- `dues` (src/server/todos/inputs.ts), for the to-do 未核定基数 (dues_base_missing, docs/dues.md §8): a member owing
-- the month in a percentage category without a base on record, on the to-dos of the 党支部 they owe it to. It rests on
-- the member's bases, record (org, standing, category, 入党时间, arrival), history and name, and on the rules' version
-- (the deciding day): a statement writing them marks, in findings_dirty, the 党支部 the member is in now and those of
-- the orgs they left (the month may be owed where they were on its first day), statement by statement. A new
-- version of the rules marks every org.
CREATE OR REPLACE FUNCTION findings_mark_dues_members(ids integer[]) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO findings_dirty (org_id, input)
    SELECT DISTINCT b.branch_id, 'dues'
      FROM (SELECT m.org_id FROM members m WHERE m.id = ANY (ids)
            UNION SELECT e.org_id FROM member_events e WHERE e.member_id = ANY (ids) AND e.kind = 'org_changed') x,
           LATERAL (SELECT org_life_branch_of(x.org_id) AS branch_id) b
     WHERE x.org_id IS NOT NULL AND b.branch_id IS NOT NULL;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION findings_mark_dues_of_rows() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM findings_mark_dues_members(array(SELECT DISTINCT n.member_id FROM new_rows n));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM findings_mark_dues_members(array(SELECT DISTINCT o.member_id FROM old_rows o));
  ELSE
    PERFORM findings_mark_dues_members(
      array(SELECT o.member_id FROM old_rows o UNION SELECT n.member_id FROM new_rows n));
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER dues_bases_mark_findings_insert
  AFTER INSERT ON dues_bases REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION findings_mark_dues_of_rows();
--> statement-breakpoint
CREATE TRIGGER dues_bases_mark_findings_update
  AFTER UPDATE ON dues_bases REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION findings_mark_dues_of_rows();
--> statement-breakpoint
CREATE TRIGGER dues_bases_mark_findings_delete
  AFTER DELETE ON dues_bases REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION findings_mark_dues_of_rows();
--> statement-breakpoint
-- A history row also marks the branch of its own org (a deleted move's org is no longer in the history).
CREATE OR REPLACE FUNCTION findings_mark_dues_of_events() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM findings_mark_dues_members(array(SELECT DISTINCT n.member_id FROM new_rows n));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM findings_mark_dues_members(array(SELECT DISTINCT o.member_id FROM old_rows o));
    INSERT INTO findings_dirty (org_id, input)
      SELECT DISTINCT org_life_branch_of(x.org_id), 'dues' FROM (SELECT DISTINCT o.org_id FROM old_rows o) x
       WHERE x.org_id IS NOT NULL AND org_life_branch_of(x.org_id) IS NOT NULL;
  ELSE
    PERFORM findings_mark_dues_members(
      array(SELECT o.member_id FROM old_rows o UNION SELECT n.member_id FROM new_rows n));
    INSERT INTO findings_dirty (org_id, input)
      SELECT DISTINCT org_life_branch_of(x.org_id), 'dues' FROM (SELECT DISTINCT o.org_id FROM old_rows o) x
       WHERE x.org_id IS NOT NULL AND org_life_branch_of(x.org_id) IS NOT NULL;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER member_events_mark_findings_dues_insert
  AFTER INSERT ON member_events REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION findings_mark_dues_of_events();
--> statement-breakpoint
CREATE TRIGGER member_events_mark_findings_dues_update
  AFTER UPDATE ON member_events REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION findings_mark_dues_of_events();
--> statement-breakpoint
CREATE TRIGGER member_events_mark_findings_dues_delete
  AFTER DELETE ON member_events REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION findings_mark_dues_of_events();
--> statement-breakpoint
-- A member inserted, removed, or changed in org, standing, category, 入党时间 or arrival: the old org's branch too.
CREATE OR REPLACE FUNCTION findings_mark_dues_of_members() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM findings_mark_dues_members(array(SELECT n.id FROM new_rows n));
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO findings_dirty (org_id, input)
      SELECT DISTINCT org_life_branch_of(x.org_id), 'dues' FROM (SELECT DISTINCT o.org_id FROM old_rows o) x
       WHERE x.org_id IS NOT NULL AND org_life_branch_of(x.org_id) IS NOT NULL;
  ELSE
    PERFORM findings_mark_dues_members(array(
      SELECT n.id FROM old_rows o JOIN new_rows n ON n.id = o.id
       WHERE (o.org_id, o.status, o.category, o.admitted_on, o.entered_on, o.entered_by)
             IS DISTINCT FROM (n.org_id, n.status, n.category, n.admitted_on, n.entered_on, n.entered_by)));
    INSERT INTO findings_dirty (org_id, input)
      SELECT DISTINCT org_life_branch_of(x.org_id), 'dues'
        FROM (SELECT DISTINCT o.org_id FROM old_rows o JOIN new_rows n ON n.id = o.id
               WHERE o.org_id IS DISTINCT FROM n.org_id) x
       WHERE x.org_id IS NOT NULL AND org_life_branch_of(x.org_id) IS NOT NULL;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER members_mark_findings_dues_insert
  AFTER INSERT ON members REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION findings_mark_dues_of_members();
--> statement-breakpoint
CREATE TRIGGER members_mark_findings_dues_update
  AFTER UPDATE ON members REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION findings_mark_dues_of_members();
--> statement-breakpoint
CREATE TRIGGER members_mark_findings_dues_delete
  AFTER DELETE ON members REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION findings_mark_dues_of_members();
--> statement-breakpoint
-- The finding names the members: a person renamed marks their branches.
CREATE OR REPLACE FUNCTION findings_mark_dues_of_person() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM findings_mark_dues_members(array(SELECT m.id FROM members m WHERE m.person_id = NEW.id));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER persons_mark_findings_dues
  AFTER UPDATE OF name ON persons
  FOR EACH ROW WHEN (NEW.name IS DISTINCT FROM OLD.name) EXECUTE FUNCTION findings_mark_dues_of_person();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION findings_mark_dues_every_org() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO findings_dirty (org_id, input) VALUES (NULL, 'dues');
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER dues_rule_sets_mark_findings
  AFTER INSERT OR UPDATE OR DELETE ON dues_rule_sets
  FOR EACH STATEMENT EXECUTE FUNCTION findings_mark_dues_every_org();

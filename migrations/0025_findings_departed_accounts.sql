ALTER TABLE "findings" DROP CONSTRAINT "findings_kind_check";--> statement-breakpoint
ALTER TABLE "findings_dirty" DROP CONSTRAINT "findings_dirty_input_check";--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_kind_check" CHECK (kind in ('term_expired', 'term_expiring', 'head_vacant', 'branch_too_few_members', 'branch_needs_committee', 'branch_too_large', 'probation_ending', 'probation_overdue', 'unreachable_long', 'suspended_long', 'member_unplaced', 'transfer_awaiting', 'transfer_overdue', 'departed_member_account'));--> statement-breakpoint
ALTER TABLE "findings_dirty" ADD CONSTRAINT "findings_dirty_input_check" CHECK (input in ('org', 'posts', 'roster', 'term_policy', 'members', 'transfers', 'accounts'));--> statement-breakpoint
-- `accounts` (src/server/todos/inputs.ts): an account linked to a person, linked or unlinked, deactivated or
-- reactivated marks the org of that person's member, for the to-do 党员已离开但账号仍可用 (docs/security.md §2.1).
-- Row by row, and only when the link or the deactivation changes: a login (last_login_at, failed_attempts) marks
-- nothing.
CREATE OR REPLACE FUNCTION findings_mark_accounts() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' AND OLD.person_id IS NOT NULL THEN
    INSERT INTO findings_dirty (org_id, input)
      SELECT m.org_id, 'accounts' FROM members m WHERE m.person_id = OLD.person_id;
  END IF;
  IF TG_OP <> 'DELETE' AND NEW.person_id IS NOT NULL
     AND (TG_OP = 'INSERT' OR NEW.person_id IS DISTINCT FROM OLD.person_id) THEN
    INSERT INTO findings_dirty (org_id, input)
      SELECT m.org_id, 'accounts' FROM members m WHERE m.person_id = NEW.person_id;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER users_mark_findings_insert
  AFTER INSERT ON users
  FOR EACH ROW WHEN (NEW.person_id IS NOT NULL) EXECUTE FUNCTION findings_mark_accounts();
--> statement-breakpoint
CREATE TRIGGER users_mark_findings_update
  AFTER UPDATE OF person_id, deactivated_at ON users
  FOR EACH ROW WHEN ((OLD.person_id IS NOT NULL OR NEW.person_id IS NOT NULL)
                     AND (OLD.person_id, OLD.deactivated_at IS NULL)
                         IS DISTINCT FROM (NEW.person_id, NEW.deactivated_at IS NULL))
  EXECUTE FUNCTION findings_mark_accounts();
--> statement-breakpoint
CREATE TRIGGER users_mark_findings_delete
  AFTER DELETE ON users
  FOR EACH ROW WHEN (OLD.person_id IS NOT NULL) EXECUTE FUNCTION findings_mark_accounts();

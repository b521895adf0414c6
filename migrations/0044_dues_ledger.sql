ALTER TABLE "audit_log" DROP CONSTRAINT "audit_log_action_check";--> statement-breakpoint
ALTER TABLE "audit_log" DROP CONSTRAINT "audit_log_entity_type_check";--> statement-breakpoint
ALTER TABLE "findings" DROP CONSTRAINT "findings_kind_check";--> statement-breakpoint
ALTER TABLE "findings_dirty" DROP CONSTRAINT "findings_dirty_input_check";--> statement-breakpoint
ALTER TABLE "dues_ledger" ADD COLUMN "prepayment_consent_by" text;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_action_check" CHECK ("audit_log"."action" in ('auth.login', 'auth.login_failed', 'auth.logout', 'auth.account_locked', 'auth.password_change', 'auth.password_change_failed', 'auth.second_factor_failed', 'auth.second_factor_enable', 'auth.second_factor_disable', 'auth.recovery_codes_regenerate', 'api_token.create', 'api_token.revoke', 'settings.update', 'user.bootstrap', 'user.create', 'user.update', 'user.unlock', 'user.password_reset', 'user.second_factor_reset', 'user.deactivate', 'user.reactivate', 'user.member_account_open', 'user.initial_passwords_export', 'user.member_account_close', 'role.grant', 'role.revoke', 'org.create', 'org.update', 'org.move', 'org.dissolve', 'leadership.create', 'leadership.update', 'leadership.end', 'term.renew', 'audit_log.export', 'member.create', 'member.update', 'member.reveal', 'member.id_conflict', 'member.status_change', 'member.self_update', 'member.group_move', 'member.decision_record', 'member.decision_approve', 'member.decision_withdraw', 'transfer.create', 'transfer.receive', 'transfer.reject', 'transfer.cancel', 'transfer.complete_out', 'transfer.print', 'member.import', 'member.export', 'import_batch.undo', 'ledger.export', 'ledger.close', 'ledger.reopen', 'meeting.register_export', 'org_life.exemption_create', 'org_life.exemption_delete', 'org_life.rule_set_create', 'org_life.rule_set_update', 'org_life.rule_set_delete', 'appraisal.create', 'appraisal.participant', 'appraisal.ballot', 'appraisal.close', 'appraisal.reopen', 'appraisal.case_create', 'appraisal.case_update', 'appraisal.case_delete', 'lapse_case.open', 'lapse_case.step', 'lapse_case.close', 'dues_base.set', 'dues_base.import', 'dues_base.export', 'dues_charges.generate', 'dues_reduction.create', 'dues_reduction.approve', 'dues_reduction.reject', 'dues_reduction.withdraw', 'dues_sheet.export', 'dues_payment.record', 'dues_payment.reverse', 'dues_special.record', 'talk.create', 'talk.update', 'talk.delete', 'meeting.create', 'meeting.update', 'meeting.delete', 'meeting.hold', 'meeting.close', 'meeting.reopen', 'meeting.attendance', 'meeting.check_in', 'meeting.leave_request', 'meeting.attachment_add', 'meeting.attachment_remove', 'meeting.vote', 'system.backup', 'system.restore'));--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_entity_type_check" CHECK ("audit_log"."entity_type" in ('user', 'role_assignment', 'org', 'leadership_post', 'committee_term', 'settings', 'api_token', 'audit_log', 'member', 'person', 'transfer', 'import_batch', 'backup', 'ledger_period', 'meeting', 'org_life_exemption', 'org_life_rule_set', 'appraisal', 'appraisal_case', 'talk', 'lapse_case', 'dues_base', 'dues_month', 'dues_reduction', 'dues_ledger_entry'));--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_kind_check" CHECK (kind in ('term_expired', 'term_expiring', 'head_vacant', 'branch_too_few_members', 'branch_needs_committee', 'branch_too_large', 'probation_ending', 'probation_overdue', 'unreachable_long', 'suspended_long', 'member_unplaced', 'transfer_awaiting', 'transfer_overdue', 'departed_member_account', 'decision_awaiting_approval', 'decision_approval_overdue', 'org_life_due', 'org_life_missing', 'org_life_not_closed', 'org_life_absent', 'org_life_lapse', 'dues_arrears', 'dues_lapse'));--> statement-breakpoint
ALTER TABLE "findings_dirty" ADD CONSTRAINT "findings_dirty_input_check" CHECK (input in ('org', 'posts', 'roster', 'term_policy', 'members', 'transfers', 'accounts', 'decisions', 'meetings', 'lapse_cases', 'dues'));--> statement-breakpoint
-- `dues` (src/server/todos/inputs.ts): the arrears to-dos (docs/dues.md §5) rest on a member's charges and ledger
-- entries. A statement writing them marks, in findings_dirty, the 党支部 the member is in now (the branch of a 党小组),
-- where those to-dos are, statement by statement. The ledger only takes inserts (0039 refuses the rest).
CREATE OR REPLACE FUNCTION findings_mark_dues() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO findings_dirty (org_id, input)
      SELECT DISTINCT org_life_branch_of(m.org_id), 'dues'
        FROM (SELECT DISTINCT member_id FROM new_rows) n JOIN members m ON m.id = n.member_id
       WHERE m.org_id IS NOT NULL;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO findings_dirty (org_id, input)
      SELECT DISTINCT org_life_branch_of(m.org_id), 'dues'
        FROM (SELECT DISTINCT member_id FROM old_rows) o JOIN members m ON m.id = o.member_id
       WHERE m.org_id IS NOT NULL;
  ELSE
    INSERT INTO findings_dirty (org_id, input)
      SELECT DISTINCT org_life_branch_of(m.org_id), 'dues'
        FROM (SELECT n.member_id FROM old_rows o JOIN new_rows n ON n.member_id = o.member_id AND n.month = o.month
               WHERE o.amount IS DISTINCT FROM n.amount
              UNION SELECT n.member_id FROM new_rows n
               WHERE NOT EXISTS (SELECT 1 FROM old_rows o WHERE o.member_id = n.member_id AND o.month = n.month)
              UNION SELECT o.member_id FROM old_rows o
               WHERE NOT EXISTS (SELECT 1 FROM new_rows n WHERE n.member_id = o.member_id AND n.month = o.month)) c
        JOIN members m ON m.id = c.member_id
       WHERE m.org_id IS NOT NULL;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER dues_ledger_mark_findings_insert
  AFTER INSERT ON dues_ledger REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION findings_mark_dues();
--> statement-breakpoint
CREATE TRIGGER dues_charges_mark_findings_insert
  AFTER INSERT ON dues_charges REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION findings_mark_dues();
--> statement-breakpoint
CREATE TRIGGER dues_charges_mark_findings_update
  AFTER UPDATE ON dues_charges REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION findings_mark_dues();
--> statement-breakpoint
CREATE TRIGGER dues_charges_mark_findings_delete
  AFTER DELETE ON dues_charges REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION findings_mark_dues();

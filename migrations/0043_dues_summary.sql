CREATE TABLE "dues_rollup" (
	"org_id" integer NOT NULL,
	"month" date NOT NULL,
	"path" "ltree" NOT NULL,
	"charged" bigint NOT NULL,
	"paid" bigint NOT NULL,
	"owed" bigint NOT NULL,
	"members" integer NOT NULL,
	"paid_in_full" integer NOT NULL,
	"in_arrears" integer NOT NULL,
	"on_time" integer NOT NULL,
	"reduced" integer NOT NULL,
	"exempt" integer NOT NULL,
	CONSTRAINT "dues_rollup_org_id_month_pk" PRIMARY KEY("org_id","month")
);
--> statement-breakpoint
CREATE TABLE "dues_rollup_marks" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "dues_rollup_marks_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"org_id" integer NOT NULL,
	"month" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dues_rollup_subtree" (
	"org_id" integer NOT NULL,
	"month" date NOT NULL,
	"charged" bigint NOT NULL,
	"paid" bigint NOT NULL,
	"owed" bigint NOT NULL,
	"members" integer NOT NULL,
	"paid_in_full" integer NOT NULL,
	"in_arrears" integer NOT NULL,
	"on_time" integer NOT NULL,
	"reduced" integer NOT NULL,
	"exempt" integer NOT NULL,
	CONSTRAINT "dues_rollup_subtree_org_id_month_pk" PRIMARY KEY("org_id","month")
);
--> statement-breakpoint
ALTER TABLE "audit_log" DROP CONSTRAINT "audit_log_action_check";--> statement-breakpoint
ALTER TABLE "dues_rollup" ADD CONSTRAINT "dues_rollup_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dues_rollup_marks_org_idx" ON "dues_rollup_marks" USING btree ("org_id");--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_action_check" CHECK ("audit_log"."action" in ('auth.login', 'auth.login_failed', 'auth.logout', 'auth.account_locked', 'auth.password_change', 'auth.password_change_failed', 'auth.second_factor_failed', 'auth.second_factor_enable', 'auth.second_factor_disable', 'auth.recovery_codes_regenerate', 'api_token.create', 'api_token.revoke', 'settings.update', 'user.bootstrap', 'user.create', 'user.update', 'user.unlock', 'user.password_reset', 'user.second_factor_reset', 'user.deactivate', 'user.reactivate', 'user.member_account_open', 'user.initial_passwords_export', 'user.member_account_close', 'role.grant', 'role.revoke', 'org.create', 'org.update', 'org.move', 'org.dissolve', 'leadership.create', 'leadership.update', 'leadership.end', 'term.renew', 'audit_log.export', 'member.create', 'member.update', 'member.reveal', 'member.id_conflict', 'member.status_change', 'member.self_update', 'member.group_move', 'member.decision_record', 'member.decision_approve', 'member.decision_withdraw', 'transfer.create', 'transfer.receive', 'transfer.reject', 'transfer.cancel', 'transfer.complete_out', 'transfer.print', 'member.import', 'member.export', 'import_batch.undo', 'ledger.export', 'ledger.close', 'ledger.reopen', 'meeting.register_export', 'org_life.exemption_create', 'org_life.exemption_delete', 'org_life.rule_set_create', 'org_life.rule_set_update', 'org_life.rule_set_delete', 'appraisal.create', 'appraisal.participant', 'appraisal.ballot', 'appraisal.close', 'appraisal.reopen', 'appraisal.case_create', 'appraisal.case_update', 'appraisal.case_delete', 'lapse_case.open', 'lapse_case.step', 'lapse_case.close', 'dues_base.set', 'dues_base.import', 'dues_base.export', 'dues_charges.generate', 'dues_reduction.create', 'dues_reduction.approve', 'dues_reduction.reject', 'dues_reduction.withdraw', 'dues_sheet.export', 'talk.create', 'talk.update', 'talk.delete', 'meeting.create', 'meeting.update', 'meeting.delete', 'meeting.hold', 'meeting.close', 'meeting.reopen', 'meeting.attendance', 'meeting.check_in', 'meeting.leave_request', 'meeting.attachment_add', 'meeting.attachment_remove', 'meeting.vote', 'system.backup', 'system.restore'));--> statement-breakpoint
-- The dues collection roll-up (dues_rollup, docs/dues.md §10) is refreshed before a read from the marks these
-- triggers leave in dues_rollup_marks, in the writer's transaction, whoever writes: a charge written (its branch
-- and month, before and after), a ledger entry for a charged month (the charge's branch: a month paid elsewhere
-- still counts where it is owed; a reversal with no month takes the month of the entry it reverses), an org moved
-- (its rows are taken out of the old ancestors' totals and into the new ones'). Statement by statement, so that a
-- bulk write leaves one mark per branch and month.
CREATE OR REPLACE FUNCTION dues_rollup_mark_charges() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO dues_rollup_marks (org_id, month) SELECT DISTINCT n.org_id, n.month FROM new_rows n;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO dues_rollup_marks (org_id, month) SELECT DISTINCT o.org_id, o.month FROM old_rows o;
  ELSE
    INSERT INTO dues_rollup_marks (org_id, month)
      SELECT DISTINCT x.org_id, x.month
        FROM old_rows o FULL JOIN new_rows n ON n.member_id = o.member_id AND n.month = o.month,
             LATERAL (VALUES (o.org_id, o.month), (n.org_id, n.month)) AS x(org_id, month)
       WHERE x.org_id IS NOT NULL
         AND (o.member_id IS NULL OR n.member_id IS NULL OR o.org_id <> n.org_id OR o.amount <> n.amount
              OR o.reduction_id IS DISTINCT FROM n.reduction_id);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER dues_charges_mark_rollup_insert
  AFTER INSERT ON dues_charges REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dues_rollup_mark_charges();
--> statement-breakpoint
CREATE TRIGGER dues_charges_mark_rollup_update
  AFTER UPDATE ON dues_charges REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dues_rollup_mark_charges();
--> statement-breakpoint
CREATE TRIGGER dues_charges_mark_rollup_delete
  AFTER DELETE ON dues_charges REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dues_rollup_mark_charges();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION dues_rollup_mark_ledger() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO dues_rollup_marks (org_id, month)
    SELECT DISTINCT c.org_id, c.month
      FROM new_rows n
      LEFT JOIN dues_ledger r ON r.id = n.reverses_id
      JOIN dues_charges c ON c.member_id = n.member_id AND c.month = coalesce(n.month, r.month);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER dues_ledger_mark_rollup
  AFTER INSERT ON dues_ledger REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dues_rollup_mark_ledger();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION dues_rollup_mark_moves() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO dues_rollup_marks (org_id, month)
    SELECT r.org_id, r.month
      FROM old_rows o JOIN new_rows n ON n.id = o.id JOIN dues_rollup r ON r.org_id = n.id
     WHERE o.path <> n.path;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER orgs_mark_dues_rollup
  AFTER UPDATE ON orgs REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dues_rollup_mark_moves();
--> statement-breakpoint
-- 特殊党费 have no month: the yearly publication and statistics find them by the collecting org and the day.
CREATE INDEX dues_ledger_special_idx ON dues_ledger (org_id, paid_on) WHERE month IS NULL;

CREATE TABLE "dues_charge_marks" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "dues_charge_marks_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"member_id" integer,
	"from_month" date
);
--> statement-breakpoint
CREATE TABLE "dues_months" (
	"month" date PRIMARY KEY NOT NULL,
	"generated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"generated_by" integer,
	CONSTRAINT "dues_months_month_check" CHECK (extract(day from "dues_months"."month") = 1)
);
--> statement-breakpoint
ALTER TABLE "audit_log" DROP CONSTRAINT "audit_log_action_check";--> statement-breakpoint
ALTER TABLE "audit_log" DROP CONSTRAINT "audit_log_entity_type_check";--> statement-breakpoint
ALTER TABLE "dues_months" ADD CONSTRAINT "dues_months_generated_by_users_id_fk" FOREIGN KEY ("generated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_action_check" CHECK ("audit_log"."action" in ('auth.login', 'auth.login_failed', 'auth.logout', 'auth.account_locked', 'auth.password_change', 'auth.password_change_failed', 'auth.second_factor_failed', 'auth.second_factor_enable', 'auth.second_factor_disable', 'auth.recovery_codes_regenerate', 'api_token.create', 'api_token.revoke', 'settings.update', 'user.bootstrap', 'user.create', 'user.update', 'user.unlock', 'user.password_reset', 'user.second_factor_reset', 'user.deactivate', 'user.reactivate', 'user.member_account_open', 'user.initial_passwords_export', 'user.member_account_close', 'role.grant', 'role.revoke', 'org.create', 'org.update', 'org.move', 'org.dissolve', 'leadership.create', 'leadership.update', 'leadership.end', 'term.renew', 'audit_log.export', 'member.create', 'member.update', 'member.reveal', 'member.id_conflict', 'member.status_change', 'member.self_update', 'member.group_move', 'member.decision_record', 'member.decision_approve', 'member.decision_withdraw', 'transfer.create', 'transfer.receive', 'transfer.reject', 'transfer.cancel', 'transfer.complete_out', 'transfer.print', 'member.import', 'member.export', 'import_batch.undo', 'ledger.export', 'ledger.close', 'ledger.reopen', 'meeting.register_export', 'org_life.exemption_create', 'org_life.exemption_delete', 'org_life.rule_set_create', 'org_life.rule_set_update', 'org_life.rule_set_delete', 'appraisal.create', 'appraisal.participant', 'appraisal.ballot', 'appraisal.close', 'appraisal.reopen', 'appraisal.case_create', 'appraisal.case_update', 'appraisal.case_delete', 'lapse_case.open', 'lapse_case.step', 'lapse_case.close', 'dues_base.set', 'dues_base.import', 'dues_base.export', 'dues_charges.generate', 'dues_reduction.create', 'dues_reduction.approve', 'dues_reduction.reject', 'dues_reduction.withdraw', 'talk.create', 'talk.update', 'talk.delete', 'meeting.create', 'meeting.update', 'meeting.delete', 'meeting.hold', 'meeting.close', 'meeting.reopen', 'meeting.attendance', 'meeting.check_in', 'meeting.leave_request', 'meeting.attachment_add', 'meeting.attachment_remove', 'meeting.vote', 'system.backup', 'system.restore'));--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_entity_type_check" CHECK ("audit_log"."entity_type" in ('user', 'role_assignment', 'org', 'leadership_post', 'committee_term', 'settings', 'api_token', 'audit_log', 'member', 'person', 'transfer', 'import_batch', 'backup', 'ledger_period', 'meeting', 'org_life_exemption', 'org_life_rule_set', 'appraisal', 'appraisal_case', 'talk', 'lapse_case', 'dues_base', 'dues_month', 'dues_reduction'));--> statement-breakpoint
-- The monthly charges (dues_charges, docs/dues.md §8) are refreshed before a read from the marks these triggers
-- leave in dues_charge_marks, in the writer's transaction, whatever service writes: a member inserted, or changed in
-- org, standing, category, 入党时间 or arrival (every month kept); a history row (from its month); a base or a
-- reduction (from its first month, old and new); a version of the rules (every member); a 党小组 moved to another
-- branch (its members). Statement by statement, so that a bulk write costs one insert.
CREATE OR REPLACE FUNCTION dues_mark_members() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO dues_charge_marks (member_id, from_month) SELECT n.id, NULL FROM new_rows n;
  ELSE
    INSERT INTO dues_charge_marks (member_id, from_month)
      SELECT n.id, NULL FROM old_rows o JOIN new_rows n ON n.id = o.id
       WHERE o.org_id IS DISTINCT FROM n.org_id OR o.status IS DISTINCT FROM n.status
          OR o.category IS DISTINCT FROM n.category OR o.admitted_on IS DISTINCT FROM n.admitted_on
          OR o.entered_on IS DISTINCT FROM n.entered_on OR o.entered_by IS DISTINCT FROM n.entered_by;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER members_mark_dues_insert
  AFTER INSERT ON members REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dues_mark_members();
--> statement-breakpoint
CREATE TRIGGER members_mark_dues_update
  AFTER UPDATE ON members REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dues_mark_members();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION dues_mark_member_events() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO dues_charge_marks (member_id, from_month)
      SELECT n.member_id, date_trunc('month', min(n.effective_on))::date FROM new_rows n GROUP BY n.member_id;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO dues_charge_marks (member_id, from_month)
      SELECT o.member_id, date_trunc('month', min(o.effective_on))::date FROM old_rows o GROUP BY o.member_id;
  ELSE
    INSERT INTO dues_charge_marks (member_id, from_month)
      SELECT x.member_id, date_trunc('month', min(x.effective_on))::date
        FROM (SELECT member_id, effective_on FROM old_rows UNION ALL SELECT member_id, effective_on FROM new_rows) x
       GROUP BY x.member_id;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER member_events_mark_dues_insert
  AFTER INSERT ON member_events REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dues_mark_member_events();
--> statement-breakpoint
CREATE TRIGGER member_events_mark_dues_update
  AFTER UPDATE ON member_events REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dues_mark_member_events();
--> statement-breakpoint
CREATE TRIGGER member_events_mark_dues_delete
  AFTER DELETE ON member_events REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dues_mark_member_events();
--> statement-breakpoint
-- dues_bases and dues_reductions: the member from the row's first month (old and new rows).
CREATE OR REPLACE FUNCTION dues_mark_from_month() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO dues_charge_marks (member_id, from_month)
      SELECT n.member_id, min(n.from_month) FROM new_rows n GROUP BY n.member_id;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO dues_charge_marks (member_id, from_month)
      SELECT o.member_id, min(o.from_month) FROM old_rows o GROUP BY o.member_id;
  ELSE
    INSERT INTO dues_charge_marks (member_id, from_month)
      SELECT x.member_id, min(x.from_month)
        FROM (SELECT member_id, from_month FROM old_rows UNION ALL SELECT member_id, from_month FROM new_rows) x
       GROUP BY x.member_id;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER dues_bases_mark_insert
  AFTER INSERT ON dues_bases REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dues_mark_from_month();
--> statement-breakpoint
CREATE TRIGGER dues_bases_mark_update
  AFTER UPDATE ON dues_bases REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dues_mark_from_month();
--> statement-breakpoint
CREATE TRIGGER dues_bases_mark_delete
  AFTER DELETE ON dues_bases REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dues_mark_from_month();
--> statement-breakpoint
CREATE TRIGGER dues_reductions_mark_insert
  AFTER INSERT ON dues_reductions REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dues_mark_from_month();
--> statement-breakpoint
CREATE TRIGGER dues_reductions_mark_update
  AFTER UPDATE ON dues_reductions REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dues_mark_from_month();
--> statement-breakpoint
CREATE TRIGGER dues_reductions_mark_delete
  AFTER DELETE ON dues_reductions REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dues_mark_from_month();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION dues_mark_every_member() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO dues_charge_marks (member_id, from_month) VALUES (NULL, NULL);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER dues_rule_sets_mark
  AFTER INSERT OR UPDATE OR DELETE ON dues_rule_sets
  FOR EACH STATEMENT EXECUTE FUNCTION dues_mark_every_member();
--> statement-breakpoint
-- A 党小组 moved under another branch (or changed in kind): its members owe to another branch.
CREATE OR REPLACE FUNCTION dues_mark_orgs() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO dues_charge_marks (member_id, from_month)
    SELECT m.id, NULL FROM old_rows o JOIN new_rows n ON n.id = o.id JOIN members m ON m.org_id = n.id
     WHERE (o.kind = 'group' OR n.kind = 'group')
       AND (o.parent_id IS DISTINCT FROM n.parent_id OR o.kind IS DISTINCT FROM n.kind);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER orgs_mark_dues_update
  AFTER UPDATE ON orgs REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dues_mark_orgs();

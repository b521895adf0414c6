CREATE TABLE "dues_bases" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "dues_bases_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"member_id" integer NOT NULL,
	"from_month" date NOT NULL,
	"kind" text NOT NULL,
	"items" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"income_tax" integer DEFAULT 0 NOT NULL,
	"amount" integer NOT NULL,
	"note" text,
	"set_by" integer,
	"set_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "dues_bases_from_month_check" CHECK (extract(day from "dues_bases"."from_month") = 1),
	CONSTRAINT "dues_bases_kind_check" CHECK ("dues_bases"."kind" in ('salary', 'annual_salary', 'quarter_average', 'pension')),
	CONSTRAINT "dues_bases_amounts_check" CHECK ("dues_bases"."amount" >= 0 and "dues_bases"."income_tax" >= 0)
);
--> statement-breakpoint
CREATE TABLE "dues_charges" (
	"member_id" integer NOT NULL,
	"month" date NOT NULL,
	"org_id" integer NOT NULL,
	"category" text NOT NULL,
	"base" integer,
	"rate_bp" integer,
	"full_amount" integer NOT NULL,
	"amount" integer NOT NULL,
	"reduction_id" integer,
	"rule_version" text NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dues_charges_member_id_month_pk" PRIMARY KEY("member_id","month"),
	CONSTRAINT "dues_charges_month_check" CHECK (extract(day from "dues_charges"."month") = 1),
	CONSTRAINT "dues_charges_category_check" CHECK ("dues_charges"."category" in ('employed', 'retired', 'farmer', 'student', 'unemployed', 'welfare', 'self_employed', 'other')),
	CONSTRAINT "dues_charges_amounts_check" CHECK ("dues_charges"."amount" >= 0 and "dues_charges"."amount" <= "dues_charges"."full_amount")
);
--> statement-breakpoint
CREATE TABLE "dues_ledger" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "dues_ledger_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"member_id" integer NOT NULL,
	"kind" text NOT NULL,
	"month" date,
	"amount" integer NOT NULL,
	"paid_on" date NOT NULL,
	"method" text,
	"external_ref" text,
	"org_id" integer NOT NULL,
	"paid_by" text,
	"receipt" text NOT NULL,
	"reverses_id" integer,
	"reason" text,
	"to_centre" boolean DEFAULT false NOT NULL,
	"recorded_by" integer,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dues_ledger_month_check" CHECK (extract(day from "dues_ledger"."month") = 1),
	CONSTRAINT "dues_ledger_kind_check" CHECK ("dues_ledger"."kind" in ('payment', 'reversal', 'special_dues')),
	CONSTRAINT "dues_ledger_method_check" CHECK ("dues_ledger"."method" in ('cash', 'bank_transfer', 'external')),
	CONSTRAINT "dues_ledger_shape_check" CHECK (case "dues_ledger"."kind"
            when 'payment' then "dues_ledger"."month" is not null and "dues_ledger"."amount" > 0 and "dues_ledger"."reverses_id" is null
            when 'special_dues' then "dues_ledger"."month" is null and "dues_ledger"."amount" > 0 and "dues_ledger"."reverses_id" is null
            when 'reversal' then "dues_ledger"."reverses_id" is not null and "dues_ledger"."amount" < 0 and coalesce("dues_ledger"."reason", '') <> ''
          end)
);
--> statement-breakpoint
CREATE TABLE "dues_reductions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "dues_reductions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"member_id" integer NOT NULL,
	"org_id" integer NOT NULL,
	"kind" text NOT NULL,
	"from_month" date NOT NULL,
	"to_month" date NOT NULL,
	"monthly_amount" integer,
	"reason" text NOT NULL,
	"branch_decided_on" date NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"decided_by" integer,
	"decided_on" date,
	"decision_note" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "dues_reductions_from_month_check" CHECK (extract(day from "dues_reductions"."from_month") = 1),
	CONSTRAINT "dues_reductions_to_month_check" CHECK (extract(day from "dues_reductions"."to_month") = 1),
	CONSTRAINT "dues_reductions_range_check" CHECK ("dues_reductions"."to_month" >= "dues_reductions"."from_month"),
	CONSTRAINT "dues_reductions_kind_check" CHECK ("dues_reductions"."kind" in ('reduce', 'exempt')),
	CONSTRAINT "dues_reductions_status_check" CHECK ("dues_reductions"."status" in ('pending', 'approved', 'rejected', 'withdrawn')),
	CONSTRAINT "dues_reductions_amount_check" CHECK (("dues_reductions"."kind" = 'reduce') = ("dues_reductions"."monthly_amount" is not null) and coalesce("dues_reductions"."monthly_amount", 0) >= 0),
	CONSTRAINT "dues_reductions_decision_check" CHECK (("dues_reductions"."status" in ('approved', 'rejected')) = ("dues_reductions"."decided_on" is not null and "dues_reductions"."decided_by" is not null))
);
--> statement-breakpoint
CREATE TABLE "dues_rule_sets" (
	"version" text PRIMARY KEY NOT NULL,
	"valid_from" date NOT NULL,
	"rules" jsonb NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dues_rule_sets_valid_from_unique" UNIQUE("valid_from"),
	CONSTRAINT "dues_rule_sets_valid_from_check" CHECK (extract(day from "dues_rule_sets"."valid_from") = 1)
);
--> statement-breakpoint
CREATE TABLE "lapse_cases" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "lapse_cases_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"member_id" integer NOT NULL,
	"org_id" integer NOT NULL,
	"cause" text NOT NULL,
	"run_from" text NOT NULL,
	"run_to" text NOT NULL,
	"opened_on" date NOT NULL,
	"opened_by" integer,
	"status" text DEFAULT 'open' NOT NULL,
	"outcome" text,
	"outcome_note" text,
	"deadline" date,
	"steps" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"closed_on" date,
	"closed_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "lapse_cases_cause_check" CHECK ("lapse_cases"."cause" in ('org_life_absence', 'dues_arrears')),
	CONSTRAINT "lapse_cases_status_check" CHECK ("lapse_cases"."status" in ('open', 'closed')),
	CONSTRAINT "lapse_cases_outcome_check" CHECK ("lapse_cases"."outcome" in ('valid_reason', 'rectification', 'removal')),
	CONSTRAINT "lapse_cases_run_check" CHECK ("lapse_cases"."run_from" ~ '^\d{4}-\d{2}$' and "lapse_cases"."run_to" ~ '^\d{4}-\d{2}$' and "lapse_cases"."run_from" <= "lapse_cases"."run_to"),
	CONSTRAINT "lapse_cases_closed_check" CHECK (("lapse_cases"."status" = 'closed') = ("lapse_cases"."outcome" is not null and "lapse_cases"."closed_on" is not null))
);
--> statement-breakpoint
ALTER TABLE "audit_log" DROP CONSTRAINT "audit_log_action_check";--> statement-breakpoint
ALTER TABLE "audit_log" DROP CONSTRAINT "audit_log_entity_type_check";--> statement-breakpoint
ALTER TABLE "findings_dirty" DROP CONSTRAINT "findings_dirty_input_check";--> statement-breakpoint
ALTER TABLE "dues_bases" ADD CONSTRAINT "dues_bases_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dues_bases" ADD CONSTRAINT "dues_bases_set_by_users_id_fk" FOREIGN KEY ("set_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dues_charges" ADD CONSTRAINT "dues_charges_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dues_charges" ADD CONSTRAINT "dues_charges_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dues_charges" ADD CONSTRAINT "dues_charges_reduction_id_dues_reductions_id_fk" FOREIGN KEY ("reduction_id") REFERENCES "public"."dues_reductions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dues_ledger" ADD CONSTRAINT "dues_ledger_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dues_ledger" ADD CONSTRAINT "dues_ledger_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dues_ledger" ADD CONSTRAINT "dues_ledger_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dues_reductions" ADD CONSTRAINT "dues_reductions_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dues_reductions" ADD CONSTRAINT "dues_reductions_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dues_reductions" ADD CONSTRAINT "dues_reductions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dues_reductions" ADD CONSTRAINT "dues_reductions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dues_rule_sets" ADD CONSTRAINT "dues_rule_sets_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lapse_cases" ADD CONSTRAINT "lapse_cases_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lapse_cases" ADD CONSTRAINT "lapse_cases_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lapse_cases" ADD CONSTRAINT "lapse_cases_opened_by_users_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lapse_cases" ADD CONSTRAINT "lapse_cases_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "dues_bases_member_month" ON "dues_bases" USING btree ("member_id","from_month");--> statement-breakpoint
CREATE INDEX "dues_charges_org_month_idx" ON "dues_charges" USING btree ("org_id","month");--> statement-breakpoint
CREATE INDEX "dues_ledger_member_month_idx" ON "dues_ledger" USING btree ("member_id","month");--> statement-breakpoint
CREATE INDEX "dues_ledger_org_month_idx" ON "dues_ledger" USING btree ("org_id","month");--> statement-breakpoint
CREATE UNIQUE INDEX "dues_ledger_reversed_once" ON "dues_ledger" USING btree ("reverses_id");--> statement-breakpoint
CREATE INDEX "dues_reductions_member_idx" ON "dues_reductions" USING btree ("member_id","from_month");--> statement-breakpoint
CREATE INDEX "dues_reductions_org_idx" ON "dues_reductions" USING btree ("org_id","status");--> statement-breakpoint
CREATE INDEX "lapse_cases_member_idx" ON "lapse_cases" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "lapse_cases_org_idx" ON "lapse_cases" USING btree ("org_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "lapse_cases_one_open" ON "lapse_cases" USING btree ("member_id","cause") WHERE status = 'open';--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_action_check" CHECK ("audit_log"."action" in ('auth.login', 'auth.login_failed', 'auth.logout', 'auth.account_locked', 'auth.password_change', 'auth.password_change_failed', 'auth.second_factor_failed', 'auth.second_factor_enable', 'auth.second_factor_disable', 'auth.recovery_codes_regenerate', 'api_token.create', 'api_token.revoke', 'settings.update', 'user.bootstrap', 'user.create', 'user.update', 'user.unlock', 'user.password_reset', 'user.second_factor_reset', 'user.deactivate', 'user.reactivate', 'user.member_account_open', 'user.initial_passwords_export', 'user.member_account_close', 'role.grant', 'role.revoke', 'org.create', 'org.update', 'org.move', 'org.dissolve', 'leadership.create', 'leadership.update', 'leadership.end', 'term.renew', 'audit_log.export', 'member.create', 'member.update', 'member.reveal', 'member.id_conflict', 'member.status_change', 'member.self_update', 'member.group_move', 'member.decision_record', 'member.decision_approve', 'member.decision_withdraw', 'transfer.create', 'transfer.receive', 'transfer.reject', 'transfer.cancel', 'transfer.complete_out', 'transfer.print', 'member.import', 'member.export', 'import_batch.undo', 'ledger.export', 'ledger.close', 'ledger.reopen', 'meeting.register_export', 'org_life.exemption_create', 'org_life.exemption_delete', 'org_life.rule_set_create', 'org_life.rule_set_update', 'org_life.rule_set_delete', 'appraisal.create', 'appraisal.participant', 'appraisal.ballot', 'appraisal.close', 'appraisal.reopen', 'appraisal.case_create', 'appraisal.case_update', 'appraisal.case_delete', 'lapse_case.open', 'lapse_case.step', 'lapse_case.close', 'talk.create', 'talk.update', 'talk.delete', 'meeting.create', 'meeting.update', 'meeting.delete', 'meeting.hold', 'meeting.close', 'meeting.reopen', 'meeting.attendance', 'meeting.check_in', 'meeting.leave_request', 'meeting.attachment_add', 'meeting.attachment_remove', 'meeting.vote', 'system.backup', 'system.restore'));--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_entity_type_check" CHECK ("audit_log"."entity_type" in ('user', 'role_assignment', 'org', 'leadership_post', 'committee_term', 'settings', 'api_token', 'audit_log', 'member', 'person', 'transfer', 'import_batch', 'backup', 'ledger_period', 'meeting', 'org_life_exemption', 'org_life_rule_set', 'appraisal', 'appraisal_case', 'talk', 'lapse_case'));--> statement-breakpoint
ALTER TABLE "findings_dirty" ADD CONSTRAINT "findings_dirty_input_check" CHECK (input in ('org', 'posts', 'roster', 'term_policy', 'members', 'transfers', 'accounts', 'decisions', 'meetings', 'lapse_cases'));--> statement-breakpoint
ALTER TABLE "dues_ledger" ADD CONSTRAINT "dues_ledger_reverses_id_dues_ledger_id_fk" FOREIGN KEY ("reverses_id") REFERENCES "public"."dues_ledger"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
-- The dues ledger is append-only (docs/dues.md §9), enforced in the database like the audit log (0002): a
-- correction is a reversal plus a new entry, never an update or a delete.
CREATE OR REPLACE FUNCTION dues_ledger_reject_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'dues_ledger is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER dues_ledger_no_update_or_delete
  BEFORE UPDATE OR DELETE ON dues_ledger
  FOR EACH ROW EXECUTE FUNCTION dues_ledger_reject_change();
--> statement-breakpoint
CREATE TRIGGER dues_ledger_no_truncate
  BEFORE TRUNCATE ON dues_ledger
  FOR EACH STATEMENT EXECUTE FUNCTION dues_ledger_reject_change();

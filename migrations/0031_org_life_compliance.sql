CREATE TABLE "org_life_compliance" (
	"org_id" integer NOT NULL,
	"path" "ltree" NOT NULL,
	"period_key" text NOT NULL,
	"met" integer NOT NULL,
	"not_closed" integer NOT NULL,
	"unmet" integer NOT NULL,
	CONSTRAINT "org_life_compliance_org_id_period_key_pk" PRIMARY KEY("org_id","period_key")
);
--> statement-breakpoint
CREATE TABLE "org_life_compliance_years" (
	"year" integer PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE TABLE "org_life_dirty" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "org_life_dirty_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"org_id" integer
);
--> statement-breakpoint
CREATE TABLE "org_life_exemptions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "org_life_exemptions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_id" integer NOT NULL,
	"requirement_id" text NOT NULL,
	"period_key" text NOT NULL,
	"group_id" integer,
	"reason" text NOT NULL,
	"approved_by" integer NOT NULL,
	"approved_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "org_life_exemptions_reason_check" CHECK (length(trim("org_life_exemptions"."reason")) > 0)
);
--> statement-breakpoint
CREATE TABLE "org_life_rule_sets" (
	"version" text PRIMARY KEY NOT NULL,
	"valid_from" date NOT NULL,
	"one_meeting_many_kinds" boolean NOT NULL,
	"reminder_days" integer NOT NULL,
	"requirements" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "org_life_rule_sets_valid_from_unique" UNIQUE("valid_from")
);
--> statement-breakpoint
ALTER TABLE "audit_log" DROP CONSTRAINT "audit_log_action_check";--> statement-breakpoint
ALTER TABLE "audit_log" DROP CONSTRAINT "audit_log_entity_type_check";--> statement-breakpoint
ALTER TABLE "org_life_compliance" ADD CONSTRAINT "org_life_compliance_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_life_exemptions" ADD CONSTRAINT "org_life_exemptions_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_life_exemptions" ADD CONSTRAINT "org_life_exemptions_group_id_orgs_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_life_exemptions" ADD CONSTRAINT "org_life_exemptions_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "org_life_compliance_path_gist" ON "org_life_compliance" USING gist ("path");--> statement-breakpoint
CREATE INDEX "org_life_compliance_period_idx" ON "org_life_compliance" USING btree ("period_key");--> statement-breakpoint
CREATE UNIQUE INDEX "org_life_exemptions_unique" ON "org_life_exemptions" USING btree ("org_id","requirement_id","period_key",coalesce("group_id", 0));--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_action_check" CHECK ("audit_log"."action" in ('auth.login', 'auth.login_failed', 'auth.logout', 'auth.account_locked', 'auth.password_change', 'auth.password_change_failed', 'auth.second_factor_failed', 'auth.second_factor_enable', 'auth.second_factor_disable', 'auth.recovery_codes_regenerate', 'api_token.create', 'api_token.revoke', 'settings.update', 'user.bootstrap', 'user.create', 'user.update', 'user.unlock', 'user.password_reset', 'user.second_factor_reset', 'user.deactivate', 'user.reactivate', 'user.member_account_open', 'user.initial_passwords_export', 'user.member_account_close', 'role.grant', 'role.revoke', 'org.create', 'org.update', 'org.move', 'org.dissolve', 'leadership.create', 'leadership.update', 'leadership.end', 'term.renew', 'audit_log.export', 'member.create', 'member.update', 'member.reveal', 'member.id_conflict', 'member.status_change', 'member.self_update', 'member.group_move', 'member.decision_record', 'member.decision_approve', 'member.decision_withdraw', 'transfer.create', 'transfer.receive', 'transfer.reject', 'transfer.cancel', 'transfer.complete_out', 'transfer.print', 'member.import', 'member.export', 'import_batch.undo', 'ledger.export', 'ledger.close', 'ledger.reopen', 'meeting.register_export', 'org_life.exemption_create', 'org_life.exemption_delete', 'system.backup', 'system.restore'));--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_entity_type_check" CHECK ("audit_log"."entity_type" in ('user', 'role_assignment', 'org', 'leadership_post', 'committee_term', 'settings', 'api_token', 'audit_log', 'member', 'person', 'transfer', 'import_batch', 'backup', 'ledger_period', 'org_life_exemption'));
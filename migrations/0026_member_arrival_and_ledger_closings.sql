-- Issue 9, part 4 (arrival and 关账): members.entered_on/entered_by, ledger_closings, audit actions ledger.close and
-- ledger.reopen. Generated while src/server/db/tables/member-decisions.ts (issue 9, part 5, approvals) was already in
-- the tree: its table and audit actions (member.decision_*) are created here too.
CREATE TABLE "ledger_closings" (
	"period_end" date PRIMARY KEY NOT NULL,
	"closed_on" date NOT NULL,
	"closed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_by" integer,
	"note" text,
	CONSTRAINT "ledger_closings_period_end_check" CHECK (to_char("ledger_closings"."period_end", 'MM-DD') in ('06-30', '12-31'))
);
--> statement-breakpoint
CREATE TABLE "member_decisions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "member_decisions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"member_id" integer NOT NULL,
	"org_id" integer NOT NULL,
	"kind" text NOT NULL,
	"meeting_on" date NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"approving_org_name" text,
	"approved_on" date,
	"document_no" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" integer,
	"decided_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "member_decisions_kind_check" CHECK ("member_decisions"."kind" in ('confirm', 'extend_probation', 'leave')),
	CONSTRAINT "member_decisions_status_check" CHECK ("member_decisions"."status" in ('pending', 'approved', 'withdrawn')),
	CONSTRAINT "member_decisions_approval_check" CHECK (("member_decisions"."status" = 'approved') = ("member_decisions"."approved_on" is not null and "member_decisions"."approving_org_name" is not null and "member_decisions"."document_no" is not null))
);
--> statement-breakpoint
ALTER TABLE "audit_log" DROP CONSTRAINT "audit_log_action_check";--> statement-breakpoint
ALTER TABLE "audit_log" DROP CONSTRAINT "audit_log_entity_type_check";--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "entered_on" date;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "entered_by" text;--> statement-breakpoint
-- Members recorded so far arrived as a 建库 (initial_load) on the day their `registered` event is counted on (their
-- 入党时间 as then recorded), so that no figure of a ledger already produced changes (docs/membership.md §8).
UPDATE "members" m SET "entered_by" = 'initial_load', "entered_on" = coalesce(
  (SELECT min(e."counted_on") FROM "member_events" e WHERE e."member_id" = m."id" AND e."kind" = 'registered'),
  m."admitted_on");--> statement-breakpoint
ALTER TABLE "members" ALTER COLUMN "entered_on" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "members" ALTER COLUMN "entered_by" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "ledger_closings" ADD CONSTRAINT "ledger_closings_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_decisions" ADD CONSTRAINT "member_decisions_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_decisions" ADD CONSTRAINT "member_decisions_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_decisions" ADD CONSTRAINT "member_decisions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_decisions" ADD CONSTRAINT "member_decisions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "member_decisions_member_idx" ON "member_decisions" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "member_decisions_org_idx" ON "member_decisions" USING btree ("org_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "member_decisions_one_pending" ON "member_decisions" USING btree ("member_id") WHERE status = 'pending';--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_action_check" CHECK ("audit_log"."action" in ('auth.login', 'auth.login_failed', 'auth.logout', 'auth.account_locked', 'auth.password_change', 'auth.password_change_failed', 'auth.second_factor_failed', 'auth.second_factor_enable', 'auth.second_factor_disable', 'auth.recovery_codes_regenerate', 'api_token.create', 'api_token.revoke', 'settings.update', 'user.bootstrap', 'user.create', 'user.update', 'user.unlock', 'user.password_reset', 'user.second_factor_reset', 'user.deactivate', 'user.reactivate', 'user.member_account_open', 'user.initial_passwords_export', 'user.member_account_close', 'role.grant', 'role.revoke', 'org.create', 'org.update', 'org.move', 'org.dissolve', 'leadership.create', 'leadership.update', 'leadership.end', 'term.renew', 'audit_log.export', 'member.create', 'member.update', 'member.reveal', 'member.id_conflict', 'member.status_change', 'member.self_update', 'member.decision_record', 'member.decision_approve', 'member.decision_withdraw', 'transfer.create', 'transfer.receive', 'transfer.reject', 'transfer.cancel', 'transfer.complete_out', 'transfer.print', 'member.import', 'member.export', 'import_batch.undo', 'ledger.export', 'ledger.close', 'ledger.reopen', 'system.backup', 'system.restore'));--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_entity_type_check" CHECK ("audit_log"."entity_type" in ('user', 'role_assignment', 'org', 'leadership_post', 'committee_term', 'settings', 'api_token', 'audit_log', 'member', 'person', 'transfer', 'import_batch', 'backup', 'ledger_period'));--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_entered_by_check" CHECK ("members"."entered_by" in ('admitted', 'transferred_in', 'restored', 'readmitted', 'initial_load'));--> statement-breakpoint
-- The update above rewrote every member row: fresh planner statistics (PGlite never analyzes by itself).
ANALYZE "members";

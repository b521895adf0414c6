ALTER TYPE "public"."org_kind" ADD VALUE 'joint_branch' BEFORE 'group';--> statement-breakpoint
ALTER TYPE "public"."org_kind" ADD VALUE 'temporary_branch' BEFORE 'group';--> statement-breakpoint
ALTER TYPE "public"."org_kind" ADD VALUE 'floating_branch' BEFORE 'group';--> statement-breakpoint
CREATE TABLE "committee_terms" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "committee_terms_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_id" integer NOT NULL,
	"elected_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"election_doc_no" text,
	"election_doc_date" date,
	"approval_doc_no" text,
	"approval_doc_date" date,
	"ended_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "committee_terms_dates" CHECK ("committee_terms"."ends_on" > "committee_terms"."elected_on" and ("committee_terms"."ended_on" is null or "committee_terms"."ended_on" >= "committee_terms"."elected_on")),
	CONSTRAINT "committee_terms_approval" CHECK ("committee_terms"."approval_doc_date" is null or "committee_terms"."approval_doc_no" is not null)
);
--> statement-breakpoint
ALTER TABLE "audit_log" DROP CONSTRAINT "audit_log_action_check";--> statement-breakpoint
ALTER TABLE "audit_log" DROP CONSTRAINT "audit_log_entity_type_check";--> statement-breakpoint
ALTER TABLE "leadership_posts" ADD COLUMN "term_id" integer;--> statement-breakpoint
ALTER TABLE "org_stats_base" ADD COLUMN "org_joint_branch" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "org_stats_base" ADD COLUMN "org_temporary_branch" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "org_stats_base" ADD COLUMN "org_floating_branch" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "org_subtree_stats" ADD COLUMN "org_joint_branch" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "org_subtree_stats" ADD COLUMN "org_temporary_branch" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "org_subtree_stats" ADD COLUMN "org_floating_branch" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "committee_terms" ADD CONSTRAINT "committee_terms_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "committee_terms_org_idx" ON "committee_terms" USING btree ("org_id","elected_on");--> statement-breakpoint
CREATE UNIQUE INDEX "committee_terms_one_current" ON "committee_terms" USING btree ("org_id") WHERE "committee_terms"."ended_on" is null;--> statement-breakpoint
ALTER TABLE "leadership_posts" ADD CONSTRAINT "leadership_posts_term_id_committee_terms_id_fk" FOREIGN KEY ("term_id") REFERENCES "public"."committee_terms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "leadership_posts_term_idx" ON "leadership_posts" USING btree ("term_id");--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_action_check" CHECK ("audit_log"."action" in ('auth.login', 'auth.login_failed', 'auth.logout', 'auth.account_locked', 'auth.password_change', 'auth.password_change_failed', 'auth.second_factor_failed', 'auth.second_factor_enable', 'auth.second_factor_disable', 'auth.recovery_codes_regenerate', 'api_token.create', 'api_token.revoke', 'settings.update', 'user.bootstrap', 'user.create', 'user.update', 'user.unlock', 'user.password_reset', 'user.second_factor_reset', 'user.deactivate', 'user.reactivate', 'user.member_account_open', 'user.initial_passwords_export', 'user.member_account_close', 'role.grant', 'role.revoke', 'org.create', 'org.update', 'org.move', 'org.dissolve', 'leadership.create', 'leadership.update', 'leadership.end', 'term.renew', 'audit_log.export', 'member.create', 'member.update', 'member.reveal', 'member.id_conflict', 'member.status_change', 'member.self_update', 'transfer.create', 'transfer.receive', 'transfer.reject', 'transfer.cancel', 'transfer.complete_out', 'member.import', 'member.export', 'import_batch.undo', 'ledger.export', 'system.backup', 'system.restore'));--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_entity_type_check" CHECK ("audit_log"."entity_type" in ('user', 'role_assignment', 'org', 'leadership_post', 'committee_term', 'settings', 'api_token', 'audit_log', 'member', 'person', 'transfer', 'import_batch', 'backup'));--> statement-breakpoint;--> statement-breakpoint
-- Terms were stored per person (each post its own end); a term (届) belongs to the committee
-- (docs/organizations.md §7). Backfill, for the kinds with an elected term: the posts held today form the current
-- term, which ends when the sitting 书记's term ended (else the latest among the sitting holders') and was elected
-- when the holders of that end began (a member by-elected with a fresh full term now serves its remainder); the
-- posts already left keep the term they had, one per end date, ended on the last leaving. 党小组长 and the posts
-- of appointed bodies (党工委) have no term.
INSERT INTO committee_terms (org_id, elected_on, ends_on, approval_doc_no, ended_on)
SELECT a.org_id, coalesce(min(a.started_on) FILTER (WHERE a.own_end = a.term_end), min(a.started_on)), a.term_end,
  max(a.extension_doc_no),
  CASE WHEN a.term_end = a.cur_end THEN NULL ELSE max(a.left_on) END
FROM (
  SELECT p.id AS post_id, p.org_id, p.started_on, p.left_on, p.extension_doc_no, p.ends_on AS own_end, cur.ends_on AS cur_end,
    CASE WHEN p.left_on IS NULL OR p.left_on > current_date THEN cur.ends_on ELSE p.ends_on END AS term_end
  FROM leadership_posts p
  JOIN orgs o ON o.id = p.org_id
  LEFT JOIN (
    SELECT s.org_id, coalesce(max(s.ends_on) FILTER (WHERE s.post = 'secretary'), max(s.ends_on)) AS ends_on
    FROM leadership_posts s
    WHERE s.post <> 'group_leader' AND (s.left_on IS NULL OR s.left_on > current_date)
    GROUP BY s.org_id
  ) cur ON cur.org_id = p.org_id
  WHERE p.post <> 'group_leader' AND o.kind IN ('local_committee', 'committee', 'general_branch', 'branch')
) a
GROUP BY a.org_id, a.term_end, a.cur_end;--> statement-breakpoint
UPDATE leadership_posts lp SET term_id = t.id
FROM (
  SELECT p.id AS post_id, p.org_id, p.started_on, p.left_on, p.extension_doc_no, p.ends_on AS own_end, cur.ends_on AS cur_end,
    CASE WHEN p.left_on IS NULL OR p.left_on > current_date THEN cur.ends_on ELSE p.ends_on END AS term_end
  FROM leadership_posts p
  JOIN orgs o ON o.id = p.org_id
  LEFT JOIN (
    SELECT s.org_id, coalesce(max(s.ends_on) FILTER (WHERE s.post = 'secretary'), max(s.ends_on)) AS ends_on
    FROM leadership_posts s
    WHERE s.post <> 'group_leader' AND (s.left_on IS NULL OR s.left_on > current_date)
    GROUP BY s.org_id
  ) cur ON cur.org_id = p.org_id
  WHERE p.post <> 'group_leader' AND o.kind IN ('local_committee', 'committee', 'general_branch', 'branch')
) a
JOIN committee_terms t ON t.org_id = a.org_id AND t.ends_on = a.term_end
WHERE lp.id = a.post_id;--> statement-breakpoint
-- `posts`: a committee's term is an input of its org's findings, as its posts are (0011).
CREATE TRIGGER committee_terms_mark_findings
  AFTER INSERT OR UPDATE OR DELETE ON committee_terms
  FOR EACH ROW EXECUTE FUNCTION findings_mark_posts();

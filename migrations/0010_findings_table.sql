CREATE TABLE "findings" (
	"org_id" integer NOT NULL,
	"kind" text NOT NULL,
	"severity" text NOT NULL,
	"date" date,
	"days" integer,
	"message" text NOT NULL,
	"article" text NOT NULL,
	CONSTRAINT "findings_org_id_kind_pk" PRIMARY KEY("org_id","kind"),
	CONSTRAINT "findings_kind_check" CHECK (kind in ('term_expired', 'term_expiring', 'head_vacant', 'branch_too_few_members', 'branch_needs_committee', 'branch_too_large')),
	CONSTRAINT "findings_severity_check" CHECK (severity in ('info', 'warning', 'critical'))
);
--> statement-breakpoint
CREATE TABLE "findings_dirty" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "findings_dirty_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"org_id" integer,
	"input" text NOT NULL,
	CONSTRAINT "findings_dirty_input_check" CHECK (input in ('org', 'posts', 'roster', 'term_policy'))
);
--> statement-breakpoint
CREATE TABLE "findings_meta" (
	"key" text PRIMARY KEY NOT NULL,
	"as_of" date
);
--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "findings_kind_idx" ON "findings" USING btree ("kind","severity");
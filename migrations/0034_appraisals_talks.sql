CREATE TABLE "appraisal_ballots" (
	"round_id" integer NOT NULL,
	"voter_member_id" integer NOT NULL,
	"subject_member_id" integer NOT NULL,
	"grade" text NOT NULL,
	"cast_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "appraisal_ballots_round_id_voter_member_id_subject_member_id_pk" PRIMARY KEY("round_id","voter_member_id","subject_member_id"),
	CONSTRAINT "appraisal_ballots_grade_check" CHECK ("appraisal_ballots"."grade" in ('excellent', 'qualified', 'basically_qualified', 'unqualified')),
	CONSTRAINT "appraisal_ballots_not_self_check" CHECK ("appraisal_ballots"."voter_member_id" <> "appraisal_ballots"."subject_member_id")
);
--> statement-breakpoint
CREATE TABLE "appraisal_cases" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "appraisal_cases_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"round_id" integer NOT NULL,
	"member_id" integer NOT NULL,
	"measure" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"opened_on" date NOT NULL,
	"deadline_on" date,
	"steps" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"note" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "appraisal_cases_measure_check" CHECK ("appraisal_cases"."measure" in ('education', 'rectification', 'persuade', 'removal')),
	CONSTRAINT "appraisal_cases_status_check" CHECK ("appraisal_cases"."status" in ('open', 'done', 'withdrawn'))
);
--> statement-breakpoint
CREATE TABLE "appraisal_participants" (
	"round_id" integer NOT NULL,
	"member_id" integer NOT NULL,
	"member_status" text NOT NULL,
	"graded" boolean NOT NULL,
	"self_assessment" text,
	"peer_votes" jsonb,
	"grade" text,
	"grade_note" text,
	CONSTRAINT "appraisal_participants_round_id_member_id_pk" PRIMARY KEY("round_id","member_id"),
	CONSTRAINT "appraisal_participants_status_check" CHECK ("appraisal_participants"."member_status" in ('probationary', 'full', 'suspended', 'unreachable', 'left', 'deceased', 'transferred_out')),
	CONSTRAINT "appraisal_participants_grade_check" CHECK ("appraisal_participants"."grade" in ('excellent', 'qualified', 'basically_qualified', 'unqualified')),
	CONSTRAINT "appraisal_participants_graded_check" CHECK ("appraisal_participants"."graded" or "appraisal_participants"."grade" is null)
);
--> statement-breakpoint
CREATE TABLE "appraisal_rounds" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "appraisal_rounds_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_id" integer NOT NULL,
	"year" integer NOT NULL,
	"held_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"note" text,
	"closed_at" timestamp with time zone,
	"closed_by" integer,
	"reopen_reason" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "appraisal_rounds_status_check" CHECK ("appraisal_rounds"."status" in ('open', 'closed')),
	CONSTRAINT "appraisal_rounds_closed_check" CHECK (("appraisal_rounds"."status" = 'closed') = ("appraisal_rounds"."closed_at" is not null)),
	CONSTRAINT "appraisal_rounds_year_check" CHECK (extract(year from "appraisal_rounds"."held_on") = "appraisal_rounds"."year")
);
--> statement-breakpoint
CREATE TABLE "talks" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "talks_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_id" integer NOT NULL,
	"talked_on" date NOT NULL,
	"member_id" integer NOT NULL,
	"partner_id" integer NOT NULL,
	"topic" text NOT NULL,
	"summary" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "talks_two_members_check" CHECK ("talks"."member_id" <> "talks"."partner_id")
);
--> statement-breakpoint
ALTER TABLE "appraisal_ballots" ADD CONSTRAINT "appraisal_ballots_round_id_appraisal_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."appraisal_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appraisal_ballots" ADD CONSTRAINT "appraisal_ballots_voter_member_id_members_id_fk" FOREIGN KEY ("voter_member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appraisal_ballots" ADD CONSTRAINT "appraisal_ballots_subject_member_id_members_id_fk" FOREIGN KEY ("subject_member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appraisal_cases" ADD CONSTRAINT "appraisal_cases_round_id_appraisal_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."appraisal_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appraisal_cases" ADD CONSTRAINT "appraisal_cases_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appraisal_cases" ADD CONSTRAINT "appraisal_cases_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appraisal_participants" ADD CONSTRAINT "appraisal_participants_round_id_appraisal_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."appraisal_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appraisal_participants" ADD CONSTRAINT "appraisal_participants_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appraisal_rounds" ADD CONSTRAINT "appraisal_rounds_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appraisal_rounds" ADD CONSTRAINT "appraisal_rounds_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appraisal_rounds" ADD CONSTRAINT "appraisal_rounds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talks" ADD CONSTRAINT "talks_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talks" ADD CONSTRAINT "talks_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talks" ADD CONSTRAINT "talks_partner_id_members_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talks" ADD CONSTRAINT "talks_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "appraisal_cases_round_idx" ON "appraisal_cases" USING btree ("round_id","member_id");--> statement-breakpoint
CREATE INDEX "appraisal_participants_member_idx" ON "appraisal_participants" USING btree ("member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "appraisal_rounds_org_year_unique" ON "appraisal_rounds" USING btree ("org_id","year");--> statement-breakpoint
CREATE INDEX "talks_org_day_idx" ON "talks" USING btree ("org_id","talked_on");
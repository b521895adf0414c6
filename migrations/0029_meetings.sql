CREATE TABLE "meeting_attachments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "meeting_attachments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"meeting_id" integer NOT NULL,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" integer,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_attendees" (
	"meeting_id" integer NOT NULL,
	"member_id" integer NOT NULL,
	"excluded_reason" text,
	"excluded_note" text,
	"has_vote" boolean NOT NULL,
	"attendance" text,
	"leave_reason" text,
	"checked_in_at" timestamp with time zone,
	"check_in_source" text,
	"make_up_on" date,
	"make_up_note" text,
	CONSTRAINT "meeting_attendees_meeting_id_member_id_pk" PRIMARY KEY("meeting_id","member_id"),
	CONSTRAINT "meeting_attendees_excluded_check" CHECK ("meeting_attendees"."excluded_reason" in ('abroad', 'suspended', 'flow_certificate', 'infirm')),
	CONSTRAINT "meeting_attendees_attendance_check" CHECK ("meeting_attendees"."attendance" in ('present', 'leave', 'absent')),
	CONSTRAINT "meeting_attendees_source_check" CHECK ("meeting_attendees"."check_in_source" in ('qr', 'secretary'))
);
--> statement-breakpoint
CREATE TABLE "meeting_ballots" (
	"vote_id" integer NOT NULL,
	"member_id" integer NOT NULL,
	"choice" text NOT NULL,
	"written" boolean DEFAULT false NOT NULL,
	CONSTRAINT "meeting_ballots_vote_id_member_id_pk" PRIMARY KEY("vote_id","member_id"),
	CONSTRAINT "meeting_ballots_choice_check" CHECK ("meeting_ballots"."choice" in ('in_favour', 'against', 'abstain'))
);
--> statement-breakpoint
CREATE TABLE "meeting_votes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "meeting_votes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"meeting_id" integer NOT NULL,
	"subject" text NOT NULL,
	"subject_member_id" integer,
	"title" text NOT NULL,
	"secret_ballot" boolean NOT NULL,
	"in_favour" integer NOT NULL,
	"against" integer NOT NULL,
	"abstain" integer NOT NULL,
	"written_in_favour" integer DEFAULT 0 NOT NULL,
	"entitled" integer NOT NULL,
	"present" integer NOT NULL,
	"passed" boolean NOT NULL,
	"recorded_by" integer,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_votes_subject_check" CHECK ("meeting_votes"."subject" in ('admission', 'confirmation', 'extension', 'disposal', 'election', 'other')),
	CONSTRAINT "meeting_votes_counts_check" CHECK ("meeting_votes"."in_favour" >= 0 and "meeting_votes"."against" >= 0 and "meeting_votes"."abstain" >= 0 and "meeting_votes"."written_in_favour" >= 0)
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "meetings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_id" integer NOT NULL,
	"kinds" text[] NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"election" boolean DEFAULT false NOT NULL,
	"topic" text NOT NULL,
	"planned_start" timestamp with time zone NOT NULL,
	"planned_end" timestamp with time zone,
	"held_start" timestamp with time zone,
	"held_end" timestamp with time zone,
	"held_on" date,
	"place" text,
	"host_member_id" integer,
	"host_name" text,
	"recorder_member_id" integer,
	"recorder_name" text,
	"given_by_head" boolean DEFAULT false NOT NULL,
	"agenda" text,
	"minutes" text,
	"resolutions" text,
	"check_in_secret" text NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by" integer,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "meetings_kinds_check" CHECK (cardinality("meetings"."kinds") > 0 and "meetings"."kinds" <@ array['general_meeting', 'committee_meeting', 'group_meeting', 'party_lecture', 'theme_day', 'life_meeting']::text[]),
	CONSTRAINT "meetings_status_check" CHECK ("meetings"."status" in ('planned', 'held', 'closed')),
	CONSTRAINT "meetings_held_check" CHECK (("meetings"."status" = 'planned') = ("meetings"."held_on" is null)),
	CONSTRAINT "meetings_closed_check" CHECK (("meetings"."status" = 'closed') = ("meetings"."closed_at" is not null))
);
--> statement-breakpoint
ALTER TABLE "meeting_attachments" ADD CONSTRAINT "meeting_attachments_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attachments" ADD CONSTRAINT "meeting_attachments_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendees" ADD CONSTRAINT "meeting_attendees_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendees" ADD CONSTRAINT "meeting_attendees_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_ballots" ADD CONSTRAINT "meeting_ballots_vote_id_meeting_votes_id_fk" FOREIGN KEY ("vote_id") REFERENCES "public"."meeting_votes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_ballots" ADD CONSTRAINT "meeting_ballots_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_votes" ADD CONSTRAINT "meeting_votes_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_votes" ADD CONSTRAINT "meeting_votes_subject_member_id_members_id_fk" FOREIGN KEY ("subject_member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_votes" ADD CONSTRAINT "meeting_votes_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_host_member_id_members_id_fk" FOREIGN KEY ("host_member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_recorder_member_id_members_id_fk" FOREIGN KEY ("recorder_member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "meeting_attachments_meeting_idx" ON "meeting_attachments" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "meeting_attendees_member_idx" ON "meeting_attendees" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "meeting_votes_meeting_idx" ON "meeting_votes" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "meeting_votes_subject_member_idx" ON "meeting_votes" USING btree ("subject_member_id");--> statement-breakpoint
CREATE INDEX "meetings_org_held_idx" ON "meetings" USING btree ("org_id","held_on");--> statement-breakpoint
CREATE INDEX "meetings_org_planned_idx" ON "meetings" USING btree ("org_id","planned_start");
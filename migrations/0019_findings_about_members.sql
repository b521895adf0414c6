ALTER TABLE "findings" DROP CONSTRAINT "findings_kind_check";--> statement-breakpoint
ALTER TABLE "findings_dirty" DROP CONSTRAINT "findings_dirty_input_check";--> statement-breakpoint
ALTER TABLE "findings" DROP CONSTRAINT "findings_org_id_kind_pk";--> statement-breakpoint
ALTER TABLE "findings" ADD COLUMN "subject" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "findings" ADD COLUMN "subject_name" text;--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_org_id_kind_subject_pk" PRIMARY KEY("org_id","kind","subject");--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_kind_check" CHECK (kind in ('term_expired', 'term_expiring', 'head_vacant', 'branch_too_few_members', 'branch_needs_committee', 'branch_too_large', 'probation_ending', 'probation_overdue', 'unreachable_long', 'suspended_long', 'member_unplaced', 'transfer_awaiting', 'transfer_overdue'));--> statement-breakpoint
ALTER TABLE "findings_dirty" ADD CONSTRAINT "findings_dirty_input_check" CHECK (input in ('org', 'posts', 'roster', 'term_policy', 'members', 'transfers'));
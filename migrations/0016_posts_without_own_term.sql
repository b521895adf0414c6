-- A post has no term of its own: its term is its committee's (0015 carried the ends over).
ALTER TABLE "leadership_posts" DROP COLUMN "ends_on";--> statement-breakpoint
ALTER TABLE "leadership_posts" DROP COLUMN "extension_doc_no";

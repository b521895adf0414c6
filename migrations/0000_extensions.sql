-- drizzle-kit does not emit CREATE EXTENSION (STACK-NOTES.md): ltree for org paths, pg_trgm for name search.
CREATE EXTENSION IF NOT EXISTS ltree;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- 0017 changed the type of members.status and left_reason (a rewrite that drops the columns' statistics) and
-- recounted org_stats; 0015 and 0016 rewrote leadership_posts. Until the tables are analyzed the planner guesses,
-- and at a million members the findings' refresh took 10 ms instead of 2 (PERFORMANCE.md). PostgreSQL's
-- autovacuum would get there eventually; PGlite has none (docs/embedded-database.md §8). So the migration does it.
ANALYZE members;
--> statement-breakpoint
ANALYZE member_events;
--> statement-breakpoint
ANALYZE org_stats;
--> statement-breakpoint
ANALYZE leadership_posts;
--> statement-breakpoint
ANALYZE committee_terms;

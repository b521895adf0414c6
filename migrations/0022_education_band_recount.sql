-- 学历 23 大学普通班 moves from the 大学本科 band to 大学专科 (docs/official-forms.md §5.3, §9.2). The per-org
-- rollup (org_stats) holds counts made with the old band: mark it stale, so that the first read brings it to
-- today by a full recount (bringAgesToToday recounts when the counted day is more than 62 days old) with the
-- bands of the code that reads it. Nothing is counted here, so the recount follows whatever band or status
-- rules the code of this release has.
UPDATE stats_meta SET age_as_of = '1900-01-01' WHERE key = 'ages';

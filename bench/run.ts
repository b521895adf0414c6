/**
 * `npm run bench`: every benchmark in turn, on PGlite or on the server of DATABASE_URL. BENCH_ONLY picks one
 * (`org-tree`, `roster`, `load`, `findings`: on the load run's city, `org-life`: a year of meetings, `dues`: a year of dues); BENCH_MEMBERS sets the roster size, BENCH_RUNS the timed runs per case.
 */
export {};

const only = process.env.BENCH_ONLY;
if (!only || only === 'org-tree') await import('./org-tree.ts');
if (!only || only === 'roster') await import('./roster.ts');
if (!only || only === 'load') await import('./load.ts');
if (!only || only === 'findings') await import('./findings.ts');
if (!only || only === 'org-life') await import('./org-life.ts');
if (!only || only === 'dues') await import('./dues.ts');

/** `npm run bench`: every benchmark in turn, on PGlite or on the server of DATABASE_URL. */
await import('./org-tree.ts');

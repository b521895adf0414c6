/** `npm run bench`: every benchmark in turn, on PGlite or on the server of DATABASE_URL. */
export {};

await import('./org-tree.ts');

import { buildWebIfStale } from '../scripts/web-build.ts';

/** Vitest global setup of the browser tests: the same dist/ that `npm start` serves. */
export default async function setup() {
  await buildWebIfStale();
}

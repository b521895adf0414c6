import { buildWebIfStale } from '../scripts/web-build.ts';

/** Vitest global setup of the browser tests: the same production dist/ that `npm start` serves (web-build.ts). */
export default async function setup() {
  await buildWebIfStale();
}

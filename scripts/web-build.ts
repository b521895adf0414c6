import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const WEB_INPUTS = [
  'src/web',
  'src/contracts',
  'src/domain',
  'index.html',
  'vite.config.ts',
  'package-lock.json',
];

function newestMtime(p: string): number {
  const full = path.join(root, p);
  if (!existsSync(full)) return 0;
  const stat = statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(full).reduce(
    (max, name) => Math.max(max, newestMtime(path.join(p, name))),
    stat.mtimeMs,
  );
}

/** Is dist/ older than any source the web app is built from? */
export function webBuildIsStale(): boolean {
  const built = path.join(root, 'dist', 'index.html');
  const builtAt = existsSync(built) ? statSync(built).mtimeMs : 0;
  return builtAt < Math.max(...WEB_INPUTS.map(newestMtime));
}

/**
 * Builds the web app into dist/ when it is stale; answers the seconds it took, or 0 if it was fresh. Always a
 * production build, whoever calls: Vite builds with the caller's NODE_ENV, and under Vitest (NODE_ENV=test) that
 * is a test bundle in which antd gives every element the id "test-id" (dialogs and listboxes lose their names).
 */
export async function buildWebIfStale(): Promise<number> {
  if (!webBuildIsStale()) return 0;
  const started = performance.now();
  const { build } = await import('vite');
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ root, logLevel: 'warn', mode: 'production' });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  return (performance.now() - started) / 1000;
}

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

/** Builds the web app into dist/ when it is stale; answers the seconds it took, or 0 if it was fresh. */
export async function buildWebIfStale(): Promise<number> {
  if (!webBuildIsStale()) return 0;
  const started = performance.now();
  const { build } = await import('vite');
  await build({ root, logLevel: 'warn' });
  return (performance.now() - started) / 1000;
}

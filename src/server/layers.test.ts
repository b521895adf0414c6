import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The layers under the modules — HTTP, the request context, the access kernel, errors, the database, the audit
 * log, security — import no module: modules plug into them (app.ts hands the auth module's principal resolver to
 * the authentication hook), so that no cycle runs through them. And a module learns where an actor may act from
 * the access kernel, never from another module.
 */
const SERVER = path.dirname(fileURLToPath(import.meta.url));
const MODULES = path.join(SERVER, 'modules');

/** The folders and files below the modules (app.ts, main.ts and startup.ts compose them: not below). */
const BELOW_MODULES = ['http', 'access', 'db', 'audit', 'security', 'text'];
const BELOW_MODULES_FILES = ['context.ts', 'errors.ts', 'clock.ts', 'deps.ts', 'config.ts', 'logging.ts'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

type Import = { readonly names: readonly string[]; readonly target: string };

/** The relative imports of a file, resolved to absolute paths, with the names they bring in. */
function importsOf(file: string): Import[] {
  const text = readFileSync(file, 'utf8');
  const found: Import[] = [];
  for (const match of text.matchAll(/import\s+(type\s+)?(?:\{([^}]*)\}|[\w*\s]+)\s*from\s*'(\.[^']+)'/g)) {
    const typeOnly = match[1] !== undefined;
    const names = (match[2] ?? '')
      .split(',')
      .map((n) => n.trim())
      .filter((n) => n !== '' && !typeOnly && !n.startsWith('type '));
    found.push({ names, target: path.resolve(path.dirname(file), match[3] as string) });
  }
  return found;
}

/** A function that answers a scope (readScope, memberReadScope…), not one that loads in a given scope (…InScope). */
const givesScope = (name: string) => /(?<!In)Scope$/.test(name);

const relative = (file: string) => path.relative(SERVER, file);
const moduleOf = (file: string) => path.relative(MODULES, file).split(path.sep)[0];

describe('the layers of the server', () => {
  it('below the modules import no module (the principal resolver is handed in by app.ts)', () => {
    const files = [
      ...BELOW_MODULES.flatMap((dir) => sourceFiles(path.join(SERVER, dir))),
      ...BELOW_MODULES_FILES.map((name) => path.join(SERVER, name)),
    ];
    const upward = files.flatMap((file) =>
      importsOf(file)
        .filter((i) => i.target.startsWith(`${MODULES}${path.sep}`))
        .map((i) => `${relative(file)} → ${relative(i.target)}`),
    );
    expect(files.length).toBeGreaterThan(20);
    expect(upward).toEqual([]);
  });

  it('let a module learn scopes from the access kernel only, never from another module', () => {
    const borrowed = sourceFiles(MODULES).flatMap((file) =>
      importsOf(file)
        .filter((i) => i.target.startsWith(`${MODULES}${path.sep}`) && moduleOf(i.target) !== moduleOf(file))
        .flatMap((i) => i.names.filter(givesScope).map((name) => `${relative(file)}: ${name}`)),
    );
    expect(borrowed).toEqual([]);
  });
});

/** Every relative import or re-export of a file, resolved to an absolute path (types included). */
function dependenciesOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:import|export)\s[^;]*?\sfrom\s*'(\.[^']+)'/g)].map((m) =>
    path.resolve(path.dirname(file), m[1] as string),
  );
}

/** Which modules each module's production files import (test files left out: they may compose several). */
function moduleGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of sourceFiles(MODULES)) {
    const from = moduleOf(file) as string;
    if (path.dirname(file) === MODULES) continue; // modules/index.ts lists them all; module.ts is the kernel's type
    const edges = graph.get(from) ?? new Set<string>();
    graph.set(from, edges);
    for (const target of dependenciesOf(file)) {
      if (!target.startsWith(`${MODULES}${path.sep}`) || path.dirname(target) === MODULES) continue;
      const to = moduleOf(target) as string;
      if (to !== from) edges.add(to);
    }
  }
  return graph;
}

/** The first cycle found by a depth-first walk, as the path of modules that closes it; null when there is none. */
function findCycle(graph: ReadonlyMap<string, ReadonlySet<string>>): string[] | null {
  const done = new Set<string>();
  const walk = (node: string, trail: string[]): string[] | null => {
    if (trail.includes(node)) return [...trail.slice(trail.indexOf(node)), node];
    if (done.has(node)) return null;
    for (const next of graph.get(node) ?? []) {
      const cycle = walk(next, [...trail, node]);
      if (cycle) return cycle;
    }
    done.add(node);
    return null;
  };
  for (const node of [...graph.keys()].sort()) {
    const cycle = walk(node, []);
    if (cycle) return cycle;
  }
  return null;
}

describe('the modules', () => {
  it('import one another without a cycle', () => {
    const graph = moduleGraph();
    expect(graph.size).toBeGreaterThan(10);
    expect(findCycle(graph)).toBeNull();
  });

  it('find a cycle when there is one (the walk itself)', () => {
    const graph = new Map([
      ['a', new Set(['b'])],
      ['b', new Set(['c'])],
      ['c', new Set(['a'])],
      ['d', new Set(['a'])],
    ]);
    expect(findCycle(graph)).toEqual(['a', 'b', 'c', 'a']);
    expect(findCycle(new Map([['a', new Set(['b'])]]))).toBeNull();
  });

  it('enter one another only through index.ts, their public file (also checked by npm run lint)', () => {
    const inner = sourceFiles(MODULES).flatMap((file) =>
      dependenciesOf(file)
        .filter(
          (target) =>
            target.startsWith(`${MODULES}${path.sep}`) &&
            path.dirname(target) !== MODULES &&
            moduleOf(target) !== moduleOf(file) &&
            path.basename(target) !== 'index.ts',
        )
        .map((target) => `${relative(file)} → ${relative(target)}`),
    );
    expect(inner).toEqual([]);
  });
});

import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The import rules of biome.json, proven by linting fixture files with the repository's own configuration: a
 * module is entered through its public file (src/server/modules/<module>/index.ts), and production code never
 * imports the test helpers (src/server/testing). The fixtures are written to a temporary folder outside the
 * repository (the configuration copied there, with the VCS integration off since that folder is no checkout),
 * so that they never reach `npm run lint` of the repository itself.
 */
const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIOME = path.join(REPO, 'node_modules', '.bin', 'biome');

type Verdict = 'allowed' | 'refused';
/** A fixture file and, for each of its imports, whether lint must refuse it. */
type Fixture = { readonly file: string; readonly imports: readonly (readonly [string, Verdict])[] };

const FIXTURES: readonly Fixture[] = [
  {
    file: 'src/server/modules/transfers/transfer-fixture.ts',
    imports: [
      ['../members/members.repo.ts', 'refused'],
      ['../members/member-writes.ts', 'refused'],
      ['../members/members.service.ts', 'refused'],
      ['../members/index.ts', 'allowed'],
      ['./transfers.repo.ts', 'allowed'],
      ['../../db/client.ts', 'allowed'],
      ['../../access/index.ts', 'allowed'],
      ['../../excel/sheet-writer.ts', 'allowed'],
      ['../module.ts', 'allowed'],
      ['../../testing/fixtures.ts', 'refused'],
      ['../../../domain/membership/member-rules.ts', 'refused'],
      ['../../../domain/membership/index.ts', 'allowed'],
    ],
  },
  {
    file: 'src/server/modules/transfers/transfer-fixture.api.test.ts',
    imports: [
      ['../../testing/fixtures/members.ts', 'allowed'],
      ['../members/members.repo.ts', 'refused'],
      ['./transfers.service.ts', 'allowed'],
    ],
  },
  {
    file: 'src/server/job-fixture.ts',
    imports: [
      ['./modules/members/member-writes.ts', 'refused'],
      ['./modules/members/index.ts', 'allowed'],
      ['./modules/index.ts', 'allowed'],
      ['./modules/module.ts', 'allowed'],
      ['./testing/fixtures.ts', 'refused'],
    ],
  },
  {
    file: 'src/server/testing/fixtures/helper-fixture.ts',
    imports: [
      ['../../modules/stats/rollup.service.ts', 'refused'],
      ['../../modules/stats/index.ts', 'allowed'],
      ['../fixtures.ts', 'allowed'],
    ],
  },
  {
    file: 'bench/bench-fixture.ts',
    imports: [
      ['../src/server/modules/stats/rollup.service.ts', 'refused'],
      ['../src/server/modules/stats/index.ts', 'allowed'],
      ['../src/server/testing/fixtures.ts', 'allowed'],
    ],
  },
  {
    file: 'scripts/script-fixture.ts',
    imports: [
      ['../src/server/modules/users/recovery.service.ts', 'refused'],
      ['../src/server/modules/users/index.ts', 'allowed'],
    ],
  },
];

/** The fixture's source: one import per line (line n + 1 is import n), all used so that only the rule speaks. */
const sourceOf = (f: Fixture) =>
  `${f.imports.map(([from], i) => `import * as m${i} from '${from}';`).join('\n')}\nexport const all = [${f.imports
    .map((_, i) => `m${i}`)
    .join(', ')}];\n`;

function runBiome(cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      BIOME,
      ['lint', '--reporter=github', '--max-diagnostics=none', '.'],
      { cwd },
      (error, stdout) => {
        // Biome exits 1 when it found errors: that is the expected case here, not a failure to run.
        if (error && typeof error.code !== 'number') reject(error);
        else resolve(stdout);
      },
    );
  });
}

let dir: string;
/** `file:line` of every import the rule refused. */
let refused: Set<string>;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'jiceng-import-rules-'));
  const config = JSON.parse(await readFile(path.join(REPO, 'biome.json'), 'utf8'));
  await writeFile(path.join(dir, 'biome.json'), JSON.stringify({ ...config, vcs: { enabled: false } }));
  for (const f of FIXTURES) {
    await mkdir(path.dirname(path.join(dir, f.file)), { recursive: true });
    await writeFile(path.join(dir, f.file), sourceOf(f));
  }
  const out = await runBiome(dir);
  refused = new Set(
    [...out.matchAll(/^::error title=lint\/style\/noRestrictedImports,file=([^,]+),line=(\d+),/gm)].map(
      (m) => `${path.relative(dir, m[1] as string)}:${m[2]}`,
    ),
  );
}, 60_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the import rules (biome.json, npm run lint)', () => {
  for (const f of FIXTURES) {
    describe(f.file, () => {
      f.imports.forEach(([from, verdict], i) => {
        it(`${verdict === 'refused' ? 'refuses' : 'allows'} ${from}`, () => {
          expect(refused.has(`${f.file}:${i + 1}`) ? 'refused' : 'allowed').toBe(verdict);
        });
      });
    });
  }

  it('found every fixture (a lint that checked nothing would refuse nothing)', () => {
    expect(refused.size).toBe(FIXTURES.flatMap((f) => f.imports).filter(([, v]) => v === 'refused').length);
  });
});

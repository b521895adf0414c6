import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ERROR_REASON_LABELS, ERROR_REASONS, SERVER_REASONS } from '../contracts/errors.ts';
import { ACCESS_REASONS } from '../domain/access/index.ts';
import { CODE_REASONS } from '../domain/codes/index.ts';
import { DUES_REASONS } from '../domain/dues/index.ts';
import { MEMBERSHIP_REASONS } from '../domain/membership/index.ts';
import { ORG_REASONS } from '../domain/org/index.ts';
import { ORG_LIFE_REASONS } from '../domain/org-life/index.ts';
import { PEOPLE_REASONS } from '../domain/people/index.ts';
import { SHARED_REASONS } from '../domain/shared/index.ts';

/**
 * The closed vocabulary of error reasons (`details.reason`, src/contracts/errors.ts) walked both ways against the
 * source that gives them: every reason a rule or the server writes is listed (and so labelled in Chinese), and
 * every listed reason is written somewhere, by the area (or the server) that lists it. The types refuse an
 * unlisted reason where a rule or an AppError takes one; this reads the literals themselves, wherever they are.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'testing' ? [] : tsFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.(test|fixtures)\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** The production code that gives reasons (no tests, no fixtures), without the lists that declare them. */
const PRODUCTION = ['src/server', 'src/domain', 'scripts']
  .flatMap((dir) => tsFiles(path.join(ROOT, dir)))
  .filter((file) => !/src\/domain\/\w+\/reasons\.ts$/.test(file));

/**
 * The positions where a reason is given: a denial (`deny('…'`, and the areas' `fail`, `failure`, `issue(field, '…'`),
 * a refusal of src/server/errors.ts (`forbidden('…'`, `conflict('…'`, `unauthenticated('…'`), a `reason: '…'`
 * property (an AppError's details, an error body, a table of refusals) and a parameter's default `reason = '…'`.
 */
const GIVEN =
  /\b(?:deny|fail|failure|forbidden|conflict|unauthenticated)\(\s*'([a-z0-9_]+)'|\bissue\(\s*'\w+',\s*'([a-z0-9_]+)'|\breason\??:\s*'([a-z0-9_]+)'|\breason(?::\s*\w+)?\s*=\s*'([a-z0-9_]+)'/g;
/** The same positions with a reason built from pieces (`transfer_not_${side}_side`), which no list could check. */
const BUILT =
  /(?:\b(?:deny|fail|failure|forbidden|conflict|unauthenticated)\(\s*|\breason\??:\s*)`(?:[a-z0-9_]|\$\{[^}]*\})+`/;
/** An audit row's note (`note: { reason: 'unknown_user' }`): a fact of the audit log, not an error reason. */
const AUDIT_NOTE = /\bnote\s*[:=]\s*\{[^}]*\}/g;

const relative = (file: string) => path.relative(ROOT, file);
const sourceOf = (file: string) => readFileSync(file, 'utf8').replace(AUDIT_NOTE, '');

/** Every reason given in the files, with where. */
function given(files: readonly string[]): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const file of files) {
    for (const match of sourceOf(file).matchAll(GIVEN)) {
      const reason = match.slice(1).find(Boolean) as string;
      found.set(reason, [...(found.get(reason) ?? []), relative(file)]);
    }
  }
  return found;
}

const under = (dir: string) => PRODUCTION.filter((file) => relative(file).startsWith(dir));

/** Each list, and the code that must give each of its reasons. */
const LISTS = [
  { name: 'src/domain/shared', reasons: SHARED_REASONS, files: under('src/domain/shared/') },
  { name: 'src/domain/access', reasons: ACCESS_REASONS, files: under('src/domain/access/') },
  { name: 'src/domain/codes', reasons: CODE_REASONS, files: under('src/domain/codes/') },
  { name: 'src/domain/people', reasons: PEOPLE_REASONS, files: under('src/domain/people/') },
  { name: 'src/domain/membership', reasons: MEMBERSHIP_REASONS, files: under('src/domain/membership/') },
  { name: 'src/domain/org', reasons: ORG_REASONS, files: under('src/domain/org/') },
  { name: 'src/domain/org-life', reasons: ORG_LIFE_REASONS, files: under('src/domain/org-life/') },
  { name: 'src/domain/dues', reasons: DUES_REASONS, files: under('src/domain/dues/') },
  {
    name: 'the server (SERVER_REASONS)',
    reasons: SERVER_REASONS,
    files: PRODUCTION.filter((file) => !relative(file).startsWith('src/domain/')),
  },
] as const;

describe('the closed vocabulary of error reasons (details.reason)', () => {
  const all = given(PRODUCTION);

  it('lists every reason the rules and the server give', () => {
    const listed = new Set<string>(ERROR_REASONS);
    const unlisted = [...all]
      .filter(([reason]) => !listed.has(reason))
      .map(([r, where]) => `${r} (${where})`);
    expect(all.size).toBeGreaterThan(100);
    expect(unlisted).toEqual([]);
  });

  it('gives no reason built from pieces, which no list could check', () => {
    expect(PRODUCTION.filter((file) => BUILT.test(sourceOf(file))).map(relative)).toEqual([]);
  });

  it.each(LISTS)('lists for $name only reasons that its own code gives', ({ reasons, files }) => {
    const there = given(files);
    expect(reasons.filter((reason) => !there.has(reason))).toEqual([]);
  });

  it('lists each reason once: the areas and the server do not repeat one another', () => {
    const repeated = ERROR_REASONS.filter((reason, i) => ERROR_REASONS.indexOf(reason) !== i);
    expect(repeated).toEqual([]);
  });

  it('labels every listed reason, and nothing else, in Chinese', () => {
    expect(Object.keys(ERROR_REASON_LABELS).sort()).toEqual([...ERROR_REASONS].sort());
    const notChinese = Object.entries(ERROR_REASON_LABELS).filter(
      ([, label]) => !/[\u4e00-\u9fff]/.test(label),
    );
    expect(notChinese).toEqual([]);
  });
});

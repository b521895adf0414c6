import { describe, expect, it } from 'vitest';

/**
 * The repository carries the domain knowledge its code relies on (docs/README.md): comments cite `docs/…`, and
 * every citation must lead somewhere. The files are read as text through Vite's glob import, so this test needs
 * no file system access.
 */
const code = import.meta.glob<string>(
  ['/src/**/*.{ts,tsx}', '/{e2e,bench,scripts}/**/*.ts', '/*.{md,ts}', '/migrations/*.sql'],
  { query: '?raw', import: 'default', eager: true },
);
const docs = import.meta.glob<string>('/docs/*.md', { query: '?raw', import: 'default', eager: true });

/** Planning documents that lived beside the repository and are not part of it. */
const OUTSIDE = /\b(?:DOMAIN|DESIGN)\.md\b|\b(?:OFFICIAL-?FORMS|STACK-?NOTES)\b|\.\.\/shared\/[A-Z]/;

/** Not checked for outside citations: migrations are never edited once landed. */
const NOT_YET_CHECKED = ['/migrations/'];

/** Section numbers after a file, separated by commas, semicolons or "and": `§2.3, §4 and §5`. */
const SECTIONS = String.raw`((?:(?:[ ,;]|\band\b)*§\s?\d+(?:\.\d+)*)*)`;
/** From code: `docs/<file>.md §2.3`. Within docs/: also `<file>.md §2`, and a bare `§4` for the same file. */
const CODE_CITATION = new RegExp(String.raw`docs/([\w-]+\.md)${SECTIONS}`, 'g');
const DOCS_CITATION = new RegExp(String.raw`(?:docs/|\x60)?\b([\w-]+\.md)\x60?${SECTIONS}`, 'g');
const SECTION = /§\s?(\d+(?:\.\d+)*)/g;

type Citation = { readonly file: string; readonly section: string | null };

function sectionsOf(markdown: string): Set<string> {
  const headings = markdown.matchAll(/^#{2,4} (\d+(?:\.\d+)*)\.? /gm);
  return new Set([...headings].map((m) => m[1] as string));
}

function citationsIn(text: string, pattern: RegExp): Citation[] {
  return [...text.matchAll(pattern)].flatMap((m): Citation[] => {
    const file = m[1] as string;
    const sections = [...(m[2] ?? '').matchAll(SECTION)].map((s) => s[1] as string);
    return sections.length === 0 ? [{ file, section: null }] : sections.map((section) => ({ file, section }));
  });
}

/** A docs file's citations: sections of other files (a name alone is a mention), and bare `§n` into itself. */
function docsCitations(file: string, text: string): Citation[] {
  const others = citationsIn(text, DOCS_CITATION).filter((c) => c.section !== null);
  const rest = text.replace(DOCS_CITATION, '');
  const own = [...rest.matchAll(SECTION)].map((s) => ({ file, section: s[1] as string }));
  return [...others, ...own];
}

describe('the domain knowledge in docs/', () => {
  it('reads the code it checks', () => {
    expect(Object.keys(code).length).toBeGreaterThan(100);
    expect(Object.keys(docs)).toContain('/docs/README.md');
  });

  it('is the only place rules are cited from: nothing cites documents outside the repository', () => {
    const offending = Object.entries(code)
      .filter(([path]) => !NOT_YET_CHECKED.some((prefix) => path.startsWith(prefix)))
      .flatMap(([path, text]) =>
        text
          .split('\n')
          .map((line, i) => ({ where: `${path}:${i + 1}`, line }))
          .filter(({ line }) => OUTSIDE.test(line)),
      )
      .map(({ where, line }) => `${where}: ${line.trim()}`);
    expect(offending).toEqual([]);
  });

  it('every docs/ citation names a file and a section that exist', () => {
    const sections = new Map(
      Object.entries(docs).map(([path, text]) => [path.slice('/docs/'.length), sectionsOf(text)]),
    );
    const cited = [
      ...Object.entries(code).map(([path, text]) => [path, citationsIn(text, CODE_CITATION)] as const),
      ...Object.entries(docs).map(
        ([path, text]) => [path, docsCitations(path.slice('/docs/'.length), text)] as const,
      ),
    ];
    const broken = cited.flatMap(([path, list]) =>
      list
        .filter(({ file, section }) => {
          const known = sections.get(file);
          return known === undefined || (section !== null && !known.has(section));
        })
        .map(({ file, section }) => `${path}: docs/${file}${section === null ? '' : ` §${section}`}`),
    );
    expect(broken).toEqual([]);
  });

  it('the index lists every file of docs/', () => {
    const index = docs['/docs/README.md'] ?? '';
    const unlisted = Object.keys(docs)
      .map((path) => path.slice('/docs/'.length))
      .filter((file) => file !== 'README.md' && !index.includes(`(${file})`));
    expect(unlisted).toEqual([]);
  });
});

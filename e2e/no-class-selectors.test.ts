import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Browser tests find what a user finds — roles and accessible names, labels, text, and a `data-testid` where the
 * page offers no handle — through the page objects of e2e/pages/, never antd's class names: those change with antd's
 * markup (commit b233bad repaired a test that counted antd's hidden copies of a text).
 */
const E2E = path.dirname(fileURLToPath(import.meta.url));

/** Every file under e2e/, at any depth. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

/**
 * An antd class name: “ant”, a hyphen, then a component (select-item, tree-switcher, table-row…) after a dot, a quote,
 * a space or `*=`. The package scope of antd's icons and words ending in “ant” do not count. The pattern is put
 * together so that this file passes its own check.
 */
const ANTD_CLASS = new RegExp(`(^|[^\\w@-])${'an'}t-[a-z]`);

/** The lines of `text` that name an antd class, as `line: text`. */
function classSelectors(text: string): string[] {
  return text.split('\n').flatMap((line, i) => (ANTD_CLASS.test(line) ? [`${i + 1}: ${line.trim()}`] : []));
}

describe('browser tests use roles, labels and test ids, not antd class names', () => {
  it('recognises an antd class name in a selector, and nothing else', () => {
    // The class names are put together here, so that this file passes its own check.
    const cls = (rest: string) => `${'an'}t-${rest}`;
    expect(classSelectors(`page.locator('.${cls('select-item-option')}')`)).toHaveLength(1);
    expect(classSelectors(`node.getAttribute('class')?.includes('${cls('tree-switcher')}')`)).toHaveLength(1);
    expect(classSelectors(`page.locator('[class*="${cls('table-row')}"]')`)).toHaveLength(1);
    expect(classSelectors(`import { UploadOutlined } from '@${cls('design/icons')}';`)).toEqual([]);
    expect(classSelectors(`const note = 'redundant-check, important-note';`)).toEqual([]);
    expect(classSelectors(`page.getByRole('option', { name: '书记' })`)).toEqual([]);
  });

  it('finds no antd class name in any file under e2e/', () => {
    const files = filesUnder(E2E);
    // The walk sees the tests and the page objects (a walk that saw nothing would pass for the wrong reason).
    expect(files.map((f) => path.relative(E2E, f))).toEqual(
      expect.arrayContaining(['first-admin.test.ts', path.join('pages', 'choice.ts')]),
    );
    const found = files.flatMap((file) =>
      classSelectors(readFileSync(file, 'utf8')).map((line) => `${path.relative(E2E, file)}:${line}`),
    );
    expect(found).toEqual([]);
  });
});

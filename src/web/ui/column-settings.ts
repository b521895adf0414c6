/**
 * Which columns of a table a user has hidden (列设置), remembered per table in this browser (localStorage), so
 * that a table set up once stays so. Key columns (the row's name, its actions) cannot be hidden
 * (docs/design.md §4.3).
 */

const PREFIX = 'jiceng.columns.';

/** The storage this browser offers; tests pass their own. Null where there is none (private mode may throw). */
export type KeyValueStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function browserStore(): KeyValueStore | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

/** The hidden column keys of a table, as last chosen; unknown keys (a column since removed) are dropped. */
export function readHidden(store: KeyValueStore | null, table: string, known: readonly string[]): string[] {
  try {
    const raw = store?.getItem(PREFIX + table);
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(parsed)
      ? parsed.filter((k): k is string => typeof k === 'string' && known.includes(k))
      : [];
  } catch {
    return [];
  }
}

export function writeHidden(store: KeyValueStore | null, table: string, hidden: readonly string[]): void {
  try {
    if (hidden.length === 0) store?.removeItem(PREFIX + table);
    else store?.setItem(PREFIX + table, JSON.stringify(hidden));
  } catch {
    // A full or refused storage only loses the preference, never the page.
  }
}

export type SettableColumn = { readonly key?: unknown; readonly title?: unknown };

/** The columns left after hiding, in their order; a column without a key, or a locked one, always stays. */
export function visibleColumns<C extends SettableColumn>(
  columns: readonly C[],
  hidden: readonly string[],
  locked: readonly string[] = [],
): C[] {
  return columns.filter((c) => {
    const key = typeof c.key === 'string' ? c.key : null;
    return key === null || locked.includes(key) || !hidden.includes(key);
  });
}

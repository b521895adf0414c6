import { describe, expect, it } from 'vitest';
import { type KeyValueStore, readHidden, visibleColumns, writeHidden } from './column-settings.ts';

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

describe('column settings', () => {
  const columns = [
    { key: 'name', title: '姓名' },
    { key: 'phone', title: '手机号' },
    { key: 'org', title: '所属组织' },
    { title: '无键' },
  ];
  const known = ['name', 'phone', 'org'];

  it('remembers the hidden columns per table, and forgets them when all are shown again', () => {
    const store = memoryStore();
    writeHidden(store, 'members', ['phone']);
    expect(readHidden(store, 'members', known)).toEqual(['phone']);
    expect(readHidden(store, 'audit', known)).toEqual([]);
    writeHidden(store, 'members', []);
    expect(store.data.size).toBe(0);
  });

  it('drops keys of columns that no longer exist, and survives garbage or no storage at all', () => {
    const store = memoryStore();
    store.setItem('jiceng.columns.members', JSON.stringify(['phone', 'gone', 3]));
    expect(readHidden(store, 'members', known)).toEqual(['phone']);
    store.setItem('jiceng.columns.members', '{not json');
    expect(readHidden(store, 'members', known)).toEqual([]);
    expect(readHidden(null, 'members', known)).toEqual([]);
    expect(() => writeHidden(null, 'members', ['phone'])).not.toThrow();
  });

  it('hides the chosen columns but never a locked one or one without a key', () => {
    expect(visibleColumns(columns, ['phone', 'name'], ['name']).map((c) => c.title)).toEqual([
      '姓名',
      '所属组织',
      '无键',
    ]);
  });
});

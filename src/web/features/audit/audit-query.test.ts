import { describe, expect, it } from 'vitest';
import { auditStateFromSearch, searchFromAuditState } from './audit-query.ts';

describe('the audit list in the address bar', () => {
  it('round-trips a filter, a page and a page size', () => {
    const state = {
      filter: { from: '2026-06-01', to: '2026-06-30', actor: 'city_org', action: 'member.update' as const },
      page: 3,
      pageSize: 50,
    };
    const search = searchFromAuditState(state);
    expect(search.toString()).toBe(
      'from=2026-06-01&to=2026-06-30&actor=city_org&action=member.update&page=3&pageSize=50',
    );
    expect(auditStateFromSearch(search)).toEqual({
      filter: { ...state.filter, entityType: undefined },
      page: 3,
      pageSize: 50,
    });
  });

  it('drops what is unknown or malformed, and keeps the defaults out of the address', () => {
    const state = auditStateFromSearch(
      new URLSearchParams('from=yesterday&action=drop.table&entityType=member&page=-2&pageSize=7'),
    );
    expect(state).toEqual({
      filter: { from: undefined, to: undefined, actor: undefined, action: undefined, entityType: 'member' },
      page: 1,
      pageSize: 20,
    });
    expect(searchFromAuditState({ filter: {}, page: 1, pageSize: 20 }).toString()).toBe('');
  });
});

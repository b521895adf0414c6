import { describe, expect, it } from 'vitest';
import { MEMBER_STATUSES } from '../membership/index.ts';
import type { IsoDate } from '../shared/index.ts';
import { type DepartedAccountFacts, departedAccountFindings } from './departed-accounts.ts';
import { keepsAccount } from './member-accounts.ts';

const TODAY = '2026-06-15' as IsoDate;
const facts = (over: Partial<DepartedAccountFacts> = {}): DepartedAccountFacts => ({
  memberId: 7,
  name: '张三',
  status: 'left',
  departedOn: '2026-06-01' as IsoDate,
  userId: 42,
  username: 'dy000007',
  ...over,
});

describe('departedAccountFindings (docs/security.md §2.1)', () => {
  it('raises nothing while the status keeps an account, one warning for every other status', () => {
    for (const status of MEMBER_STATUSES) {
      const found = departedAccountFindings(facts({ status }), TODAY);
      expect(found.length, status).toBe(keepsAccount(status) ? 0 : 1);
    }
  });

  it('names the account, the day the member left and the days since', () => {
    expect(departedAccountFindings(facts({ status: 'deceased' }), TODAY)).toEqual([
      {
        kind: 'departed_member_account',
        severity: 'warning',
        message: '张三于2026-06-01去世（14天前），其账号 dy000007 仍可登录，应在“用户与权限”中停用',
        article: expect.stringContaining('GB/T 22239-2019'),
        date: '2026-06-01',
        days: 14,
        subject: { type: 'account', id: 42, name: '张三' },
      },
    ]);
  });

  it('says no day when the history has none', () => {
    const [f] = departedAccountFindings(facts({ status: 'transferred_out', departedOn: null }), TODAY);
    expect(f).toMatchObject({
      date: null,
      days: null,
      message: expect.stringMatching(/^张三转出本系统，其账号/),
    });
  });
});

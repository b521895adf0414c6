import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { duesLedgerKeys, type LedgerEntryView, type MemberDuesView } from '../../api/dues-ledger.ts';
import { createQueryClient } from '../../api/query-client.ts';
import { MemberDuesTab } from './MemberDuesTab.tsx';

const entry = (extra: Partial<LedgerEntryView>): LedgerEntryView => ({
  id: 1,
  memberId: 7,
  memberName: '李四',
  kind: 'payment',
  kindLabel: '交纳',
  month: '2026-01',
  amount: 4000,
  paidOn: '2026-02-01',
  method: 'cash',
  methodLabel: '现金',
  externalRef: null,
  collectingOrg: { id: 3, name: '第一党支部' },
  paidBy: null,
  prepaymentConsentBy: null,
  receipt: '20260201-AB12CD34',
  reversesId: null,
  reversedById: null,
  reason: null,
  toCentre: false,
  recordedBy: 'sec',
  recordedAt: '2026-02-01T02:00:00.000Z',
  can: { reverse: true },
  ...extra,
});

function renderTab(view: MemberDuesView) {
  const queryClient = createQueryClient();
  queryClient.setQueryData(duesLedgerKeys.member(7), view);
  render(
    <AntApp>
      <QueryClientProvider client={queryClient}>
        <MemoryRouter>
          <MemberDuesTab memberId={7} />
        </MemoryRouter>
      </QueryClientProvider>
    </AntApp>,
  );
}

const base: MemberDuesView = {
  member: {
    id: 7,
    name: '李四',
    org: { id: 3, name: '第一党支部' },
    isMobile: false,
    admittedOn: '2010-07-01',
  },
  months: [
    {
      month: '2026-01',
      label: '2026年1月',
      org: { id: 3, name: '第一党支部' },
      charged: 4000,
      paid: 4000,
      balance: 0,
      why: null,
    },
  ],
  arrears: { months: [], total: 0, run: 0, warning: null },
  entries: [
    entry({}),
    entry({ id: 2, kind: 'reversal', kindLabel: '冲正', amount: -4000, can: { reverse: false } }),
  ],
  can: { pay: true },
};

describe('the 党费 tab of a member', () => {
  it('offers 登记缴费 and 冲正 to dues.manage, and shows the arrears warning', () => {
    renderTab({
      ...base,
      arrears: { months: ['2026-02'], total: 4000, run: 5, warning: '李四已连续5个月未交纳党费' },
    });
    expect(screen.getByRole('button', { name: '登记缴费' })).toBeTruthy();
    expect(screen.getAllByRole('button', { name: /^冲\s?正$/ })).toHaveLength(1);
    expect(screen.getByText('李四已连续5个月未交纳党费')).toBeTruthy();
    expect(screen.getByText('已交清')).toBeTruthy();
    // Role queries over antd's tables are slow in jsdom.
  }, 30_000);

  it('only shows them to a reader', () => {
    renderTab({ ...base, can: { pay: false }, entries: [entry({ can: { reverse: false } })] });
    expect(screen.queryByRole('button', { name: '登记缴费' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^冲\s?正$/ })).toBeNull();
  }, 30_000);
});

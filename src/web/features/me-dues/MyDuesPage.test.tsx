import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { App as AntApp } from 'antd';
import dayjs from 'dayjs';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { duesLedgerKeys, type MemberDuesView } from '../../api/dues-ledger.ts';
import { createQueryClient } from '../../api/query-client.ts';
import { monthStanding } from './dues-text.ts';
import { MyDuesPage } from './MyDuesPage.tsx';

const current = dayjs().format('YYYY-MM');
const last = dayjs().subtract(1, 'month').format('YYYY-MM');
const why = {
  category: 'employed' as const,
  categoryLabel: '在职',
  base: 400_000,
  rateBp: 100,
  rateLabel: '1%',
  fullAmount: 4000,
  reduction: null,
  ruleVersion: '2008-中组发3号',
  explanation: '计算基数4,000.00元 × 1% = 40.00元',
};
const view: MemberDuesView = {
  member: {
    id: 7,
    name: '李四',
    org: { id: 3, name: '第一党支部' },
    isMobile: false,
    admittedOn: '2010-07-01',
  },
  months: [
    {
      month: current,
      label: '本月',
      org: { id: 3, name: '第一党支部' },
      charged: 4000,
      paid: 0,
      balance: 4000,
      why,
    },
    {
      month: last,
      label: '上月',
      org: { id: 3, name: '第一党支部' },
      charged: 4000,
      paid: 1000,
      balance: 3000,
      why,
    },
  ],
  arrears: { months: [last], total: 3000, run: 1, warning: null },
  entries: [],
  can: { pay: false },
};

function renderPage() {
  // jsdom has no ResizeObserver (antd's Tabs measure themselves).
  vi.stubGlobal(
    'ResizeObserver',
    class {
      observe() {}
      unobserve() {}
      disconnect() {}
    },
  );
  const queryClient = createQueryClient();
  queryClient.setQueryData(duesLedgerKeys.mine, view);
  render(
    <AntApp>
      <QueryClientProvider client={queryClient}>
        <MemoryRouter>
          <MyDuesPage />
        </MemoryRouter>
      </QueryClientProvider>
    </AntApp>,
  );
}

describe('我的党费 (/m/dues)', () => {
  it('shows what is owed this month and why, and the arrears', () => {
    renderPage();
    expect(screen.getByText('欠缴1个月，共30.00元')).toBeTruthy();
    expect(screen.getAllByText('计算基数4,000.00元 × 1% = 40.00元').length).toBeGreaterThan(0);
    expect(screen.getByRole('article', { name: '上月' }).textContent).toContain('部分欠缴');
    expect(screen.getByRole('article', { name: '本月' }).textContent).toContain('待交纳');
  });

  it('names each month’s standing', () => {
    expect(monthStanding({ charged: 0, paid: 0, balance: 0 }, false).text).toBe('免交');
    expect(monthStanding({ charged: 4000, paid: 4000, balance: 0 }, false).text).toBe('已交清');
    expect(monthStanding({ charged: 4000, paid: 0, balance: 4000 }, false).text).toBe('欠缴');
    expect(monthStanding({ charged: null, paid: 4000, balance: -4000 }, true).text).toBe('已预交');
  });
});

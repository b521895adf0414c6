import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { describe, expect, it } from 'vitest';
import type { DuesSheet, DuesSheetRow } from '../../api/dues-summary.ts';
import { DuesSheetTable } from './DuesSheetTable.tsx';

const row = (over: Partial<DuesSheetRow>): DuesSheetRow => ({
  memberId: 1,
  name: '张三',
  category: 'employed',
  fullAmount: 1_500,
  charged: 1_500,
  reduction: null,
  paid: 1_500,
  owed: 0,
  paidInFull: true,
  onTime: true,
  method: 'cash',
  paidOn: '2026-07-10',
  notes: '',
  ...over,
});

const sheet = (canRecord: boolean): DuesSheet => ({
  org: { id: 9, name: '和平社区第一党支部', kind: 'branch' },
  month: '2026-07',
  monthLabel: '2026年7月',
  rows: [
    row({}),
    row({
      memberId: 2,
      name: '李四',
      paid: 500,
      owed: 1_000,
      paidInFull: false,
      onTime: false,
      method: null,
      paidOn: null,
    }),
  ],
  missing: [],
  totals: {
    charged: 3_000,
    paid: 2_000,
    owed: 1_000,
    members: 2,
    paidInFull: 1,
    inArrears: 1,
    onTime: 1,
    reduced: 0,
    exempt: 0,
    rateBp: 6_666,
  },
  canRecord,
});

function renderSheet(s: DuesSheet, print = false) {
  return render(
    <QueryClientProvider client={new QueryClient()}>
      <AntApp>
        <DuesSheetTable sheet={s} print={print} />
      </AntApp>
    </QueryClientProvider>,
  );
}

describe('the monthly collection sheet', () => {
  it('shows 应缴 / 实缴 / 欠缴 in 元 with 合计, and 登记 only for a row still owing when the reader may record', () => {
    renderSheet(sheet(true));
    const table = screen.getByRole('table');
    expect(within(table).getByText('合计（2人）')).toBeTruthy();
    expect(within(table).getByText('30.00')).toBeTruthy();
    expect(within(table).getAllByText('10.00').length).toBeGreaterThan(0);
    expect(screen.getByRole('button', { name: '登记李四的党费' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: '登记张三的党费' })).toBeNull();
    expect(within(table).getByText('按时足额')).toBeTruthy();
    expect(within(table).getByText('欠缴')).toBeTruthy();
  });

  it('offers no 登记 to a reader without dues.manage, nor on the print page', () => {
    renderSheet(sheet(false));
    expect(screen.queryByRole('button', { name: /^登记/ })).toBeNull();
  });

  it('prints without the buttons', () => {
    renderSheet(sheet(true), true);
    expect(screen.queryByRole('button', { name: /^登记/ })).toBeNull();
  });
});

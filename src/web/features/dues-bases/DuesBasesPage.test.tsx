import { QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_DUES_RULES } from '../../../domain/dues/index.ts';
import { type BaseSheet, duesBaseKeys } from '../../api/dues-bases.ts';
import { createQueryClient } from '../../api/query-client.ts';
import { checkDraft, draftOf } from './base-drafts.ts';
import { DuesBasesPage } from './DuesBasesPage.tsx';

const base = {
  id: 1,
  memberId: 7,
  fromMonth: '2026-05',
  kind: 'salary' as const,
  items: [
    { label: '基本工资', amount: 400_000, counted: true },
    { label: '住房公积金', amount: 50_000, counted: false },
  ],
  incomeTax: 10_000,
  amount: 390_000,
  note: null,
  setByName: '书记',
  setAt: '2026-05-02T00:00:00.000Z',
  version: 1,
};
const row = (extra: Partial<BaseSheet['rows'][number]>): BaseSheet['rows'][number] => ({
  memberId: 7,
  name: '李四',
  orgId: 3,
  orgName: '第一党支部',
  status: 'full',
  category: 'employed',
  workPost: '0212',
  needsBase: true,
  base,
  dues: { kind: 'percentage', amount: 3_900, rateBp: 100 },
  warnings: [],
  ...extra,
});
const sheet: BaseSheet = {
  org: { id: 3, name: '第一党支部' },
  month: '2026-06',
  ruleVersion: DEFAULT_DUES_RULES.version,
  rows: [
    row({}),
    row({ memberId: 8, name: '王五', base: null, dues: { kind: 'no_base', amount: null, rateBp: null } }),
    row({
      memberId: 9,
      name: '赵六',
      category: 'student',
      needsBase: false,
      base: null,
      dues: { kind: 'flat', amount: 20, rateBp: null },
    }),
  ],
};

function renderPage() {
  vi.stubGlobal(
    'ResizeObserver',
    class {
      observe() {}
      unobserve() {}
      disconnect() {}
    },
  );
  const queryClient = createQueryClient();
  queryClient.setQueryData(duesBaseKeys.sheet(3, '2026-06'), sheet);
  queryClient.setQueryData([...duesBaseKeys.all, 'rules'], {
    versions: [DEFAULT_DUES_RULES],
    inForce: DEFAULT_DUES_RULES.version,
    regulation: '',
  });
  render(
    <AntApp>
      <QueryClientProvider client={queryClient}>
        <MemoryRouter initialEntries={['/dues/bases?orgId=3&month=2026-06']}>
          <DuesBasesPage />
        </MemoryRouter>
      </QueryClientProvider>
    </AntApp>,
  );
}

describe('党费计算基数 page', { timeout: 60_000 }, () => {
  it('lists the branch: base and dues, 未核定 for a missing base, 固定金额 for a flat category', () => {
    renderPage();
    const li = screen.getByText('李四').closest('tr') as HTMLElement;
    expect(within(li).getByText('3,900.00')).toBeTruthy();
    expect(within(li).getByText('39.00')).toBeTruthy();
    expect(within(screen.getByText('王五').closest('tr') as HTMLElement).getByText('未核定')).toBeTruthy();
    expect(within(screen.getByText('赵六').closest('tr') as HTMLElement).getByText('固定金额')).toBeTruthy();
    expect(screen.getByRole('button', { name: /保存/ }).hasAttribute('disabled')).toBe(true);
  });

  it('edits the items in a drawer and recomputes the base and dues live, refusing what never counts', async () => {
    renderPage();
    fireEvent.click(screen.getByRole('button', { name: '编辑王五的收入项目' }));
    const amount = await screen.findByLabelText('项目1金额', {}, { timeout: 10_000 });
    fireEvent.change(amount, { target: { value: '6000' } });
    fireEvent.change(screen.getByLabelText('个人所得税（元）'), { target: { value: '100.50' } });
    // 6,000.00 − 100.50 = 5,899.50 元 at 1.5% = 88.49 元 (88.4925, to the 分).
    expect((await screen.findByTestId('base-live')).textContent).toContain(
      '计算基数 5,899.50 元；月缴党费 88.49 元',
    );
    expect(screen.getByRole('button', { name: /保存（1）/ }).hasAttribute('disabled')).toBe(false);
  });
});

describe('a draft decided in the browser by the domain rules (docs/dues.md §2)', () => {
  it('refuses a never-counted item flagged counted, and an amount with three decimals', () => {
    const r = row({});
    const d = draftOf(r, '2026-06');
    expect(
      checkDraft(
        { ...d, items: [...d.items, { key: 99, label: '交通补贴', yuan: '1', counted: true }] },
        r,
        DEFAULT_DUES_RULES,
      ),
    ).toMatchObject({
      ok: false,
      message: expect.stringContaining('不计入'),
    });
    expect(checkDraft({ ...d, taxYuan: '1.234' }, r, DEFAULT_DUES_RULES)).toMatchObject({ ok: false });
    expect(checkDraft(d, r, DEFAULT_DUES_RULES)).toMatchObject({ ok: true, amount: 390_000, dues: 3_900 });
  });
});

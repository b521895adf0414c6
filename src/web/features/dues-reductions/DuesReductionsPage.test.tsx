import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import type { MeView } from '../../../contracts/auth.ts';
import { permissionsOf, type Role } from '../../../domain/access/index.ts';
import { meKey } from '../../api/auth.ts';
import { duesChargeKeys, type ReductionItem } from '../../api/dues-charges.ts';
import { orgKeys } from '../../api/orgs.ts';
import { createQueryClient } from '../../api/query-client.ts';
import { DuesReductionsPage } from './DuesReductionsPage.tsx';

// jsdom has no ResizeObserver, which antd's Table observes its columns with: a browser API, answered with no sizes.
vi.stubGlobal(
  'ResizeObserver',
  class {
    observe() {}
    unobserve() {}
    disconnect() {}
  },
);

const item = (extra: Partial<ReductionItem>): ReductionItem => ({
  id: 1,
  member: { id: 7, name: '钱困难' },
  org: { id: 9, name: '和平社区第一党支部' },
  kind: 'reduce',
  fromMonth: '2026-07',
  toMonth: '2026-12',
  monthlyAmount: 500,
  reason: '长期患病，生活困难',
  branchDecidedOn: '2026-06-10',
  status: 'pending',
  decidedBy: null,
  decidedOn: null,
  decisionNote: null,
  createdAt: '2026-06-10T02:00:00.000Z',
  canDecide: true,
  canWithdraw: false,
  ...extra,
});

function renderAs(role: Role, items: ReductionItem[]) {
  const me: MeView = {
    id: 1,
    username: 'demo',
    name: '演示用户',
    orgId: 6,
    mustChangePassword: false,
    assignments: [{ id: 1, role, orgId: 6, orgName: '和平社区党委', orgPath: '1.2.4.6', endsOn: null }],
    permissions: [...permissionsOf(role)],
    via: 'session',
    pendingStep: null,
    secondFactor: { enabled: false, required: false },
  };
  const queryClient = createQueryClient();
  queryClient.setQueryData(meKey, me);
  queryClient.setQueryData(duesChargeKeys.reductions({ orgId: 6, status: 'pending' }), { items });
  queryClient.setQueryData(orgKeys.search({ pageSize: 20 }), { items: [], total: 0 });
  render(
    <AntApp>
      <QueryClientProvider client={queryClient}>
        <MemoryRouter>
          <DuesReductionsPage />
        </MemoryRouter>
      </QueryClientProvider>
    </AntApp>,
  );
}

describe('减免审批', () => {
  it('lists the pending reductions of the user’s org with the rule’s reasons, and offers 审批 where the user decides', () => {
    renderAs('secretary', [
      item({}),
      item({
        id: 2,
        member: { id: 8, name: '孙免交' },
        kind: 'exempt',
        monthlyAmount: null,
        fromMonth: '2026-08',
        toMonth: '2026-08',
        canDecide: false,
        canWithdraw: true,
      }),
    ]);
    expect(screen.getAllByText(/第七条/).length).toBeGreaterThan(0);
    const table = screen.getByLabelText('党费减免');
    const rows = [...table.querySelectorAll('tbody tr')].filter((r) => r.textContent?.includes('社区'));
    expect(rows.map((r) => r.textContent)).toEqual([
      expect.stringContaining('钱困难'),
      expect.stringContaining('孙免交'),
    ]);
    expect(rows[0]?.textContent).toContain('2026年7月至2026年12月');
    expect(rows[0]?.textContent).toContain('5.00');
    expect(rows[0]?.textContent).toContain('待上级批准');
    expect(within(rows[0] as HTMLElement).getByText('审批')).toBeTruthy();
    expect(within(rows[1] as HTMLElement).queryByText('审批')).toBeNull();
    expect(within(rows[1] as HTMLElement).getByText('撤回')).toBeTruthy();
    expect(rows[1]?.textContent).toContain('免交');
    expect(screen.getByText('登记减免')).toBeTruthy();
  }, 30_000);

  it('offers no 登记减免 to a role without dues.manage', () => {
    renderAs('member', []);
    expect(screen.queryByText('登记减免')).toBeNull();
  }, 30_000);
});

import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { MeView } from '../../../contracts/auth.ts';
import { permissionsOf, type Role } from '../../../domain/access/index.ts';
import { meKey } from '../../api/auth.ts';
import type { OrgFinding } from '../../api/findings.ts';
import { createQueryClient } from '../../api/query-client.ts';
import { FindingsTable } from './FindingsTable.tsx';

const baseMissing: OrgFinding = {
  org: { id: 9, name: '和平社区第一党支部', kind: 'branch', pathNames: '和平社区党委' },
  finding: {
    kind: 'dues_base_missing',
    severity: 'warning',
    message: '2名党员未核定党费计算基数（甲、乙），2026年6月应缴党费无法计算，请在“党费基数”中按其收入核定',
    article: '中组发〔2008〕3号第一条、第四条、第五条',
    date: '2026-06-01',
    days: null,
  },
};

function renderAs(role: Role, items: OrgFinding[]) {
  const me: MeView = {
    id: 1,
    username: 'demo',
    name: '演示用户',
    orgId: 9,
    mustChangePassword: false,
    assignments: [{ id: 1, role, orgId: 9, orgName: '和平社区第一党支部', orgPath: '1.9', endsOn: null }],
    permissions: [...permissionsOf(role)],
    via: 'session',
    pendingStep: null,
    secondFactor: { enabled: false, required: false },
  };
  const queryClient = createQueryClient();
  queryClient.setQueryData(meKey, me);
  render(
    <AntApp>
      <QueryClientProvider client={queryClient}>
        <MemoryRouter>
          <FindingsTable items={items} emptyText="暂无待办" />
        </MemoryRouter>
      </QueryClientProvider>
    </AntApp>,
  );
}

describe('FindingsTable: 未核定党费基数 (docs/dues.md §8)', () => {
  it('links the branch secretary to the branch’s sheet of bases for the month', () => {
    renderAs('secretary', [baseMissing]);
    expect(screen.getByText('未核定党费基数')).toBeTruthy();
    expect(screen.getByRole('link', { name: '核定基数' }).getAttribute('href')).toBe(
      '/dues/bases?orgId=9&month=2026-06',
    );
  });

  it('offers no link to whoever may not set bases', () => {
    renderAs('system_admin', [baseMissing]);
    expect(screen.getByText(baseMissing.finding.message)).toBeTruthy();
    expect(screen.queryByRole('link', { name: '核定基数' })).toBeNull();
  });
});

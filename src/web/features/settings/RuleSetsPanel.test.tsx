import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import { App as AntApp, ConfigProvider } from 'antd';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../../api/query-client.ts';
import { RuleSetsPanel } from './RuleSetsPanel.tsx';

afterEach(() => vi.unstubAllGlobals());

const requirement = {
  id: 'theme_day_monthly',
  label: '主题党日（每月）',
  meetingKind: 'theme_day',
  cadence: 'month',
  minCount: 1,
  appliesTo: ['branch', 'joint_branch', 'temporary_branch', 'floating_branch'],
  needsCommittee: false,
  perGroup: false,
  byHead: false,
  article: '中国共产党支部工作条例（试行）第十六条',
  local: false,
};
const version = (name: string, validFrom: string, status: string, editable: boolean) => ({
  version: name,
  validFrom,
  inForce: status === 'current',
  status,
  editable,
  stored: true,
  revision: 1,
  oneMeetingManyKinds: true,
  reminderDays: 15,
  requirements: [requirement],
});

/** A server answering the versions, as the 系统管理员 (can.edit) or a secretary reads them. */
function serve(edit: boolean) {
  const body = {
    items: [
      version('2018-支部工作条例', '2018-10-28', 'history', false),
      version('2026-本市细则', '2026-01-01', 'current', false),
      version('2099-细则', '2099-01-01', 'future', true),
    ],
    can: { edit },
  };
  vi.stubGlobal(
    'ResizeObserver',
    class {
      observe() {}
      unobserve() {}
      disconnect() {}
    },
  );
  vi.stubGlobal(
    'fetch',
    vi.fn(
      async () => new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } }),
    ),
  );
  render(
    <ConfigProvider button={{ autoInsertSpace: false }}>
      <AntApp>
        <QueryClientProvider client={createQueryClient()}>
          <RuleSetsPanel />
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>,
  );
}

describe('RuleSetsPanel', { timeout: 60_000 }, () => {
  it('lists the versions newest first with their standing; edits only the one not yet in force', async () => {
    serve(true);
    const future = await screen.findByRole('region', { name: '版本 2099-细则' }, { timeout: 10_000 });
    expect(within(future).getByText('待生效')).toBeTruthy();
    expect(screen.getAllByRole('region').map((r) => r.getAttribute('aria-label'))).toEqual([
      '版本 2099-细则',
      '版本 2026-本市细则',
      '版本 2018-支部工作条例',
    ]);
    expect(within(future).getByRole('button', { name: '编辑' })).toBeTruthy();
    expect(within(future).getByRole('button', { name: '删除' })).toBeTruthy();
    expect(screen.getByText('现行')).toBeTruthy();
    expect(screen.getByText('历史')).toBeTruthy();
    expect(screen.getAllByRole('button', { name: '编辑' })).toHaveLength(1);
    expect(screen.getByRole('button', { name: '新建版本' })).toBeTruthy();
    expect(screen.getAllByText('中国共产党支部工作条例（试行）第十六条')).toHaveLength(3);
  });

  it('shows a reader the versions without the editing', async () => {
    serve(false);
    expect(await screen.findByText('2099-细则', {}, { timeout: 10_000 })).toBeTruthy();
    expect(screen.queryByRole('button', { name: '新建版本' })).toBeNull();
    expect(screen.queryByRole('button', { name: '编辑' })).toBeNull();
    expect(screen.getByText('考核规则由系统管理员在参数配置中维护。')).toBeTruthy();
  });
});

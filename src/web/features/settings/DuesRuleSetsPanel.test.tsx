import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import { App as AntApp, ConfigProvider } from 'antd';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_DUES_RULES } from '../../../domain/dues/index.ts';
import { createQueryClient } from '../../api/query-client.ts';
import { bracketsText, DuesRuleSetsPanel } from './DuesRuleSetsPanel.tsx';

afterEach(() => vi.unstubAllGlobals());

const version = (name: string, validFrom: string, status: string, editable: boolean) => ({
  ...DEFAULT_DUES_RULES,
  version: name,
  validFrom,
  status,
  editable,
  stored: true,
  revision: 1,
});

/** A server answering the versions, as the 系统管理员 (can.edit) or a secretary reads them. */
function serve(edit: boolean) {
  const body = {
    versions: [
      version('2008-中组发3号', '2008-04-01', 'history', false),
      version('2026-本省标准', '2026-01-01', 'current', false),
      {
        ...version('2099-本省标准', '2099-01-01', 'future', true),
        flat: { ...DEFAULT_DUES_RULES.flat, farmer: 100 },
      },
    ],
    inForce: '2026-本省标准',
    regulation: '中组发〔2008〕3号',
    can: { edit },
  };
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
          <DuesRuleSetsPanel />
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>,
  );
}

describe('DuesRuleSetsPanel', { timeout: 60_000 }, () => {
  it('lists the versions newest first with their standing; edits only the one not yet in force', async () => {
    serve(true);
    const future = await screen.findByRole('region', { name: '版本 2099-本省标准' }, { timeout: 10_000 });
    expect(within(future).getByText('待生效')).toBeTruthy();
    expect(within(future).getByText(/农民 1\.00元/)).toBeTruthy();
    expect(screen.getAllByRole('region').map((r) => r.getAttribute('aria-label'))).toEqual([
      '版本 2099-本省标准',
      '版本 2026-本省标准',
      '版本 2008-中组发3号',
    ]);
    expect(within(future).getByRole('button', { name: '编辑' })).toBeTruthy();
    expect(within(future).getByRole('button', { name: '删除' })).toBeTruthy();
    expect(screen.getByText('现行')).toBeTruthy();
    expect(screen.getByText('历史')).toBeTruthy();
    expect(screen.getAllByRole('button', { name: '编辑' })).toHaveLength(1);
    expect(screen.getByRole('button', { name: '新建版本' })).toBeTruthy();
  });

  it('shows a reader the versions without the editing', async () => {
    serve(false);
    expect(await screen.findByText('2099-本省标准', {}, { timeout: 10_000 })).toBeTruthy();
    expect(screen.queryByRole('button', { name: '新建版本' })).toBeNull();
    expect(screen.queryByRole('button', { name: '编辑' })).toBeNull();
    expect(screen.getByText('党费收缴标准由系统管理员在参数配置中维护。')).toBeTruthy();
  });

  it('writes the brackets in 元 and %', () => {
    expect(bracketsText(DEFAULT_DUES_RULES.brackets.employed)).toBe(
      '3,000.00元及以下 0.5%；3,000.00–5,000.00元 1%；5,000.00–10,000.00元 1.5%；10,000.00元以上 2%',
    );
  });
});

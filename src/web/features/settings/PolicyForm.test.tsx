import { QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App as AntApp, ConfigProvider } from 'antd';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SecurityPolicySchema } from '../../../contracts/settings.ts';
import { createQueryClient } from '../../api/query-client.ts';
import { PolicyForm } from './PolicyForm.tsx';

afterEach(() => vi.unstubAllGlobals());

const stored = {
  sessionIdleMinutes: 30,
  sessionMaxHours: 12,
  lockoutThreshold: 5,
  lockoutMinutes: 15,
  totpRequiredForOrgAdmin: false,
};

/** A server that answers the stored group and records what is saved. */
function serve() {
  const saved: unknown[] = [];
  const fetchMock = vi.fn(async (request: Request) => {
    if (request.method === 'PUT') saved.push(await request.json());
    const body = { group: 'security', value: stored, version: 4, updatedAt: null };
    return new Response(JSON.stringify(body), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  render(
    <ConfigProvider button={{ autoInsertSpace: false }}>
      <AntApp>
        <QueryClientProvider client={createQueryClient()}>
          <PolicyForm group="security" schema={SecurityPolicySchema} intro="安全策略" />
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>,
  );
  return saved;
}

describe('PolicyForm', () => {
  it('states the bounds the contract sets and saves the group with the version it read', async () => {
    const saved = serve();
    expect(await screen.findByText(/可设范围 3–20 次/)).toBeTruthy();
    fireEvent.click(screen.getByRole('switch', { name: '组织管理员须使用双因素认证' }));
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]).toEqual({ value: { ...stored, totpRequiredForOrgAdmin: true }, version: 4 });
  });

  it('asks for an emptied number in Chinese, without saving', async () => {
    const saved = serve();
    const threshold = await screen.findByRole('spinbutton', { name: '连续登录失败锁定次数' });
    fireEvent.change(threshold, { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText('请填写')).toBeTruthy();
    expect(saved).toEqual([]);
  });
});

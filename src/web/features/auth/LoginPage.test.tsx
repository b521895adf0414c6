import { QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen } from '@testing-library/react';
import { App as AntApp, ConfigProvider } from 'antd';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { meKey } from '../../api/auth.ts';
import { createQueryClient } from '../../api/query-client.ts';
import { LoginPage } from './LoginPage.tsx';

afterEach(() => vi.unstubAllGlobals());

function renderLogin() {
  const queryClient = createQueryClient();
  queryClient.setQueryData(meKey, null);
  const router = createMemoryRouter(
    [
      { path: '/login', element: <LoginPage /> },
      { path: '/change-password', element: <p>修改初始密码页</p> },
      { path: '/second-factor/enrol', element: <p>绑定页</p> },
      { path: '*', element: <p>首页</p> },
    ],
    { initialEntries: ['/login'] },
  );
  render(
    <ConfigProvider button={{ autoInsertSpace: false }}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>,
  );
}

function fill(username: string, password: string) {
  fireEvent.change(screen.getByLabelText('用户名'), { target: { value: username } });
  fireEvent.change(screen.getByLabelText('密码'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: '登录' }));
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** The path a request went to (the client sends fetch one Request). */
const pathOf = (request: Request) => new URL(request.url).pathname;

describe('LoginPage', () => {
  it('asks for both fields in Chinese before sending anything', async () => {
    const fetchMock = vi.fn();
    vi.stubGlobal('fetch', fetchMock);
    renderLogin();
    fireEvent.click(screen.getByRole('button', { name: '登录' }));
    expect(await screen.findByText('请输入用户名')).toBeTruthy();
    expect(await screen.findByText('请输入密码')).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('shows the server message when the credentials are wrong', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        json(401, {
          error: {
            code: 'unauthenticated',
            message: '用户名或密码错误',
            details: { reason: 'invalid_credentials' },
          },
        }),
      ),
    );
    renderLogin();
    fill('city_org', 'wrong');
    expect(await screen.findByText('用户名或密码错误')).toBeTruthy();
  });

  it('sends an account with a pending password change to the change page', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        json(200, {
          id: 1,
          username: 'admin',
          name: '系统管理员',
          orgId: 1,
          mustChangePassword: true,
          assignments: [],
          permissions: [],
          via: 'session',
          pendingStep: 'password_change',
          secondFactor: { enabled: false, required: true },
        }),
      ),
    );
    renderLogin();
    fill('admin', 'Initial#2026');
    expect(await screen.findByText('修改初始密码页')).toBeTruthy();
  });

  it('sends an account that must enrol a second factor to the enrolment page', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => json(200, me({ pendingStep: 'second_factor_enrolment' }))),
    );
    renderLogin();
    fill('admin', 'Strong#Pass2026');
    expect(await screen.findByText('绑定页')).toBeTruthy();
  });

  it('asks an account with a second factor for its code, then lets it in', async () => {
    const fetchMock = vi.fn(async (request: Request) =>
      pathOf(request) === '/api/auth/login'
        ? json(200, me({ pendingStep: 'second_factor', secondFactor: { enabled: true, required: true } }))
        : json(200, me({ pendingStep: null, secondFactor: { enabled: true, required: true } })),
    );
    vi.stubGlobal('fetch', fetchMock);
    renderLogin();
    fill('admin', 'Strong#Pass2026');
    fireEvent.change(await screen.findByLabelText('验证码'), { target: { value: '123456' } });
    fireEvent.click(screen.getByRole('button', { name: '验证' }));
    expect(await screen.findByText('首页')).toBeTruthy();
    expect(fetchMock.mock.calls.map(([request]) => pathOf(request))).toEqual([
      '/api/auth/login',
      '/api/auth/login/second-factor',
    ]);
    expect(await fetchMock.mock.calls[1]?.[0].json()).toEqual({ code: '123456' });
  });

  it('shows the server’s message for a wrong code and stays on the code step', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (request: Request) =>
        pathOf(request) === '/api/auth/login'
          ? json(200, me({ pendingStep: 'second_factor' }))
          : json(422, {
              error: {
                code: 'rule_violation',
                message: '验证码不正确',
                details: { reason: 'invalid_second_factor' },
              },
            }),
      ),
    );
    renderLogin();
    fill('admin', 'Strong#Pass2026');
    fireEvent.change(await screen.findByLabelText('验证码'), { target: { value: '654321' } });
    fireEvent.click(screen.getByRole('button', { name: '验证' }));
    expect(await screen.findByText('验证码不正确')).toBeTruthy();
    expect(screen.getByRole('button', { name: '验证' })).toBeTruthy();
  });
});

function me(extra: Record<string, unknown>) {
  return {
    id: 1,
    username: 'admin',
    name: '系统管理员',
    orgId: 1,
    mustChangePassword: false,
    assignments: [],
    permissions: [],
    via: 'session',
    pendingStep: null,
    secondFactor: { enabled: false, required: true },
    ...extra,
  };
}

import { QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import type { MeView } from '../../contracts/auth.ts';
import { permissionsOf, type Role } from '../../domain/access/index.ts';
import { meKey } from '../api/auth.ts';
import { createQueryClient } from '../api/query-client.ts';
import { AppLayout } from './AppLayout.tsx';

function renderAs(role: Role) {
  const me: MeView = {
    id: 1,
    username: 'demo',
    name: '演示用户',
    orgId: 1,
    mustChangePassword: false,
    assignments: [{ id: 1, role, orgId: 1, orgName: '示例市委', orgPath: '1', endsOn: null }],
    permissions: [...permissionsOf(role)],
    via: 'session',
    pendingStep: null,
    secondFactor: { enabled: false, required: false },
  };
  const queryClient = createQueryClient();
  queryClient.setQueryData(meKey, me);
  const router = createMemoryRouter([
    {
      path: '/',
      element: <AppLayout />,
      children: [
        { index: true, element: <p>首页</p> },
        { path: 'workbench', element: <p>工作台页面</p> },
      ],
    },
  ]);
  render(
    <AntApp>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </AntApp>,
  );
}

const menuLabels = () => screen.getAllByRole('menuitem').map((item) => item.textContent);

describe('AppLayout', () => {
  it('shows the audit administrator only 审计日志', () => {
    renderAs('audit_admin');
    expect(menuLabels()).toEqual(['系统管理', '审计日志']);
  });

  it('shows an org administrator the business pages and 用户与权限, never 参数配置 or 审计日志', () => {
    renderAs('org_admin');
    expect(menuLabels()).toEqual([
      '工作台',
      '组织管理',
      '党员管理',
      '党员名册',
      '待审批决定',
      '自行脱党情形',
      '组织关系转接',
      '增减台账',
      '导入记录',
      '组织生活',
      '会议',
      '组织生活达标',
      '民主评议',
      '谈心谈话',
      '党费管理',
      '党费收缴',
      '收缴统计',
      '减免审批',
      '党费基数',
      '系统管理',
      '用户与权限',
    ]);
  });

  it('offers a 党员 their own record and 个人设置, and names the user top right', () => {
    renderAs('member');
    expect(menuLabels()).toEqual(['我的党员档案', '个人设置']);
    expect(screen.getByRole('button', { name: '用户菜单' }).textContent).toContain('演示用户');
  });

  describe('on a phone (under 768 px)', () => {
    const desktopWidth = window.innerWidth;
    afterEach(() => {
      window.innerWidth = desktopWidth;
    });

    it('hides the side menu in a drawer that the header opens', async () => {
      window.innerWidth = 390;
      renderAs('org_admin');
      expect(screen.queryByRole('menu', { name: '主菜单' })).toBeNull();
      expect(screen.queryByRole('button', { name: '收起菜单' })).toBeNull();
      fireEvent.click(screen.getByRole('button', { name: '打开菜单' }));
      expect(await screen.findByRole('menu', { name: '主菜单' })).toBeTruthy();
      expect(menuLabels()).toContain('党员名册');
      fireEvent.click(screen.getByRole('menuitem', { name: /工作台/ }));
      expect(await screen.findByText('工作台页面')).toBeTruthy();
    });
  });
});

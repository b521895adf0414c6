import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath } from './browser.ts';
import { ColumnSettings } from './pages/column-settings.ts';
import { useBrowserSession } from './session.ts';

/**
 * 列设置 on the wide lists besides the roster and the audit log (docs/design.md §4.3): on 用户与权限, 组织关系转接
 * and the 增减台账's 明细, a column hidden stays hidden after a reload (remembered in this browser) and comes back
 * when ticked again; the key column stays.
 */
const PAGES = [
  { page: '用户与权限', url: '/system/users', kept: '用户名', hidden: '最近登录' },
  { page: '组织关系转接', url: '/member-transfers', kept: '党员', hidden: '办结日期' },
  { page: '增减台账', url: '/member-ledger', kept: '姓名', hidden: '介绍信编号' },
] as const;

describe.skipIf(!chromiumPath)(
  '列设置 on the users, transfers and ledger lists; a link into 用户与权限',
  () => {
    const session = useBrowserSession({ login: { username: 'street_org', password: 'Jiceng@2026' } });
    let page: Page;
    beforeAll(() => {
      page = session.page;
    });

    // The table re-renders after the preference is saved: on a loaded machine that takes longer than poll's 1 s.
    const POLL = { timeout: 10_000 };

    it.each(PAGES)('$page: hides $hidden, remembers it after a reload, and shows it again', async (p) => {
      await page.goto(p.url);
      const settings = ColumnSettings.of(page, p.kept);
      expect(await settings.headers()).toContain(p.hidden);
      await settings.toggle(p.hidden);
      await expect.poll(() => settings.headers(), POLL).not.toContain(p.hidden);
      expect(await settings.headers()).toContain(p.kept);
      await page.reload();
      await expect.poll(() => settings.headers(), POLL).not.toContain(p.hidden);
      await settings.toggle(p.hidden);
      await expect.poll(() => settings.headers(), POLL).toContain(p.hidden);
    });

    it('opens 用户与权限 filtered by the name a link gives (the 待办 about a departed member’s account)', async () => {
      await page.goto(`/system/users?q=${encodeURIComponent('street_org')}`);
      await expect.poll(() => page.getByLabel('用户名或姓名').inputValue()).toBe('street_org');
      await page
        .getByRole('listitem')
        .filter({ hasText: /^共 1 个账号$/ })
        .waitFor();
      expect(await page.getByRole('cell', { name: 'street_org', exact: true }).count()).toBe(1);
    });

    it('leaves the key columns out of the choice', async () => {
      await page.goto('/system/users');
      await ColumnSettings.of(page, '用户名').headers();
      await page.getByRole('button', { name: /^列设置/ }).click();
      await page.getByRole('checkbox', { name: '最近登录', exact: true }).waitFor();
      expect(await page.getByRole('checkbox', { name: '用户名', exact: true }).count()).toBe(0);
      expect(await page.getByRole('checkbox', { name: '操作', exact: true }).count()).toBe(0);
      await page.keyboard.press('Escape');
      expect(session.pageErrors).toEqual([]);
    });
  },
);

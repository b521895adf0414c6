import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, launchBrowser, screenshotDir } from './browser.ts';
import { enrolOnPage } from './second-factor.ts';
import { startServer } from './server.ts';

/**
 * The first hour of a deployment, in a real browser against the real server: the administrator logs in
 * with the generated password, must change it and enrol a second factor, builds a street and a community,
 * creates a secretary for the community; the secretary logs in and sees that subtree and nothing else.
 */
describe.skipIf(!chromiumPath)(
  'first administrator → a community secretary who sees only the community',
  () => {
    let server: Awaited<ReturnType<typeof startServer>>;
    let browser: Browser;
    let page: Page;
    const shots = screenshotDir();
    const consoleErrors: string[] = [];

    beforeAll(async () => {
      server = await startServer();
      browser = await launchBrowser();
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
      page = await context.newPage();
      page.setDefaultTimeout(20_000);
      page.on('pageerror', (e) => consoleErrors.push(e.message));
    });
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    const shot = (name: string) => page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
    afterEach(async (ctx) => {
      // A failing step leaves a picture of the page behind, and says where.
      if (ctx.task.result?.state === 'fail') {
        await shot(`failed-${ctx.task.name}`);
        console.error(`浏览器测试失败，截图在 ${shots}`);
      }
    });
    const drawer = () => page.getByRole('dialog').last();

    async function login(username: string, password: string) {
      await page.goto(`${server.url}/login`);
      await page.getByLabel('用户名').fill(username);
      await page.getByLabel('密码', { exact: true }).fill(password);
      await page.getByRole('button', { name: '登录' }).click();
    }

    async function changeInitialPassword(current: string, next: string) {
      await page.getByText('修改初始密码').first().waitFor();
      await page.getByLabel('当前密码').fill(current);
      await page.getByLabel('新密码', { exact: true }).fill(next);
      await page.getByLabel('确认新密码').fill(next);
      await page.getByRole('button', { name: '修改密码并进入系统' }).click();
      // An administrator enrols a second factor next (等保第三级); a secretary goes straight in.
      await page.waitForURL(/workbench|second-factor\/enrol/);
    }

    async function pickOrg(combobox: string, name: string) {
      await drawer().getByRole('combobox', { name: combobox }).click();
      await page.keyboard.type(name);
      await page
        .locator('.ant-select-dropdown:visible .ant-select-item-option')
        .filter({ hasText: name })
        .first()
        .click();
    }

    async function openOrg(name: string) {
      await page.getByRole('combobox', { name: '搜索组织' }).fill(name);
      await page.locator('.ant-select-item-option').filter({ hasText: name }).first().click();
      await page.getByRole('heading', { name }).waitFor();
    }

    async function createChildOrg(name: string, kind: string, sector: string) {
      await page.getByRole('button', { name: '新建下级组织' }).click();
      await drawer().getByLabel('组织名称').fill(name);
      await drawer().getByLabel('组织类别').click();
      await page
        .locator('.ant-select-dropdown:visible .ant-select-item-option')
        .filter({ hasText: kind })
        .first()
        .click();
      await drawer().getByLabel('单位类型').click();
      await page
        .locator('.ant-select-dropdown:visible .ant-select-item-option')
        .filter({ hasText: sector })
        .first()
        .click();
      await drawer().getByLabel('成立日期').click();
      await page.keyboard.type('2026-01-05');
      await page.keyboard.press('Enter');
      await drawer().getByLabel('批准文号').fill('测组字〔2026〕1号');
      await drawer().getByRole('button', { name: '创建' }).click();
      await page.getByRole('heading', { name }).waitFor();
    }

    it('makes the administrator change the generated password at first login', async () => {
      const generated = server.report.generatedAdminPassword as string;
      expect(generated).toBeTruthy();
      await login('admin', generated);
      await changeInitialPassword(generated, 'Strong#Pass2026');
      await enrolOnPage(page);
      await page.getByRole('button', { name: '我已保存恢复码，进入系统' }).click();
      await page.waitForURL(/workbench/);
      await shot('01-workbench');
    });

    it('lets the administrator create a street under the root and a community under the street', async () => {
      await page.getByRole('menuitem', { name: '组织管理' }).click();
      await openOrg('测试市委');
      await createChildOrg('滨江街道党工委', '党工委', '社区');
      await createChildOrg('望江社区党委', '基层党委', '社区');
      await expect(page.getByRole('tree', { name: '组织树' }).getByText('望江社区党委')).toBeTruthy();
      await shot('02-community-created');
    });

    it('lets the administrator create a secretary scoped to the community', async () => {
      await page.getByRole('menuitem', { name: '用户与权限' }).click();
      await page.getByRole('button', { name: '新建用户' }).click();
      await drawer().getByLabel('用户名').fill('wj_secretary');
      await drawer().getByLabel('姓名').fill('王望江');
      await pickOrg('所属组织', '望江社区党委');
      await drawer().getByLabel('初始密码').fill('Init#Pass2026');
      await drawer().getByRole('button', { name: '添加角色' }).click();
      await drawer().getByRole('combobox', { name: '角色', exact: true }).click();
      await page
        .locator('.ant-select-dropdown:visible .ant-select-item-option')
        .filter({ hasText: '书记' })
        .first()
        .click();
      await pickOrg('角色所在组织', '望江社区党委');
      await drawer().getByRole('button', { name: '创建' }).click();
      await page.getByRole('cell', { name: 'wj_secretary', exact: true }).waitFor();
      await shot('03-secretary-created');
    });

    it('shows the secretary the community subtree and nothing above or beside it', async () => {
      await page.getByRole('button', { name: '用户菜单' }).click();
      await page.getByRole('menuitem', { name: '退出登录' }).click();
      await page.getByRole('button', { name: '登录' }).waitFor();

      await login('wj_secretary', 'Init#Pass2026');
      await changeInitialPassword('Init#Pass2026', 'Wangjiang#2026');
      await page.waitForURL(/workbench/);
      const menu = await page.getByRole('menu').first().textContent();
      expect(menu).toContain('组织管理');
      expect(menu).not.toContain('用户与权限');
      expect(menu).not.toContain('审计日志');

      await page.getByRole('menuitem', { name: '组织管理' }).click();
      const tree = page.getByRole('tree', { name: '组织树' });
      await tree.getByText('望江社区党委').waitFor();
      expect(await tree.getByText('测试市委').count()).toBe(0);
      expect(await tree.getByText('滨江街道党工委').count()).toBe(0);

      await page.getByRole('combobox', { name: '搜索组织' }).fill('测试市委');
      await page.getByText('未找到匹配的组织').or(page.locator('.ant-select-item-empty')).first().waitFor();
      expect(await page.locator('.ant-select-item-option').filter({ hasText: '测试市委' }).count()).toBe(0);

      const roots = await page.evaluate(async () => (await fetch('/api/orgs/roots')).json());
      expect(roots.map((o: { name: string }) => o.name)).toEqual(['望江社区党委']);
      const rootId = await page.evaluate(async () => {
        const res = await fetch('/api/orgs?q=%E6%BB%A8%E6%B1%9F');
        return (await res.json()).total;
      });
      expect(rootId).toBe(0);
      await shot('04-secretary-tree');
      expect(consoleErrors).toEqual([]);
    });
  },
);

import { rmSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, launchBrowser, screenshotDir } from './browser.ts';
import { LoginPage } from './pages/login.ts';
import { OrgsPage } from './pages/orgs.ts';
import { EnrolmentPage } from './pages/second-factor.ts';
import { AppShell } from './pages/shell.ts';
import { UsersPage } from './pages/users.ts';
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
    let failed = false;
    afterAll(async () => {
      await browser?.close();
      await server?.close();
      if (!failed) rmSync(shots, { recursive: true, force: true });
    });

    const shot = (name: string) => page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
    afterEach(async (ctx) => {
      // A failing step leaves a picture of the page behind, and says where.
      if (ctx.task.result?.state === 'fail') {
        failed = true;
        await shot(`failed-${ctx.task.name}`);
        console.error(`浏览器测试失败，截图在 ${shots}`);
      }
    });
    const login = () => new LoginPage(page);
    const shell = () => new AppShell(page);
    const orgs = () => new OrgsPage(page);

    /** 修改初始密码; an administrator enrols a second factor next (等保第三级), a secretary goes straight in. */
    async function changeInitialPassword(current: string, next: string) {
      await login().changeInitialPassword(current, next);
      await page.waitForURL(/workbench|second-factor\/enrol/);
    }

    const childOrg = (name: string, kind: string) => ({
      name,
      kind,
      sector: '社区',
      establishedOn: '2026-01-05',
      approvalNo: '测组字〔2026〕1号',
    });

    it('makes the administrator change the generated password at first login', async () => {
      const generated = server.report.generatedAdminPassword as string;
      expect(generated).toBeTruthy();
      await login().signIn('admin', generated, server.url);
      await changeInitialPassword(generated, 'Strong#Pass2026');
      const enrolment = new EnrolmentPage(page);
      await enrolment.enrol();
      await enrolment.enterSystem();
      await page.waitForURL(/workbench/);
      await shot('01-workbench');
    });

    it('lets the administrator create a street under the root and a community under the street', async () => {
      await shell().open('组织管理');
      await orgs().openOrg('测试市委');
      await orgs().createChildOrg(childOrg('滨江街道党工委', '党工委'));
      await orgs().createChildOrg(childOrg('望江社区党委', '基层党委'));
      await orgs().tree.tree.getByText('望江社区党委').waitFor();
      await shot('02-community-created');
    });

    it('lets the administrator create a secretary scoped to the community', async () => {
      await shell().open('用户与权限');
      await new UsersPage(page).createUser({
        username: 'wj_secretary',
        name: '王望江',
        org: '望江社区党委',
        initialPassword: 'Init#Pass2026',
        role: /^书记$/,
        roleOrg: '望江社区党委',
      });
      await shot('03-secretary-created');
    });

    it('shows the secretary the community subtree and nothing above or beside it', async () => {
      await shell().logOut();
      await login().shown();

      await login().signIn('wj_secretary', 'Init#Pass2026', server.url);
      await changeInitialPassword('Init#Pass2026', 'Wangjiang#2026');
      await page.waitForURL(/workbench/);
      const menu = await shell().menuText();
      expect(menu).toContain('组织管理');
      expect(menu).not.toContain('用户与权限');
      expect(menu).not.toContain('审计日志');

      await shell().open('组织管理');
      const tree = orgs().tree.tree;
      await tree.getByText('望江社区党委').waitFor();
      expect(await tree.getByText('测试市委').count()).toBe(0);
      expect(await tree.getByText('滨江街道党工委').count()).toBe(0);

      const hits = await orgs().searchAnswer('测试市委');
      expect(hits.filter((h) => h.includes('测试市委'))).toEqual([]);

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

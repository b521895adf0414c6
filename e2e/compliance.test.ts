import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { lastClosedQuarter } from '../src/server/seed/demo-meeting-plan.ts';
import { COMMUNITY_NAMES, DISTRICT_NAMES, STREET_NAMES } from '../src/server/seed/demo-names.ts';
import { chromiumPath } from './browser.ts';
import { ComplianceDashboard } from './pages/compliance.ts';
import { Printing } from './pages/printing.ts';
import { AppShell } from './pages/shell.ts';
import { TODAY, useBrowserSession } from './session.ts';

/**
 * The demo city's first street, community and branch: the branch of the demo secretary, whose 支部党员大会 of the
 * last quarter over was never held (src/server/seed/demo-meeting-plan.ts).
 */
const STREET = `${DISTRICT_NAMES[0]}${STREET_NAMES[0]}党工委`;
const COMMUNITY = `${COMMUNITY_NAMES[0]}社区党委`;
const BRANCH = `${COMMUNITY_NAMES[0]}社区第一党支部`;
const GAP = lastClosedQuarter(TODAY);
const QUARTER = `第${'一二三四'[GAP.quarter - 1]}季度`;

/**
 * 组织生活达标 in a real browser on the demo city: the street's org administrator opens the dashboard from the
 * menu, picks last quarter, reads the heat map, and drills down through the community to the branch, whose
 * findings name the missing 支部党员大会 with the link that plans it; then prints the branch's 会议记录本.
 */
describe.skipIf(!chromiumPath)(
  'compliance dashboard: menu → quarter → drill down → the missing meeting',
  () => {
    const session = useBrowserSession({ login: { username: 'street_org', password: 'Jiceng@2026' } });
    const { shot, pageErrors } = session;
    let page: Page;
    let dashboard: ComplianceDashboard;
    beforeAll(() => {
      page = session.page;
      dashboard = new ComplianceDashboard(page);
    });

    it('opens from the menu on the administrator’s own street', async () => {
      await page.goto('/workbench');
      await new AppShell(page).open('组织生活达标');
      await page.waitForURL(/\/org-life\/compliance/);
      await page.getByRole('heading', { name: '组织生活达标' }).waitFor();
      await dashboard.heatmap.waitFor();
      expect(await dashboard.shownOrg()).toContain(STREET);
      await shot('01-street');
    });

    it('shows last quarter’s figures, and a heat map whose every cell says its org, month and rate', async () => {
      await dashboard.chooseQuarter(GAP.year, QUARTER);
      await page.waitForURL(new RegExp(`period=${GAP.year}-Q${GAP.quarter}`));
      const label = `${GAP.year}年第${'一二三四'[GAP.quarter - 1]}季度`;
      await dashboard.heading(STREET, label).waitFor();
      const row = dashboard.children.getByRole('row').filter({ hasText: COMMUNITY });
      await row.waitFor();
      // The community holding the branch without its 党员大会 has at least one requirement missed.
      const cells = await row.getByRole('cell').allTextContents();
      expect(Number(cells[3])).toBeGreaterThan(0);
      const monthCells = dashboard.cellsOf(COMMUNITY);
      expect(await monthCells.count()).toBe(12);
      expect(await monthCells.first().getAttribute('aria-label')).toMatch(/达标率 \d+%|尚无到期的考核要求/);
      await shot('02-quarter');
    });

    it('drills down through the community to the branch, whose findings name the missing 支部党员大会', async () => {
      await dashboard.open(COMMUNITY);
      await dashboard.heading(COMMUNITY, `${GAP.year}年${QUARTER}`).waitFor();
      await dashboard.open(BRANCH);
      await dashboard.heading(BRANCH, `${GAP.year}年${QUARTER}`).waitFor();
      const missing = dashboard.finding(`${GAP.year}年${QUARTER}支部党员大会未达要求`);
      await missing.waitFor();
      const plan = missing.getByRole('link', { name: /^安排会议/ });
      expect(await plan.getAttribute('href')).toMatch(/^\/meetings\/new\?orgId=\d+&kind=general_meeting$/);
      // The breadcrumb leads back up.
      await page.getByRole('link', { name: STREET }).waitFor();
      await shot('03-branch');
    });

    it('prints the branch’s 会议记录本 of the year', async () => {
      await page.getByRole('link', { name: `打印${GAP.year}年会议记录本` }).click();
      await page.waitForURL(/\/meetings\/register\/print\?orgId=\d+&year=\d{4}/);
      const book = page.getByRole('article', { name: '打印会议记录本' });
      await book.getByText(`${BRANCH} ${GAP.year}年 会议记录本`).waitFor();
      expect(await book.getByRole('region').count()).toBeGreaterThan(5);
      await shot('04-register');
      // On paper: the book without the menu, the records with their attendance and minutes.
      const printing = new Printing(page);
      try {
        await printing.asPrinted();
        expect(await page.getByRole('menu', { name: '主菜单' }).isVisible()).toBe(false);
        const { read } = await printing.toPdf();
        const text = read.text.replace(/\s+/g, '');
        for (const expected of [
          `${BRANCH}${GAP.year}年会议记录本`,
          '应到/实到/请假/缺席',
          '会议记录',
          '主持人',
        ]) {
          expect(text, expected).toContain(expected);
        }
        expect(text).not.toContain('返回组织生活达标');
      } finally {
        await printing.onScreen();
      }
      expect(pageErrors).toEqual([]);
    });
  },
);

import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath } from './browser.ts';
import { DuesBasesPage, DuesSheetPage, MemberDuesTab } from './pages/dues.ts';
import { TODAY, useBrowserSession } from './session.ts';

const MONTH = TODAY.slice(0, 7);

type Finding = { finding: { kind: string; subject: { type: string; id: number; name: string } | null } };

/**
 * 党费 in a real browser on the demo city, as the demo branch's secretary: a base set on the branch's sheet gives
 * the month's charge on the collection sheet; the member three months behind (the demo seeds one in this branch,
 * src/server/seed/demo-dues.ts) shows on the 工作台, pays everything owed from their page, and the warning goes.
 */
describe.skipIf(!chromiumPath)(
  'dues: set a base → the charge appears → record payments → arrears warning clears',
  () => {
    const session = useBrowserSession({ login: { username: 'branch_sec', password: 'Jiceng@2026' } });
    const { shot, pageErrors } = session;
    let page: Page;
    let member = '';
    let dues = '';
    let behind: { id: number; name: string };

    const arrearsFindings = async () => {
      const res = await session.context.request.get('/api/findings?kind=dues_arrears&pageSize=100');
      expect(res.ok(), await res.text()).toBe(true);
      return ((await res.json()) as { items: Finding[] }).items;
    };

    beforeAll(async () => {
      page = session.page;
      const [first] = await arrearsFindings();
      expect(first?.finding.subject?.type).toBe('member');
      behind = first?.finding.subject as { id: number; name: string };
    });

    it('sets a member’s pay on the branch’s sheet of bases, the dues computed as it is typed', async () => {
      await page.goto(`/dues/bases?month=${MONTH}`);
      const bases = new DuesBasesPage(page);
      member = await bases.firstPaidMember();
      // 12,000.00 元 of counted pay less whatever tax the row holds: a base in the 1.5% or 2% bracket.
      const live = await bases.setFirstItem(member, '12000');
      const m = /月缴党费 ([\d,.]+) 元/.exec(live);
      expect(m, live).not.toBeNull();
      dues = m?.[1] as string;
      await bases.closeDrawer();
      await bases.save();
      await shot('01-bases');
    });

    it('shows the new amount as the month’s 应缴 on the collection sheet', async () => {
      await page.goto(`/dues/sheet?month=${MONTH}`);
      const sheet = new DuesSheetPage(page);
      await sheet.sheet.waitFor();
      expect((await sheet.cellsOf(member)).join(' ')).toContain(dues);
      await shot('02-sheet');
    });

    it('warns on the 工作台 of the member three months behind', async () => {
      await page.goto('/workbench');
      await page
        .getByText(new RegExp(`${behind.name}.*欠缴`))
        .first()
        .waitFor();
      await shot('03-workbench');
    });

    it('records everything owed from the member’s page, and the warning clears', async () => {
      await page.goto(`/members/${behind.id}`);
      const tab = new MemberDuesTab(page);
      await tab.open();
      await tab.arrearsAlert().first().waitFor();
      const done = await tab.payEverythingOwed();
      expect(done).toMatch(/已登记[3-9]个月的党费/);
      await tab.arrearsAlert().first().waitFor({ state: 'detached' });
      expect((await arrearsFindings()).some((f) => f.finding.subject?.id === behind.id)).toBe(false);
      await page.goto('/workbench');
      await page
        .getByRole('heading', { name: /工作台/ })
        .first()
        .waitFor();
      expect(await page.getByText(new RegExp(`${behind.name}.*欠缴`)).count()).toBe(0);
      await shot('04-cleared');
      expect(pageErrors).toEqual([]);
    });
  },
);

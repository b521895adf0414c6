import path from 'node:path';
import ExcelJS from 'exceljs';
import type { APIRequestContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateIdNumber } from '../src/domain/people/index.ts';
import { chromiumPath } from './browser.ts';
import { MembersPage } from './pages/members.ts';
import { useBrowserSession } from './session.ts';

const NAMES = ['批调甲', '批调乙', '批调丙'];

async function call<T>(
  request: APIRequestContext,
  method: 'get' | 'post',
  url: string,
  data?: unknown,
): Promise<T> {
  const res = method === 'get' ? await request.get(url) : await request.post(url, { data });
  if (!res.ok()) throw new Error(`${url} → ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

type Org = { id: number; parentId: number | null; name: string };

/**
 * 批量操作 end to end: the street's org_admin ticks two members of a branch on the roster and moves them into a
 * 党小组 of it (the roster shows the group at once), then selects everything the search matches and exports it:
 * the workbook holds exactly those members.
 */
describe.skipIf(!chromiumPath)('roster batch: tick, move to a group, select all by filter, export', () => {
  let group: Org;
  const session = useBrowserSession({
    login: { username: 'street_org', password: 'Jiceng@2026' },
    prepare: async (request) => {
      const groups = await call<{ items: Org[] }>(request, 'get', '/api/orgs?kind=group&pageSize=1');
      group = groups.items[0] as Org;
      if (!group?.parentId) throw new Error('no 党小组 in the street');
      for (const [i, name] of NAMES.entries()) {
        await call(request, 'post', '/api/members', {
          person: {
            name,
            idNumber: generateIdNumber({
              provinceAndCounty: '110105',
              birthDate: '1988-05-20',
              sequence: 611 + 2 * i,
            }),
            ethnicity: '01',
            education: '21',
            workPost: '0212',
          },
          orgId: group.parentId,
          category: 'employed',
          status: 'full',
          admittedOn: '2012-07-01',
          confirmedOn: '2013-07-01',
        });
      }
    },
  });
  const { pageErrors } = session;
  let page: Page;
  let roster: MembersPage;
  beforeAll(() => {
    page = session.page;
    roster = new MembersPage(page);
  });

  it('moves two ticked members into a group of their branch, and the roster shows it', async () => {
    await page.goto('/members');
    await roster.search('批调');
    await roster.waitForTotal(3);
    await roster.memberLink('批调丙').waitFor();
    await roster.tick('批调甲');
    await roster.tick('批调乙');
    await expect.poll(() => roster.batchBar().textContent()).toContain('已选择 2 名党员');
    await roster.moveSelectedTo(group.name);
    await expect.poll(() => roster.row('批调甲').textContent()).toContain(group.name);
    expect(await roster.row('批调乙').textContent()).toContain(group.name);
    expect(await roster.row('批调丙').textContent()).not.toContain(group.name);
    // The batch is done: the selection is gone.
    await roster.batchBar().waitFor({ state: 'hidden' });
  });

  it('selects everything the search matches and exports exactly those members', async () => {
    await roster.tick('批调丙');
    await roster.selectAllByFilter();
    await expect.poll(() => roster.batchBar().textContent()).toContain('全部 3 名党员');
    const download = await roster.exportSelected();
    const file = path.join(session.files, 'selected.xlsx');
    await download.saveAs(file);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.worksheets[0];
    const header = ((sheet?.getRow(1).values ?? []) as string[]).slice(1);
    const column = header.indexOf('姓名') + 1;
    expect(column).toBeGreaterThan(0);
    const names: string[] = [];
    sheet?.eachRow((row, n) => {
      if (n > 1) names.push(String(row.getCell(column).value ?? ''));
    });
    expect(names.sort()).toEqual([...NAMES].sort());
    expect(pageErrors).toEqual([]);
  });
});

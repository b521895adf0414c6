import path from 'node:path';
import ExcelJS from 'exceljs';
import type { APIRequestContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateIdNumber } from '../src/domain/people/index.ts';
import { chromiumPath } from './browser.ts';
import { LedgerPage } from './pages/ledger.ts';
import { AppShell } from './pages/shell.ts';
import { TODAY, useBrowserSession } from './session.ts';

/** TODAY is the server's day, so that “本年” means the same on both sides. */
const YEAR = TODAY.slice(0, 4);
const BRANCH = '柯岸测试党支部';
const EXTERNAL_ORG = '外省柯桥县委组织部';
const LETTER_NO = `柯转〔${YEAR}〕7号`;

/** POSTs as the signed-in user of the browser context and answers the JSON, failing loudly on an error. */
async function post<T>(request: APIRequestContext, url: string, data: unknown): Promise<T> {
  const res = await request.post(url, { data });
  if (!res.ok()) throw new Error(`${url} → ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

async function get<T>(request: APIRequestContext, url: string): Promise<T> {
  const res = await request.get(url);
  if (!res.ok()) throw new Error(`${url} → ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

type Member = { id: number; version: number };

/**
 * A branch of its own under a demo community, so that its 台账 holds exactly what this test records: three
 * members on the roll before this year; this year one new probationary member (发展党员), one death (死亡) and
 * one transfer out of the deployment (转出). 本年: 期初 3 + 增加 1 − 减少 2 = 期末 2.
 */
async function recordHistory(request: APIRequestContext): Promise<number> {
  const communities = await get<{ items: { id: number }[] }>(request, '/api/orgs?kind=committee&pageSize=1');
  const community = communities.items[0];
  if (!community) throw new Error('the demo street has no community');
  const parent = await get<{ establishedOn: string }>(request, `/api/orgs/${community.id}`);
  const branch = await post<{ id: number }>(request, '/api/orgs', {
    parentId: community.id,
    name: BRANCH,
    kind: 'branch',
    sector: 'community',
    establishedOn: parent.establishedOn,
  });
  const member = (name: string, birthDate: string, sequence: number, standing: Record<string, unknown>) =>
    post<Member>(request, '/api/members', {
      person: {
        name,
        idNumber: generateIdNumber({ provinceAndCounty: '110105', birthDate, sequence }),
        ethnicity: '01',
        education: '21',
        workPost: '0212',
      },
      orgId: branch.id,
      category: 'employed',
      ...standing,
    });
  const full = (admittedOn: string) => ({
    status: 'full',
    admittedOn,
    confirmedOn: `${Number(admittedOn.slice(0, 4)) + 1}${admittedOn.slice(4)}`,
  });

  await member('柯守静', '1970-02-11', 501, full('2008-07-01'));
  const deceased = await member('柯故明', '1948-05-20', 503, full('2010-07-01'));
  const leaving = await member('柯远航', '1988-09-03', 505, full('2012-07-01'));
  await member('柯新蕾', '1996-12-08', 502, { status: 'probationary', admittedOn: TODAY, confirmedOn: null });
  await post(request, `/api/members/${deceased.id}/events`, {
    version: deceased.version,
    kind: 'record_death',
    effectiveOn: TODAY,
    reason: '因病去世',
  });
  await post(request, '/api/transfers', {
    memberId: leaving.id,
    externalOrgName: EXTERNAL_ORG,
    letterNo: LETTER_NO,
    issuedOn: TODAY,
    reason: '工作调动',
  });
  return branch.id;
}

/** One column of the 明细 sheet (found by its header), as exceljs reads the workbook back. */
async function detailColumn(file: string, header: string): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.getWorksheet('明细');
  if (!sheet) throw new Error(`no 明细 sheet: ${workbook.worksheets.map((s) => s.name).join(', ')}`);
  let column = 0;
  sheet.getRow(1).eachCell((cell, col) => {
    if (cell.text === header) column = col;
  });
  if (!column) throw new Error(`明细 has no column ${header}`);
  const values: string[] = [];
  sheet.eachRow((row, n) => {
    if (n > 1) values.push(row.getCell(column).text);
  });
  return values;
}

/**
 * 党员增减台账 in a real browser against the real server with the demo city: an org administrator whose branch
 * has a scripted history opens the page from the menu, picks the branch and the period, reads the summary and
 * the entries, reloads the shared URL, and exports the workbook.
 */
describe.skipIf(!chromiumPath)(
  'membership ledger: menu → org and period → summary and entries → Excel',
  () => {
    let branchId: number;
    // The API calls share the browser's cookies: the history is recorded by the administrator who then reads it.
    const session = useBrowserSession({
      login: { username: 'street_org', password: 'Jiceng@2026' },
      prepare: async (request) => {
        branchId = await recordHistory(request);
      },
    });
    const { shot, files, pageErrors } = session;
    let page: Page;
    beforeAll(() => {
      page = session.page;
    });

    const ledger = () => new LedgerPage(page);

    it('opens 增减台账 from the menu, on the administrator’s own street and this year', async () => {
      await page.goto('/workbench');
      await new AppShell(page).open('增减台账');
      await page.waitForURL(/\/member-ledger/);
      await page.getByRole('heading', { name: '党员增减台账' }).waitFor();
      await page.getByText('在册 = 预备党员、正式党员、失联党员').waitFor();
      await page.getByText(`${YEAR}-01-01 至 ${TODAY}（本年）`).filter({ visible: true }).first().waitFor();
      await page.getByText(/核对：期初 \d+ \+ 增加 \d+ − 减少 \d+ = 期末 \d+/).waitFor();
      expect(await ledger().shownOrg()).toMatch(/街道/);
      await shot('01-own-street');
    });

    it('shows a period without changes as such', async () => {
      await ledger().chooseOrg(BRANCH);
      await ledger().choosePeriod('上年');
      const lastYear = Number(YEAR) - 1;
      await page.getByText(`${lastYear}-01-01 至 ${lastYear}-12-31（上年）没有增减记录。`).waitFor();
      await page.getByText('核对：期初 3 + 增加 0 − 减少 0 = 期末 3').waitFor();
      expect(new URL(page.url()).searchParams.get('orgId')).toBe(String(branchId));
      await shot('02-last-year');
    });

    it('shows this year’s summary by kind and the entries behind it', async () => {
      await ledger().choosePeriod('本年');
      await page.getByText('核对：期初 3 + 增加 1 − 减少 2 = 期末 2').waitFor();
      // The lines of 党统 T1: 期初 | 发展党员 恢复党籍 转入 其他增加 增加合计 | 出党 停止党籍 死亡 转出 其他减少
      // 减少合计 | 期末 应有数 实有数
      expect(await ledger().summaryCells()).toEqual([
        '3',
        '1',
        '0',
        '0',
        '0',
        '1',
        '0',
        '0',
        '1',
        '1',
        '0',
        '2',
        '2',
        '2',
      ]);
      await page.getByText('核对：期初 3 + 增加 1 − 减少 2 = 期末 2（实有 2）').waitFor();
      expect(await ledger().leftCategories()).toContain('其中出党：退党 0，劝退 0');
      await ledger().entryTotal(3).waitFor();
      // 发生日期 | 计入日期 | 姓名 | 增减 | 类别 | 原所在组织 | 转入组织/去向 | 介绍信编号 | 原因
      const cells = (name: string) => ledger().entryCells(name);
      expect((await cells('柯新蕾')).slice(0, 6)).toEqual([
        TODAY,
        '同左',
        '柯新蕾',
        '增',
        '发展党员',
        BRANCH,
      ]);
      const died = await cells('柯故明');
      // 死亡 is a decrease of its own, not 出党 (党统 T1).
      expect(died.slice(0, 6)).toEqual([TODAY, '同左', '柯故明', '减', '死亡', BRANCH]);
      expect(died[8]).toBe('因病去世');
      expect(await cells('柯远航')).toEqual([
        TODAY,
        '同左',
        '柯远航',
        '减',
        '转出',
        BRANCH,
        EXTERNAL_ORG,
        LETTER_NO,
        '工作调动',
      ]);
      expect(await ledger().entries.getByRole('link', { name: '柯新蕾' }).getAttribute('href')).toMatch(
        /^\/members\/\d+$/,
      );
      await shot('03-this-year');
    });

    it('keeps the org and the period in the URL, so that a reload shows the same 台账', async () => {
      const url = new URL(page.url());
      expect(Object.fromEntries(url.searchParams)).toEqual({
        orgId: String(branchId),
        from: `${YEAR}-01-01`,
        to: TODAY,
      });
      await page.reload();
      await page.getByText('核对：期初 3 + 增加 1 − 减少 2 = 期末 2').waitFor();
      await ledger().entryTotal(3).waitFor();
      await expect(ledger().shownOrg()).resolves.toBe(BRANCH);
    });

    it('exports the 台账 to Excel with the entries by name in the 明细 sheet', async () => {
      const [download] = await Promise.all([page.waitForEvent('download'), ledger().exportButton().click()]);
      expect(download.suggestedFilename()).toMatch(/^党员增减台账.*\.xlsx$/);
      const file = path.join(files, 'ledger.xlsx');
      await download.saveAs(file);
      const names = await detailColumn(file, '姓名');
      expect(names.sort()).toEqual(['柯新蕾', '柯故明', '柯远航'].sort());
      await page.getByText('已导出增减台账').waitFor();
      await shot('04-exported');
    });

    it('answers an org outside the administrator’s scope as not found', async () => {
      await page.goto('/member-ledger?orgId=99999999');
      await page.getByText('党组织不存在或不在您的管辖范围内').waitFor();
      await expect(ledger().exportButton().isDisabled()).resolves.toBe(true);
      expect(pageErrors).toEqual([]);
    });
  },
);

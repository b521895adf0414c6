import type { APIRequestContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateIdNumber } from '../src/domain/people/index.ts';
import { chromiumPath } from './browser.ts';
import { LedgerPage } from './pages/ledger.ts';
import { LedgerPrintView, Printing, TransferLetterPage, TransfersPage } from './pages/printing.ts';
import { TODAY, useBrowserSession } from './session.ts';

const YEAR = TODAY.slice(0, 4);
const BRANCH = '印岸测试党支部';
const MEMBER = '印晓岚';
const ID_NUMBER = generateIdNumber({ provinceAndCounty: '110105', birthDate: '1991-04-18', sequence: 702 });
const EXTERNAL_ORG = '外省印溪县委组织部';
const LETTER_NO = `印转〔${YEAR}〕9号`;
const SECOND_MEMBER = '印东升';
const SECOND_ID_NUMBER = generateIdNumber({
  provinceAndCounty: '110105',
  birthDate: '1950-02-11',
  sequence: 713,
});

async function call<T>(request: APIRequestContext, method: 'get' | 'post', url: string, data?: unknown) {
  const res = method === 'get' ? await request.get(url) : await request.post(url, { data });
  if (!res.ok()) throw new Error(`${url} → ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

/**
 * A branch of its own under a demo community, one member in it, and a letter taking her out of the deployment; a
 * second member who died today: the branch's ledger has two entries this year.
 */
async function recordTransfer(request: APIRequestContext): Promise<{ memberId: number; branchId: number }> {
  const communities = await call<{ items: { id: number }[] }>(
    request,
    'get',
    '/api/orgs?kind=committee&pageSize=1',
  );
  const community = communities.items[0];
  if (!community) throw new Error('the demo street has no community');
  const parent = await call<{ establishedOn: string }>(request, 'get', `/api/orgs/${community.id}`);
  const branch = await call<{ id: number }>(request, 'post', '/api/orgs', {
    parentId: community.id,
    name: BRANCH,
    kind: 'branch',
    sector: 'community',
    establishedOn: parent.establishedOn,
  });
  const member = await call<{ id: number }>(request, 'post', '/api/members', {
    person: { name: MEMBER, idNumber: ID_NUMBER, ethnicity: '01', education: '21', workPost: '0212' },
    orgId: branch.id,
    category: 'employed',
    status: 'full',
    admittedOn: '2015-07-01',
    confirmedOn: '2016-07-01',
  });
  await call(request, 'post', '/api/transfers', {
    memberId: member.id,
    externalOrgName: EXTERNAL_ORG,
    letterNo: LETTER_NO,
    issuedOn: TODAY,
    reason: '工作调动',
  });
  const second = await call<{ id: number; version: number }>(request, 'post', '/api/members', {
    person: {
      name: SECOND_MEMBER,
      idNumber: SECOND_ID_NUMBER,
      ethnicity: '01',
      education: '21',
      workPost: '0212',
    },
    orgId: branch.id,
    category: 'retired',
    status: 'full',
    admittedOn: '1975-07-01',
    confirmedOn: '1976-07-01',
  });
  await call(request, 'post', `/api/members/${second.id}/events`, {
    version: second.version,
    kind: 'record_death',
    effectiveOn: TODAY,
  });
  return { memberId: member.id, branchId: branch.id };
}

/** The text as printed, without the spaces and line breaks the layout puts between runs. */
const squeeze = (s: string) => s.replace(/\s+/g, '');

/**
 * Printing in a real browser against the real server: an org administrator opens a transfer's 组织关系介绍信 from
 * the transfers list, types the 党费 month, and prints it to PDF; the PDF's own text holds the three parts with
 * the letter's particulars and none of the menu. The ledger and the member card print without the frame too.
 */
describe.skipIf(!chromiumPath)('printing: the transfer letter to PDF, the ledger and the member card', () => {
  let memberId = 0;
  let branchId = 0;
  const session = useBrowserSession({
    login: { username: 'street_org', password: 'Jiceng@2026' },
    prepare: async (request) => {
      ({ memberId, branchId } = await recordTransfer(request));
    },
  });
  const { shot, pageErrors } = session;
  let page: Page;
  beforeAll(() => {
    page = session.page;
  });

  it('opens the letter of a transfer from the list, in its three parts', async () => {
    await page.goto('/member-transfers');
    await new TransfersPage(page).openLetter(MEMBER);
    await page.waitForURL(/\/member-transfers\/\d+\/letter$/);
    const letter = new TransferLetterPage(page);
    await letter.letter.waitFor();
    for (const part of ['存根', '介绍信', '回执'] as const) {
      expect(await letter.part(part).textContent()).toContain(LETTER_NO);
    }
    const body = squeeze((await letter.part('介绍信').textContent()) ?? '');
    expect(body).toContain(`${EXTERNAL_ORG}：`);
    expect(body).toContain(`兹介绍${MEMBER}同志，女，`);
    expect(body).toContain('汉族，系中共正式党员');
    // An org administrator prints the ID number whole (docs/official-forms.md §11).
    expect(body).toContain(ID_NUMBER);
    expect(body).toContain(`由${BRANCH}转到你处`);
    await letter.setDuesMonth(`${YEAR}-11`);
    expect(squeeze((await letter.part('存根').textContent()) ?? '')).toContain(`党费交到${YEAR}年11月`);
    await shot('01-letter');
  });

  it('prints only the letter: no menu, no header, no buttons', async () => {
    const printing = new Printing(page);
    await printing.asPrinted();
    try {
      expect(await page.getByRole('menu', { name: '主菜单' }).isVisible()).toBe(false);
      expect(await page.getByRole('button', { name: '用户菜单' }).isVisible()).toBe(false);
      expect(await printing.printButton().isVisible()).toBe(false);
      expect(await page.getByLabel('党费交到').isVisible()).toBe(false);
      expect(await new TransferLetterPage(page).letter.isVisible()).toBe(true);
      await shot('02-letter-as-printed');
    } finally {
      await printing.onScreen();
    }
  });

  it('prints the letter to PDF on one A4 sheet, whose text holds the three parts and nothing of the frame', async () => {
    const { bytes, read } = await new Printing(page).toPdf();
    expect(bytes.length).toBeGreaterThan(10_000);
    expect(read.pages, read.text).toBe(1);
    const text = squeeze(read.text);
    for (const expected of [
      '中国共产党党员组织关系介绍信（存根）',
      '中国共产党党员组织关系介绍信回执',
      `编号：${LETTER_NO}`,
      `兹介绍${MEMBER}同志`,
      ID_NUMBER,
      BRANCH,
      EXTERNAL_ORG,
      `党费已交到${YEAR}年11月`,
      '（有效期',
      `${BRANCH}（盖章）`,
      '你处介绍的',
    ]) {
      expect(text, expected).toContain(expected);
    }
    // The letter number three times (one per part) and across each of the two cuts.
    expect(text.split(LETTER_NO).length - 1).toBe(5);
    for (const frame of ['工作台', '党员名册', '增减台账', '用户菜单', '打印', '返回组织关系转接']) {
      expect(text, frame).not.toContain(frame);
    }
  });

  it('prints the ledger with its title, org and period, without the menu or its controls', async () => {
    await page.goto('/member-ledger');
    await page.getByRole('heading', { name: '党员增减台账' }).waitFor();
    await page.getByRole('table', { name: '增减汇总' }).waitFor();
    const printing = new Printing(page);
    await printing.asPrinted();
    try {
      const heading = page.getByTestId('ledger-print-heading');
      expect(await heading.isVisible()).toBe(true);
      expect(await heading.textContent()).toMatch(
        new RegExp(`党组织：.*街道.*统计期间：${YEAR}-01-01 至 ${TODAY}`),
      );
      expect(await page.getByRole('menu', { name: '主菜单' }).isVisible()).toBe(false);
      expect(await page.getByRole('combobox', { name: '党组织' }).isVisible()).toBe(false);
      const { read } = await printing.toPdf();
      const text = squeeze(read.text);
      expect(text).toContain('党员增减台账');
      expect(text).toContain(`统计期间：${YEAR}-01-01至${TODAY}`);
      expect(text).not.toContain('工作台');
      expect(text).not.toContain('导出Excel');
      await shot('03-ledger-as-printed');
    } finally {
      await printing.onScreen();
    }
  });

  it('prints every entry of the period from the ledger’s 打印, not only the page on screen', async () => {
    // One entry a page on screen: the other of the two is beyond the first page.
    await page.goto(`/member-ledger?orgId=${branchId}&pageSize=1`);
    const ledger = new LedgerPage(page);
    await ledger.entryTotal(2).waitFor();
    const onScreen = (await ledger.entries.textContent()) ?? '';
    const [shown, beyond] = onScreen.includes(MEMBER) ? [MEMBER, SECOND_MEMBER] : [SECOND_MEMBER, MEMBER];
    expect(onScreen).toContain(shown);
    expect(onScreen).not.toContain(beyond);
    await new Printing(page).printButton().click();
    await page.waitForURL(/\/member-ledger\/print\?/);
    const view = new LedgerPrintView(page);
    await view.article.waitFor();
    expect(await view.entries.getByRole('row').filter({ hasText: beyond }).count()).toBe(1);
    const printing = new Printing(page);
    await printing.asPrinted();
    try {
      expect(await page.getByRole('menu', { name: '主菜单' }).isVisible()).toBe(false);
      const { read } = await printing.toPdf();
      const text = squeeze(read.text);
      for (const expected of [
        '党员增减台账',
        `党组织：${BRANCH}`,
        '明细（共2条）',
        shown,
        beyond,
        LETTER_NO,
      ]) {
        expect(text, expected).toContain(expected);
      }
      expect(text).not.toContain('返回增减台账');
      expect(text).not.toContain('工作台');
      await shot('03b-ledger-every-entry-as-printed');
    } finally {
      await printing.onScreen();
    }
  });

  it('prints a member information card from the member page, with names instead of codes', async () => {
    await page.goto(`/members/${memberId}`);
    await page.getByRole('link', { name: '打印信息卡' }).click();
    await page.waitForURL(new RegExp(`/members/${memberId}/card$`));
    const card = page.getByRole('article', { name: '党员信息卡' });
    await card.waitFor();
    const printing = new Printing(page);
    await printing.asPrinted();
    try {
      expect(await page.getByRole('menu', { name: '主菜单' }).isVisible()).toBe(false);
      const { read } = await printing.toPdf();
      expect(read.pages, read.text).toBe(1);
      const text = squeeze(read.text);
      for (const expected of [
        '党员信息卡',
        MEMBER,
        BRANCH,
        '民族汉族',
        '学历大学',
        '工作岗位事业单位专业技术岗位',
      ]) {
        expect(text, expected).toContain(expected);
      }
      expect(text).not.toContain('01汉族');
      expect(text).not.toContain('工作台');
      await shot('04-card-as-printed');
    } finally {
      await printing.onScreen();
    }
    expect(pageErrors).toEqual([]);
  });
});

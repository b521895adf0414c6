import type { APIRequestContext, APIResponse, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateIdNumber } from '../src/domain/people/index.ts';
import { chromiumPath } from './browser.ts';
import { AuditLogPage } from './pages/audit.ts';
import { PageFrame } from './pages/frame.ts';
import { MembersPage } from './pages/members.ts';
import { codeFor } from './second-factor.ts';
import { useBrowserSession } from './session.ts';

const PASSWORD = 'Jiceng@2026';
const NEW_MEMBER = '韦晓岚';
const DESKTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };

/** Every column of the roster, in order. */
const ROSTER_COLUMNS = [
  '姓名',
  '性别',
  '出生日期',
  '公民身份号码',
  '手机号',
  '所属组织',
  '党籍状态',
  '人员类别',
  '入党时间',
];

/** A code written before its name (`01 汉族`, `502 退休人员`), as the official sheets have it and people should not read. */
const CODE_BEFORE_NAME = /\d{1,4} [\u4e00-\u9fff]/;

async function ok(res: APIResponse, what: string): Promise<unknown> {
  if (!res.ok()) throw new Error(`${what} → ${res.status()} ${await res.text()}`);
  return res.json();
}

/**
 * Signs the browser context in. An administrator whose role requires a second factor (the 审计管理员) enrols one
 * first, as the enrolment page would: the key, then a code computed from it.
 */
async function signInAs(request: APIRequestContext, username: string): Promise<void> {
  await request.post('/api/auth/logout');
  await ok(
    await request.post('/api/auth/login', { data: { username, password: PASSWORD } }),
    `login of ${username}`,
  );
  const me = (await ok(await request.get('/api/auth/me'), 'me')) as { pendingStep: string | null };
  if (me.pendingStep === 'second_factor_enrolment') {
    const { secret } = (await ok(
      await request.post('/api/auth/second-factor/enrolment', { data: {} }),
      'enrolment',
    )) as { secret: string };
    await ok(
      await request.post('/api/auth/second-factor/enrolment/confirm', { data: { code: codeFor(secret) } }),
      'enrolment confirmation',
    );
  }
}

/** A member of a demo branch, registered by the street's administrator: the audit log's entry to read. */
async function registerMember(request: APIRequestContext): Promise<void> {
  const branches = await request.get('/api/orgs?kind=branch&pageSize=1');
  const branch = ((await branches.json()) as { items: { id: number }[] }).items[0];
  if (!branch) throw new Error('the demo street has no branch');
  const res = await request.post('/api/members', {
    data: {
      person: {
        name: NEW_MEMBER,
        idNumber: generateIdNumber({ provinceAndCounty: '110105', birthDate: '1991-03-14', sequence: 611 }),
        ethnicity: '01',
        education: '21',
        workPost: '0212',
      },
      orgId: branch.id,
      category: 'employed',
      status: 'full',
      admittedOn: '2015-07-01',
      confirmedOn: '2016-07-01',
    },
  });
  if (!res.ok()) throw new Error(`POST /api/members → ${res.status()} ${await res.text()}`);
}

/**
 * Everyday use on a desktop (1366×768) and a phone (390×844), against the real server and the demo city: the
 * roster fits the screen and remembers its columns, 个人设置 and /m/me have the phone's whole width and read
 * names rather than codes, the audit log names who did what to whom, and filters survive a reload.
 */
describe.skipIf(!chromiumPath)('everyday use: 1366 desktop and 390 phone', () => {
  const session = useBrowserSession({
    login: { username: 'street_org', password: PASSWORD },
    prepare: registerMember,
  });
  const { shot, pageErrors } = session;
  let page: Page;
  let frame: PageFrame;
  beforeAll(() => {
    page = session.page;
    frame = new PageFrame(page);
  });

  it('the roster at 1366×768 shows every column header, with nothing to scroll sideways', async () => {
    await page.setViewportSize(DESKTOP);
    await page.goto('/members');
    const headers = await new MembersPage(page).columnHeaderBoxes();
    expect(headers.map((h) => h.name)).toEqual(ROSTER_COLUMNS);
    for (const h of headers) {
      expect(h.left, h.name).toBeGreaterThanOrEqual(0);
      expect(h.right, h.name).toBeLessThanOrEqual(DESKTOP.width);
    }
    // 所属组织 ends where 党籍状态 begins: a long org name is cut, never drawn over the status.
    const org = headers.find((h) => h.name === '所属组织');
    const status = headers.find((h) => h.name === '党籍状态');
    expect(org && status && org.right <= status.left + 1).toBe(true);
    expect(await frame.horizontalOverflow()).toBe(0);
    expect(await frame.title()).toBe('党员名册 - 基层');
    await shot('01-roster-1366');
  });

  it('remembers the roster’s column settings across a reload', async () => {
    const roster = new MembersPage(page);
    await roster.toggleColumn('手机号');
    expect((await roster.columnHeaderBoxes()).map((h) => h.name)).not.toContain('手机号');
    await page.reload();
    expect((await roster.columnHeaderBoxes()).map((h) => h.name)).not.toContain('手机号');
    await roster.toggleColumn('手机号');
    expect((await roster.columnHeaderBoxes()).map((h) => h.name)).toEqual(ROSTER_COLUMNS);
  });

  it('个人设置 at 390×844 takes the phone’s width, and the side menu is a drawer', async () => {
    await page.setViewportSize(PHONE);
    await page.goto('/profile?tab=password');
    await page.getByRole('heading', { name: '个人设置', level: 4 }).waitFor();
    expect(await page.getByRole('menu', { name: '主菜单' }).count()).toBe(0);
    expect(await frame.horizontalOverflow()).toBe(0);
    // The page once got about 130 px; the fields now span the phone, less the margins.
    expect(await frame.widthOfLabel('新密码')).toBeGreaterThan(250);
    expect(await frame.headingWidth('个人设置')).toBeGreaterThan(60);
    expect(await frame.title()).toBe('个人设置 - 基层');
    await shot('02-profile-390');
    await frame.openMenuDrawer();
    await page.getByRole('menuitem', { name: '党员名册' }).click();
    await page.waitForURL(/\/members$/);
    await shot('03-roster-390');
    expect(await frame.horizontalOverflow()).toBe(0);
  });

  it('/m/me at 390×844 reads names, not codes, on the phone’s width', async () => {
    await signInAs(session.context.request, 'member');
    await page.goto('/m/me');
    await page.getByRole('tab', { name: '基本信息' }).waitFor();
    const info = page.getByRole('tabpanel', { name: '基本信息' });
    await info.getByText('工作岗位').waitFor();
    const text = (await info.textContent()) ?? '';
    expect(text).toContain('民族');
    expect(text).not.toMatch(CODE_BEFORE_NAME);
    expect(await frame.horizontalOverflow()).toBe(0);
    const box = await info.boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(300);
    expect(await frame.title()).toBe('我的党员档案 - 基层');
    await shot('04-me-390');
  });

  it('the audit log names the actor and the member, and its filter survives a reload', async () => {
    await signInAs(session.context.request, 'auditor');
    await page.setViewportSize(DESKTOP);
    await page.goto('/system/audit');
    const audit = new AuditLogPage(page);
    await audit.waitForRows();
    await audit.filterByAction('新增党员');
    await page.waitForURL(/action=member\.create/);
    await page.getByText(`党员：${NEW_MEMBER}`).waitFor();
    // The filtered page replaces the unfiltered one (which also shows the new member) when its answer arrives.
    const onlyCreations = async () => {
      const texts = await audit.rowTexts();
      return texts.length > 0 && texts.every((r) => r.includes('新增党员'));
    };
    await expect.poll(onlyCreations, { timeout: 10_000 }).toBe(true);
    const rows = await audit.rowTexts();
    const created = rows.find((r) => r.includes(NEW_MEMBER));
    expect(created).toContain('街道党工委（演示）');
    expect(created).not.toMatch(/党员 #\d+/);
    await shot('05-audit-1366');

    await page.reload();
    await page.getByText(`党员：${NEW_MEMBER}`).waitFor();
    await expect.poll(onlyCreations, { timeout: 10_000 }).toBe(true);
    expect(await audit.chosenAction()).toContain('新增党员');
    expect(await frame.title()).toBe('审计日志 - 基层');
    expect(pageErrors).toEqual([]);
  });
});

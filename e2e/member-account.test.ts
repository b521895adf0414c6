import type { APIRequestContext, Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateIdNumber } from '../src/domain/people/index.ts';
import { chromiumPath } from './browser.ts';
import { LoginPage } from './pages/login.ts';
import { MemberAccountDialog, MyMemberPage } from './pages/member-account.ts';
import { TIMEZONE, useBrowserSession } from './session.ts';

const NAME = '柯开户';
const FIRST_PASSWORD = 'Ke-Kaihu#2026';
const SECOND_PASSWORD = 'Ke-Kaihu#2027';

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

/** A member of the demo branch secretary's own branch, recorded through the API as that secretary. */
async function recordMember(request: APIRequestContext): Promise<number> {
  const me = await call<{ assignments: { orgId: number }[] }>(request, 'get', '/api/auth/me');
  const orgId = me.assignments[0]?.orgId;
  if (!orgId) throw new Error('branch_sec has no org');
  const member = await call<{ id: number }>(request, 'post', '/api/members', {
    person: {
      name: NAME,
      idNumber: generateIdNumber({ provinceAndCounty: '110105', birthDate: '1991-03-15', sequence: 777 }),
      ethnicity: '01',
      education: '21',
      workPost: '0212',
      phoneMobile: '13900007777',
    },
    orgId,
    category: 'employed',
    status: 'full',
    admittedOn: '2015-07-01',
    confirmedOn: '2016-07-01',
  });
  return member.id;
}

/**
 * 开通账号 end to end (docs/security.md §2.1): the branch secretary opens an account for a member on the member's
 * page and reads the initial password once; the member signs in on a phone (390×844), must change the password,
 * sees their own record, changes the password again from /m/me and signs out.
 */
describe.skipIf(!chromiumPath)('member account: secretary opens it → the member on a phone', () => {
  let memberId: number;
  const session = useBrowserSession({
    login: { username: 'branch_sec', password: 'Jiceng@2026' },
    prepare: async (request) => {
      memberId = await recordMember(request);
    },
  });
  const { shot, pageErrors } = session;
  let page: Page;
  let phone: Page;
  let browser: Browser;
  let opened: { username: string; initialPassword: string };
  beforeAll(() => {
    page = session.page;
    browser = session.browser;
  });

  it('lets the secretary open the account on the member page and shows the initial password once', async () => {
    await page.goto(`/members/${memberId}`);
    await page.getByRole('heading', { name: NAME }).first().waitFor();
    const dialog = new MemberAccountDialog(page);
    opened = await dialog.open();
    expect(opened.username).toBe(`dy${String(memberId).padStart(6, '0')}`);
    expect(opened.initialPassword).toMatch(/^\S{12}$/);
    await shot('01-opened');
    await dialog.close();
    await dialog.account().waitFor();
    expect(await dialog.account().textContent()).toContain(opened.username);
    expect(await page.getByRole('button', { name: '开通账号' }).count()).toBe(0);
  });

  it('makes the member change the initial password at first sign-in on a phone, then shows their record', async () => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN',
      timezoneId: TIMEZONE,
      baseURL: session.server.url,
    });
    phone = await context.newPage();
    phone.setDefaultTimeout(30_000);
    phone.on('pageerror', (e) => pageErrors.push(e.message));
    const login = new LoginPage(phone);
    await login.signIn(opened.username, opened.initialPassword);
    await login.changeInitialPassword(opened.initialPassword, FIRST_PASSWORD);
    await phone.waitForURL(/\/m\/me/);
    const mine = new MyMemberPage(phone);
    await mine.heading(NAME).waitFor();
    // Nothing runs off the side of the phone's screen.
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await phone.screenshot({ path: `${session.shots}/02-phone-record.png`, fullPage: true });
  });

  it('lets the member change the password again and sign out from the phone page', async () => {
    const mine = new MyMemberPage(phone);
    await mine.changePassword(FIRST_PASSWORD, SECOND_PASSWORD);
    await mine.signOut();
    const login = new LoginPage(phone);
    await login.shown();
    await login.submitPassword(opened.username, SECOND_PASSWORD);
    await phone.waitForURL(/\/m\/me/);
    await mine.heading(NAME).waitFor();
    expect(pageErrors).toEqual([]);
  });
});

import type { APIRequestContext, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateIdNumber } from '../src/domain/people/index.ts';
import { chromiumPath } from './browser.ts';
import { ComplianceDashboard } from './pages/compliance.ts';
import { LoginPage } from './pages/login.ts';
import { MeetingForm, MeetingPage, MyMeetings } from './pages/meetings.ts';
import { TIMEZONE, TODAY, useBrowserSession } from './session.ts';

const DEMO_PASSWORD = 'Jiceng@2026';
const BRANCH = '岑溪会议测试党支部';
const TOPIC = '学习党章 主题党日暨支部党员大会';
/** The three members of the branch: one checks in by QR code, one asks for leave on the phone, one stays away. */
const CHECKS_IN = { name: '岑会雅', password: 'Cen-Huiya#2026', sequence: 731 };
const ON_LEAVE = { name: '岑会宁', password: 'Cen-Huining#2026', sequence: 742 };
const ABSENT = { name: '岑会远', sequence: 753 };

async function call<T>(request: APIRequestContext, method: 'get' | 'post', url: string, data?: unknown) {
  const res = method === 'get' ? await request.get(url) : await request.post(url, { data });
  if (!res.ok()) throw new Error(`${url} → ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

const login = (request: APIRequestContext, username: string, password: string) =>
  call(request, 'post', '/api/auth/login', { username, password });

async function recordMember(request: APIRequestContext, branchId: number, name: string, sequence: number) {
  const member = await call<{ id: number }>(request, 'post', '/api/members', {
    person: {
      name,
      idNumber: generateIdNumber({ provinceAndCounty: '110105', birthDate: '1988-05-20', sequence }),
      ethnicity: '01',
      education: '21',
      workPost: '0212',
    },
    orgId: branchId,
    category: 'employed',
    status: 'full',
    admittedOn: '2012-07-01',
    confirmedOn: '2013-07-01',
  });
  return member.id;
}

/** Opens a member's account and sets their own password (the first sign-in's change), through the API. */
async function openAccount(request: APIRequestContext, memberId: number, password: string): Promise<string> {
  const opened = await call<{ username: string; initialPassword: string }>(
    request,
    'post',
    `/api/members/${memberId}/account`,
  );
  await login(request, opened.username, opened.initialPassword);
  await call(request, 'post', '/api/auth/password', {
    currentPassword: opened.initialPassword,
    newPassword: password,
  });
  return opened.username;
}

type World = { communityId: number; checksIn: string; onLeave: string };

/**
 * A branch of its own (founded long ago, no committee, no groups) under the demo community secretary's community,
 * with three full members, two of them with accounts; the browser then works as that community secretary.
 */
async function prepare(request: APIRequestContext): Promise<World> {
  await login(request, 'community_sec', DEMO_PASSWORD);
  const me = await call<{ assignments: { orgId: number }[] }>(request, 'get', '/api/auth/me');
  const communityId = me.assignments[0]?.orgId;
  if (!communityId) throw new Error('community_sec has no org');
  await login(request, 'street_org', DEMO_PASSWORD);
  const parent = await call<{ establishedOn: string }>(request, 'get', `/api/orgs/${communityId}`);
  const branch = await call<{ id: number }>(request, 'post', '/api/orgs', {
    parentId: communityId,
    name: BRANCH,
    kind: 'branch',
    sector: 'community',
    establishedOn: parent.establishedOn,
  });
  const checksInId = await recordMember(request, branch.id, CHECKS_IN.name, CHECKS_IN.sequence);
  const onLeaveId = await recordMember(request, branch.id, ON_LEAVE.name, ON_LEAVE.sequence);
  await recordMember(request, branch.id, ABSENT.name, ABSENT.sequence);
  const checksIn = await openAccount(request, checksInId, CHECKS_IN.password);
  await login(request, 'street_org', DEMO_PASSWORD);
  const onLeave = await openAccount(request, onLeaveId, ON_LEAVE.password);
  await login(request, 'community_sec', DEMO_PASSWORD);
  return { communityId, checksIn, onLeave };
}

/** `YYYY-MM-DD HH:mm` in Beijing time, `minutes` from now: the planned start the form takes. */
function beijingIn(minutes: number): string {
  const parts = new Intl.DateTimeFormat('sv-SE', {
    timeZone: TIMEZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(Date.now() + minutes * 60_000));
  return parts.slice(0, 16);
}

/**
 * 三会一课 end to end (issue 10): the community secretary plans a 主题党日 held as a 支部党员大会 for a branch and shows
 * its QR code; one member asks for leave on the phone, another scans the code, signs in and is checked in; the
 * secretary records it as held, marks the rest absent, writes the minutes and closes it; the compliance dashboard
 * then shows this month green for the branch.
 */
describe.skipIf(!chromiumPath)(
  'meetings: plan → QR check-in and leave on phones → close → compliance',
  () => {
    let world: World;
    const session = useBrowserSession({
      prepare: async (request) => {
        world = await prepare(request);
      },
    });
    const { shot, pageErrors } = session;
    let page: Page;
    let meetingPath = '';
    let checkInUrl = '';
    /** The planned start (`YYYY-MM-DD HH:mm`, Beijing): twenty minutes ahead, so members may still ask for leave. */
    let plannedStart = '';
    const phones: BrowserContext[] = [];

    async function phone(): Promise<Page> {
      const context = await session.browser.newContext({
        viewport: { width: 390, height: 844 },
        isMobile: true,
        hasTouch: true,
        locale: 'zh-CN',
        timezoneId: TIMEZONE,
        baseURL: session.server.url,
      });
      phones.push(context);
      const p = await context.newPage();
      p.setDefaultTimeout(30_000);
      p.on('pageerror', (e) => pageErrors.push(e.message));
      return p;
    }

    beforeAll(() => {
      page = session.page;
    });
    afterAll(async () => {
      for (const context of phones) await context.close();
    });

    it('lets the secretary plan the meeting, with 应到会 from the branch roster', async () => {
      await page.goto('/meetings');
      await page.getByRole('button', { name: '计划会议' }).click();
      await page.waitForURL(/\/meetings\/new/);
      plannedStart = beijingIn(20);
      await new MeetingForm(page).plan({
        org: BRANCH,
        kinds: ['主题党日', '支部党员大会'],
        topic: TOPIC,
        plannedStart,
        place: '社区党群服务中心',
      });
      await page.waitForURL(/\/meetings\/\d+$/);
      meetingPath = new URL(page.url()).pathname;
      const meeting = new MeetingPage(page);
      await meeting.heading(TOPIC).waitFor();
      expect(await meeting.status()).toBe('计划');
      for (const m of [CHECKS_IN, ON_LEAVE, ABSENT]) await meeting.attendee(m.name).waitFor();
      expect(await meeting.summary().textContent()).toContain('应到会3人');
      await shot('01-planned');
    });

    it('shows the meeting on its planned day in the calendar', async () => {
      await page.goto('/meetings');
      await page
        .getByTestId(`meetings-${plannedStart.slice(0, 10)}`)
        .getByRole('link', { name: `${TOPIC}（计划）` })
        .click();
      await page.waitForURL(new RegExp(`${meetingPath}$`));
    });

    it('shows the check-in QR code with the address members open', async () => {
      checkInUrl = await new MeetingPage(page).checkInUrl();
      expect(checkInUrl).toMatch(/\/check-in\/meetings\/\d+\?token=/);
      await page.getByRole('img', { name: '签到二维码' }).or(page.getByLabel('签到二维码')).first().waitFor();
      await shot('02-qr');
    });

    it('lets a member ask for leave from 我的会议 on the phone', async () => {
      const p = await phone();
      await new LoginPage(p).signIn(world.onLeave, ON_LEAVE.password);
      await p.waitForURL(/\/m\/me/);
      await p.getByRole('link', { name: /我的会议/ }).click();
      await p.waitForURL(/\/m\/meetings$/);
      const mine = new MyMeetings(p);
      await mine.requestLeave(TOPIC, '出差在外');
      expect(await mine.card(TOPIC).textContent()).toContain('请假：出差在外');
      await p.screenshot({ path: `${session.shots}/03-phone-leave.png`, fullPage: true });
    });

    it('checks a member in who opens the QR address, signing in first', async () => {
      const p = await phone();
      await p.goto(checkInUrl);
      // Not signed in: the login page, which brings the member back to the code's address.
      const login = new LoginPage(p);
      await login.submitPassword(world.checksIn, CHECKS_IN.password);
      const mine = new MyMeetings(p);
      await mine.checkInResult().waitFor();
      expect(await mine.checkInResult().textContent()).toBe('签到成功');
      expect(await p.getByText(TOPIC).count()).toBeGreaterThan(0);
      await p.screenshot({ path: `${session.shots}/04-phone-checked-in.png`, fullPage: true });
    });

    it('lets the secretary record it as held, mark the rest absent, write the minutes and close it', async () => {
      await page.goto(meetingPath);
      const meeting = new MeetingPage(page);
      await meeting.heading(TOPIC).waitFor();
      await meeting.hold();
      await page.getByTestId('meeting-status').filter({ hasText: '已召开' }).waitFor();
      expect(await meeting.attendanceOf(CHECKS_IN.name)).toBe('present');
      expect(await meeting.attendee(CHECKS_IN.name).textContent()).toContain('扫码签到');
      expect(await meeting.attendanceOf(ON_LEAVE.name)).toBe('leave');
      expect(await meeting.attendanceOf(ABSENT.name)).toBe('');
      await meeting.markRestAbsentAndSave();
      expect(await meeting.attendanceOf(ABSENT.name)).toBe('absent');
      const summary = (await meeting.summary().textContent()) ?? '';
      expect(summary).toContain('实到会1人');
      expect(summary).toContain('请假1人');
      expect(summary).toContain('缺席1人');
      await meeting.writeMinutes('学习党章第一章；与会党员交流学习体会。', '全体党员对照党章查找差距。');
      await meeting.close();
      await page.getByTestId('meeting-status').filter({ hasText: '已办结' }).waitFor();
      await shot('05-closed');
    });

    it('shows this month green for the branch on the compliance dashboard', async () => {
      await page.goto(`/org-life/compliance?orgId=${world.communityId}`);
      const dashboard = new ComplianceDashboard(page);
      await dashboard.heatmap.waitFor();
      const month = `${TODAY.slice(0, 4)}年${Number(TODAY.slice(5, 7))}月`;
      const cell = dashboard.heatmap.getByRole('cell', { name: `${BRANCH} ${month}：` });
      expect(await cell.getAttribute('aria-label')).toContain('达标率 100%');
      await shot('06-compliance');
      expect(pageErrors).toEqual([]);
    });
  },
);

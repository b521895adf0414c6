import type { APIRequestContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateIdNumber } from '../src/domain/people/index.ts';
import { addDays, addYears } from '../src/domain/shared/index.ts';
import { chromiumPath } from './browser.ts';
import { MemberDecisionsPage } from './pages/member-decisions.ts';
import { PendingDecisionsPage } from './pages/pending-decisions.ts';
import { AppShell } from './pages/shell.ts';
import { TODAY, useBrowserSession } from './session.ts';

const NAME = '柯待批';
/** A second 预备党员 whose 转正 the branch recorded through the API: the approver finds it on 待审批决定. */
const LISTED = '柯列批';
/** Admitted a year and ten days ago: the 预备期 ended ten days ago, so the 支部大会 may discuss 转正. */
const ADMITTED = addDays(addYears(TODAY, -1), -10);
const MEETING = addDays(TODAY, -5);
const APPROVED = addDays(TODAY, -1);

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

/** A 预备党员 in a branch of the administrator's street, recorded through the API. */
async function recordMember(request: APIRequestContext, name: string, sequence: number) {
  const branches = await call<{ items: { id: number }[] }>(
    request,
    'get',
    '/api/orgs?kind=branch&pageSize=1',
  );
  const branch = branches.items[0];
  if (!branch) throw new Error('the demo street has no branch');
  return call<{ id: number; version: number }>(request, 'post', '/api/members', {
    person: {
      name,
      idNumber: generateIdNumber({ provinceAndCounty: '110105', birthDate: '1995-06-18', sequence }),
      ethnicity: '01',
      education: '21',
      workPost: '0212',
    },
    orgId: branch.id,
    category: 'employed',
    status: 'probationary',
    admittedOn: ADMITTED,
    confirmedOn: null,
  });
}

/**
 * Two dates for a decision (docs/membership.md §12) in a real browser: the 支部大会's 转正 is recorded on the member's
 * page without the approval and shows as pending, the member still 预备党员; the level above records the approval,
 * and the member is 正式党员 with both dates in the history. The approver then finds another member's pending 转正 on
 * 待审批决定 (the menu), records its approval there, and the list is empty.
 */
describe.skipIf(!chromiumPath)('member decisions: 转正 pending → 录入批准 → 正式党员; 待审批决定', () => {
  let memberId: number;
  const session = useBrowserSession({
    login: { username: 'street_org', password: 'Jiceng@2026' },
    prepare: async (request) => {
      memberId = (await recordMember(request, NAME, 883)).id;
      const listed = await recordMember(request, LISTED, 885);
      await call(request, 'post', `/api/members/${listed.id}/decisions`, {
        version: listed.version,
        kind: 'confirm',
        meetingOn: MEETING,
      });
    },
  });
  const { shot, pageErrors } = session;
  let page: Page;
  beforeAll(() => {
    page = session.page;
  });

  it('records the meeting’s 转正 as pending: the member stays 预备党员', async () => {
    await page.goto(`/members/${memberId}`);
    await page.getByRole('heading', { name: NAME }).first().waitFor();
    const decisions = new MemberDecisionsPage(page);
    const dialog = await decisions.openChange('转正');
    await decisions.fillDate(dialog, '支部大会日期', MEETING);
    await dialog.getByRole('button', { name: '确认转正' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await decisions.pending(`转正待上级批准（支部大会 ${MEETING} 通过）`).waitFor();
    expect(await page.getByText('预备党员').first().isVisible()).toBe(true);
    await shot('01-pending');
  });

  it('applies it once the level above records its approval, with both dates in the history', async () => {
    const decisions = new MemberDecisionsPage(page);
    await decisions.approve({ org: '柯岸街道党工委', on: APPROVED, documentNo: '柯组批〔2026〕5号' });
    await page.getByText('正式党员').first().waitFor();
    expect(await decisions.pending('待上级批准').count()).toBe(0);
    await page.getByRole('tab', { name: '历史' }).click();
    await page.getByText(`会议日期 ${MEETING} / 批准日期 ${APPROVED}`).waitFor();
    await shot('02-approved');
  });

  it('lists the other pending 转正 on 待审批决定 for the approver, and empties once it is approved', async () => {
    await new AppShell(page).open('待审批决定');
    await page.getByRole('heading', { name: '待审批决定' }).waitFor();
    const list = new PendingDecisionsPage(page);
    await list.row(LISTED).waitFor();
    expect(await list.table.getByRole('row').filter({ hasText: NAME }).count()).toBe(0);
    const cells = await list.cells(LISTED);
    expect(cells.slice(0, 4)).toEqual([LISTED, expect.stringContaining('支部'), '转正', MEETING]);
    expect(cells[4]).toContain('5 天');
    expect(cells[5]).toContain('查看党员');
    await shot('03-pending-list');
    await list.approve(LISTED, { org: '柯岸街道党工委', on: APPROVED, documentNo: '柯组批〔2026〕6号' });
    await list.empty().waitFor();
    expect(await list.row(LISTED).count()).toBe(0);
    await shot('04-list-empty');
    expect(pageErrors).toEqual([]);
  });
});

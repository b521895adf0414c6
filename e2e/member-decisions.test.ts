import type { APIRequestContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateIdNumber } from '../src/domain/people/index.ts';
import { addDays, addYears } from '../src/domain/shared/index.ts';
import { chromiumPath } from './browser.ts';
import { MemberDecisionsPage } from './pages/member-decisions.ts';
import { TODAY, useBrowserSession } from './session.ts';

const NAME = '柯待批';
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
async function recordMember(request: APIRequestContext): Promise<number> {
  const branches = await call<{ items: { id: number }[] }>(
    request,
    'get',
    '/api/orgs?kind=branch&pageSize=1',
  );
  const branch = branches.items[0];
  if (!branch) throw new Error('the demo street has no branch');
  const member = await call<{ id: number }>(request, 'post', '/api/members', {
    person: {
      name: NAME,
      idNumber: generateIdNumber({ provinceAndCounty: '110105', birthDate: '1995-06-18', sequence: 883 }),
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
  return member.id;
}

/**
 * Two dates for a decision (docs/membership.md §12) in a real browser: the 支部大会's 转正 is recorded on the member's
 * page without the approval and shows as pending, the member still 预备党员; the level above records the approval,
 * and the member is 正式党员 with both dates in the history.
 */
describe.skipIf(!chromiumPath)('member decisions: 转正 pending → 录入批准 → 正式党员', () => {
  let memberId: number;
  const session = useBrowserSession({
    login: { username: 'street_org', password: 'Jiceng@2026' },
    prepare: async (request) => {
      memberId = await recordMember(request);
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
    expect(pageErrors).toEqual([]);
  });
});

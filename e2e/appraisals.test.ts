import type { APIRequestContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateIdNumber } from '../src/domain/people/index.ts';
import { chromiumPath } from './browser.ts';
import { AppraisalPages, TalkPages } from './pages/appraisals.ts';
import { TODAY, useBrowserSession } from './session.ts';

const BRANCH = '柯评议测试党支部';
const YEAR = Number(TODAY.slice(0, 4));
const SECRETARY = '柯评书';
const COMMITTEE = '柯评委';
const MEMBER = '柯评甲';
const PROBATIONARY = '柯评乙';

async function call<T>(request: APIRequestContext, method: 'get' | 'post', url: string, data?: unknown) {
  const res = await request[method](url, data === undefined ? {} : { data });
  if (!res.ok()) throw new Error(`${url} → ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

/** A new branch under a demo community: its 书记 and a 委员 in office, two full members of the roster and a 预备党员. */
async function branchWithMembers(request: APIRequestContext): Promise<number> {
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
  await call(request, 'post', `/api/orgs/${branch.id}/terms`, {
    electedOn: `${YEAR}-01-05`,
    endsOn: `${YEAR + 3}-01-05`,
    electionDocNo: `柯街党〔${YEAR}〕9号`,
    electionDocDate: `${YEAR}-01-05`,
    posts: [
      { post: 'secretary', holderName: SECRETARY },
      { post: 'committee_member', holderName: COMMITTEE },
    ],
  });
  const people = [SECRETARY, COMMITTEE, MEMBER, PROBATIONARY];
  for (const [i, name] of people.entries()) {
    const probationary = name === PROBATIONARY;
    await call(request, 'post', '/api/members', {
      person: {
        name,
        idNumber: generateIdNumber({
          provinceAndCounty: '110105',
          birthDate: `1988-03-1${i}`,
          sequence: 431 + i * 2,
        }),
        ethnicity: '01',
        education: '21',
        workPost: '0212',
      },
      orgId: branch.id,
      category: 'employed',
      status: probationary ? 'probationary' : 'full',
      admittedOn: probationary ? `${YEAR}-01-02` : '2010-07-01',
      confirmedOn: probationary ? null : '2011-07-01',
    });
  }
  return branch.id;
}

/**
 * 民主评议 and 谈心谈话 in the browser (docs/organizational-life.md §5.1, §5.3): the street's administrator opens the
 * round of a branch, grades its full members (the 预备党员 takes part without a grade), sees the warning when 优秀
 * exceeds one third, and closes it; then records a talk of a missing pair and sees the branch's coverage change.
 */
describe.skipIf(!chromiumPath)('organizational life: 民主评议 and 谈心谈话', () => {
  let branchId = 0;
  const session = useBrowserSession({
    login: { username: 'street_org', password: 'Jiceng@2026' },
    prepare: async (request) => {
      branchId = await branchWithMembers(request);
    },
  });
  const { shot, pageErrors } = session;
  let page: Page;
  beforeAll(() => {
    page = session.page;
  });

  it('opens the round with the roster: full members graded, the probationary one not', async () => {
    const pages = new AppraisalPages(page);
    await pages.openList(branchId, YEAR);
    await pages.startRound();
    for (const name of [SECRETARY, COMMITTEE, MEMBER, PROBATIONARY]) {
      expect(await pages.participant(name).count(), name).toBe(1);
    }
    expect(await pages.participant(PROBATIONARY).textContent()).toContain('不评定等次');
    expect(await page.getByRole('combobox', { name: `${PROBATIONARY}的评定等次` }).count()).toBe(0);
  });

  it('grades, warns when 优秀 exceeds one third, and closes', async () => {
    const pages = new AppraisalPages(page);
    await pages.grade(SECRETARY, '优秀');
    expect(await pages.warning().count()).toBe(0);
    await pages.grade(COMMITTEE, '优秀');
    await pages.warning().waitFor();
    expect(await pages.warning().textContent()).toContain('评定为优秀的2人');
    await pages.grade(MEMBER, '合格');
    await shot('01-appraisal-graded');
    await pages.close();
    expect(await page.getByRole('button', { name: '重新打开' }).count()).toBe(1);
    expect(await page.getByRole('combobox', { name: `${MEMBER}的评定等次` }).count()).toBe(0);
  });

  it('records a talk of a missing pair, and the coverage counts it', async () => {
    const talks = new TalkPages(page);
    await talks.open(branchId, YEAR);
    expect(await talks.figure('应谈人员组合')).toBe('3');
    expect(await talks.figure('已谈')).toBe('0');
    expect(await talks.missing().count()).toBe(3);
    await talks.recordFirstMissing('年度谈心谈话');
    await talks.missing().nth(2).waitFor({ state: 'detached' });
    expect(await talks.figure('已谈')).toBe('1');
    expect(await talks.missing().count()).toBe(2);
    await page.getByRole('cell', { name: '年度谈心谈话' }).waitFor();
    await shot('02-talk-coverage');
    expect(pageErrors).toEqual([]);
  });
});

import type { APIRequestContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { addMonths, addYears, type IsoDate } from '../src/domain/shared/index.ts';
import { chromiumPath } from './browser.ts';
import { LeadershipTab } from './pages/leadership.ts';
import { TODAY, useBrowserSession } from './session.ts';

const BRANCH = '柯湾换届测试党支部';
const YEAR = TODAY.slice(0, 4);
/** The sitting committee: elected three years and a month ago for three years, so its term has just expired. */
const OLD_ELECTED = addMonths(addYears(TODAY as IsoDate, -3), -1);
const OLD_ENDS = addMonths(TODAY as IsoDate, -1);
const OLD_DOC = '柯街党〔旧〕3号';
const OLD = { secretary: '柯旧书', member: '柯旧委' };
const NEW_DOC = `柯街党〔${YEAR}〕21号`;
const NEW = [
  { post: '书记', name: '柯新书' },
  { post: '副书记', name: '柯新副' },
  { post: '委员', name: '柯新委' },
] as const;

type Term = { electedOn: string; endedOn: string | null; electionDocNo: string | null };

async function call<T>(request: APIRequestContext, method: 'get' | 'post', url: string, data?: unknown) {
  const res = await request[method](url, data === undefined ? {} : { data });
  if (!res.ok()) throw new Error(`${url} → ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

/** A new branch under a demo community, with its committee of the last term (书记 and 委员). */
async function branchWithCommittee(request: APIRequestContext): Promise<number> {
  const communities = await call<{ items: { id: number }[] }>(
    request,
    'get',
    '/api/orgs?kind=committee&pageSize=1',
  );
  const community = communities.items[0];
  if (!community) throw new Error('the demo street has no community');
  const parent = await call<{ establishedOn: string }>(request, 'get', `/api/orgs/${community.id}`);
  if (parent.establishedOn > OLD_ELECTED) throw new Error('the demo community is younger than the old term');
  const branch = await call<{ id: number }>(request, 'post', '/api/orgs', {
    parentId: community.id,
    name: BRANCH,
    kind: 'branch',
    sector: 'community',
    establishedOn: parent.establishedOn,
  });
  await call(request, 'post', `/api/orgs/${branch.id}/terms`, {
    electedOn: OLD_ELECTED,
    endsOn: OLD_ENDS,
    electionDocNo: OLD_DOC,
    electionDocDate: OLD_ELECTED,
    posts: [
      { post: 'secretary', holderName: OLD.secretary },
      { post: 'committee_member', holderName: OLD.member },
    ],
  });
  return branch.id;
}

/**
 * 换届 in the browser (docs/organizations.md §7): the street's administrator opens a branch whose term has expired,
 * runs 换届 with the new committee and the election document, and sees the new committee sitting, the old one's
 * posts ended on the election day, and the old term closed.
 */
describe.skipIf(!chromiumPath)('committee terms: 换届 from the org page', () => {
  let branchId = 0;
  const session = useBrowserSession({
    login: { username: 'street_org', password: 'Jiceng@2026' },
    prepare: async (request) => {
      branchId = await branchWithCommittee(request);
    },
  });
  const { shot, pageErrors } = session;
  let page: Page;
  beforeAll(() => {
    page = session.page;
  });
  const tab = () => new LeadershipTab(page);

  it('shows the expired term and its committee before 换届', async () => {
    await page.goto(`/orgs/${branchId}`);
    await page.getByRole('heading', { name: BRANCH }).waitFor();
    await tab().open();
    const term = (await tab().currentTerm.textContent()) ?? '';
    expect(term).toContain(OLD_DOC);
    expect(term).toContain('已届满，应换届');
    for (const name of Object.values(OLD)) expect(await tab().post(name).count(), name).toBe(1);
  });

  it('runs 换届 with the new members and the election document', async () => {
    await tab().renew({ electedOn: TODAY, docNo: NEW_DOC, docDate: TODAY, elected: NEW });
    await tab().currentTerm.filter({ hasText: NEW_DOC }).waitFor();
    const term = (await tab().currentTerm.textContent()) ?? '';
    expect(term).toContain(TODAY);
    expect(term).not.toContain('已届满');
    await shot('01-after-renewal');
  });

  it('shows the new committee sitting, and the old one only among those who left, on the election day', async () => {
    for (const { post, name } of NEW) {
      const row = tab().post(name);
      expect(await row.count(), name).toBe(1);
      const cells = await row.getByRole('cell').allTextContents();
      expect(cells, name).toContain(post);
      expect(cells, name).toContain('在任');
    }
    for (const name of Object.values(OLD)) expect(await tab().post(name).count(), name).toBe(0);
    await tab().showLeft().click();
    for (const name of Object.values(OLD)) {
      const row = tab().post(name);
      await row.waitFor();
      expect(await row.getByRole('cell').allTextContents(), name).toContain(`${TODAY} 离任`);
    }
    await shot('02-old-committee-left');
  });

  it('has closed the old term on the election day and opened the new one', async () => {
    const terms = await call<Term[]>(page.request, 'get', `/api/orgs/${branchId}/terms`);
    expect(terms.map((t) => [t.electionDocNo, t.electedOn, t.endedOn]).sort()).toEqual(
      [
        [NEW_DOC, TODAY, null],
        [OLD_DOC, OLD_ELECTED, TODAY],
      ].sort(),
    );
    expect(pageErrors).toEqual([]);
  });
});

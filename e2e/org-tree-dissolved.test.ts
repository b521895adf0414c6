import type { APIRequestContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath } from './browser.ts';
import { OrgsPage } from './pages/orgs.ts';
import { TODAY, useBrowserSession } from './session.ts';

const ACTIVE = '柯岸在建党支部';
const DISSOLVED = '柯岸已撤党支部';

async function call<T>(request: APIRequestContext, method: 'get' | 'post', url: string, data?: unknown) {
  const res = await request[method](url, data === undefined ? {} : { data });
  if (!res.ok()) throw new Error(`${url} → ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Two new branches under a demo community, the second dissolved today. */
async function twoBranches(request: APIRequestContext): Promise<{ id: number; name: string }> {
  const communities = await call<{ items: { id: number }[] }>(
    request,
    'get',
    '/api/orgs?kind=committee&pageSize=1',
  );
  const community = communities.items[0];
  if (!community) throw new Error('the demo street has no community');
  const parent = await call<{ name: string; establishedOn: string }>(
    request,
    'get',
    `/api/orgs/${community.id}`,
  );
  const branch = (name: string) =>
    call<{ id: number; version: number }>(request, 'post', '/api/orgs', {
      parentId: community.id,
      name,
      kind: 'branch',
      sector: 'community',
      establishedOn: parent.establishedOn,
    });
  await branch(ACTIVE);
  const gone = await branch(DISSOLVED);
  await call(request, 'post', `/api/orgs/${gone.id}/dissolve`, {
    version: gone.version,
    dissolvedOn: TODAY,
    reason: '社区调整，党员转入其他支部',
  });
  return { id: community.id, name: parent.name };
}

/** 组织管理: dissolved orgs stay out of the tree and search until 显示已撤销的组织 is ticked. */
describe.skipIf(!chromiumPath)('org tree: dissolved orgs on request', () => {
  let community: { id: number; name: string };
  const session = useBrowserSession({
    login: { username: 'street_org', password: 'Jiceng@2026' },
    prepare: async (request) => {
      community = await twoBranches(request);
    },
  });
  let page: Page;
  beforeAll(() => {
    page = session.page;
  });

  const orgs = () => new OrgsPage(page);
  const node = (name: string) => orgs().tree.node(name);

  /** The community's page, with its node opened in the tree. */
  async function openCommunity() {
    await page.goto(`/orgs/${community.id}`);
    await orgs().tree.expand(community.name);
    await node(ACTIVE).waitFor();
  }

  it('lists only the active branch under the community, and finds only it', async () => {
    await openCommunity();
    expect(await node(DISSOLVED).count()).toBe(0);
    const hits = await orgs().searchHits('柯岸');
    expect(hits.some((h) => h.includes(ACTIVE))).toBe(true);
    expect(hits.some((h) => h.includes(DISSOLVED))).toBe(false);
  });

  it('shows the dissolved branch, struck through and tagged, once asked', async () => {
    await orgs().showDissolved().check();
    await node(DISSOLVED).waitFor();
    await node(DISSOLVED).getByText('已撤销').waitFor();
    await orgs().tree.struckThrough(DISSOLVED).waitFor({ state: 'visible' });
    const hits = await orgs().searchHits('柯岸已撤');
    expect(hits.some((h) => h.includes(DISSOLVED) && h.includes('已撤销'))).toBe(true);
    await node(DISSOLVED).getByText(DISSOLVED).click();
    await page.getByText('社区调整，党员转入其他支部').first().waitFor();
    await session.shot('org-tree-dissolved');
  });

  it('hides it again when unticked', async () => {
    await orgs().showDissolved().uncheck();
    await openCommunity();
    expect(await node(DISSOLVED).count()).toBe(0);
  });
});

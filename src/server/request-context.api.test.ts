import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ManualClock, manualClock } from './clock.ts';
import { orgEvents, orgs } from './db/tables/orgs.ts';
import { type Actors, auditRows, seedActors } from './testing/actors.ts';
import { seedTree, TEST_PASSWORD, type Tree } from './testing/fixtures.ts';
import { loginAs, startTestApp, type TestApp, type TestClient } from './testing/test-app.ts';

/**
 * The context of a request (context.ts) is built once, from one reading of the clock: every service, rule and
 * audit row of the request sees the same instant and the same day, even when the clock moves while it runs.
 */

/** A clock that counts its readings and, when told to, moves on by `step` ms after each one. */
function steppingClock(start: Date) {
  const inner = manualClock(start);
  const state = { readings: 0, step: 0 };
  const read = () => {
    state.readings++;
    const at = inner.now();
    inner.advance(state.step);
    return at;
  };
  const clock: ManualClock = {
    now: read,
    today: () => {
      const at = read();
      return new Intl.DateTimeFormat('en-CA', { timeZone: clock.timeZone }).format(at);
    },
    timeZone: inner.timeZone,
    set: (instant) => inner.set(instant),
    advance: (ms) => inner.advance(ms),
  };
  return { clock, state };
}

let t: TestApp;
let tree: Tree;
let actors: Actors;
let admin: TestClient;
// 23:30 in Beijing, half an hour before the day changes.
const stepping = steppingClock(new Date('2026-06-14T15:30:00Z'));

beforeAll(async () => {
  t = await startTestApp({ clock: stepping.clock });
  tree = await seedTree(t.deps.db);
  actors = await seedActors(t.deps.db, tree);
  admin = await loginAs(t, 'orgadmin_a', TEST_PASSWORD);
});
afterAll(() => t.close());

/** Readings of the clock taken while `request` runs. */
async function readingsDuring(request: () => Promise<unknown>): Promise<number> {
  const before = stepping.state.readings;
  await request();
  return stepping.state.readings - before;
}

describe('the request context', () => {
  it('reads the clock once per request, however many services, rules and audit rows it involves', async () => {
    const created = readingsDuring(async () => {
      const res = await admin.post('/api/orgs', {
        parentId: tree.communityA1.id,
        name: '和平社区第二党支部',
        kind: 'branch',
        sector: 'community',
        establishedOn: '2026-06-01',
      });
      expect(res.statusCode).toBe(200);
    });
    expect(await created).toBe(1);
    expect(await readingsDuring(() => admin.get('/api/workbench'))).toBe(1);
    expect(await readingsDuring(() => admin.get(`/api/orgs/${tree.districtA.id}/stats`))).toBe(1);
  });

  it('reads the clock once for an anonymous request too (the login)', async () => {
    const login = () => t.anon.post('/api/auth/login', { username: 'secretary_a1', password: TEST_PASSWORD });
    expect(await readingsDuring(login)).toBe(1);
  });

  it('stamps a write, its history and its audit row with the one instant', async () => {
    stepping.state.step = 60_000;
    try {
      const res = await admin.post('/api/orgs', {
        parentId: tree.communityA1.id,
        name: '和平社区第三党支部',
        kind: 'branch',
        sector: 'community',
        establishedOn: '2026-06-01',
      });
      const id = res.json().id as number;
      const [org] = await t.deps.db.select().from(orgs).where(eq(orgs.id, id));
      const [event] = await t.deps.db.select().from(orgEvents).where(eq(orgEvents.orgId, id));
      const [audit] = await auditRows(t.deps.db, 'org.create', id);
      expect(org?.createdAt).toEqual(audit?.at);
      expect(org?.updatedAt).toEqual(audit?.at);
      expect(event?.recordedAt).toEqual(audit?.at);
    } finally {
      stepping.state.step = 0;
    }
  });

  it('decides by the day of its one reading while the clock crosses midnight', async () => {
    // 23:59:30 in Beijing; every reading moves the clock a minute on, past midnight after the first one.
    stepping.clock.set(new Date('2026-06-14T15:59:30Z'));
    stepping.state.step = 60_000;
    try {
      const res = await admin.post('/api/auth/tokens', { name: '脚本', expiresOn: '2026-06-14' });
      expect(res.statusCode).toBe(200);
      expect(res.json().createdAt).toBe('2026-06-14T15:59:30.000Z');
    } finally {
      stepping.state.step = 0;
    }
  });

  it('names the principal of the request in its audit rows', async () => {
    const [row] = await auditRows(t.deps.db, 'api_token.create');
    expect(row).toMatchObject({
      actorId: actors.orgadminA.id,
      actorUsername: 'orgadmin_a',
      userAgent: 'vitest',
    });
  });
});

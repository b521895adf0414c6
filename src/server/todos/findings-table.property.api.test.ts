import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_FOLLOWED_KINDS, ORG_KINDS } from '../../domain/org/index.ts';
import { addDays, addMonths, type IsoDate } from '../../domain/shared/index.ts';
import { readClock } from '../context.ts';
import { queryRows } from '../db/client.ts';
import { memberBody, type RosterWorld, startRosterWorld } from '../testing/fixtures/members.ts';
import { type RosterMember, writeMembers } from '../testing/fixtures/stats.ts';
import type { FixtureOrg } from '../testing/fixtures.ts';
import { TEST_PASSWORD } from '../testing/fixtures.ts';
import { loginAs, TEST_NOW, type TestClient, type TestResponse } from '../testing/test-app.ts';
import { selectAllFindings } from './findings.repo.ts';
import type { LocatedFinding } from './producer.ts';

/**
 * The findings table kept by the writes equals a full recomputation from the producers (issue 8, 5): after random
 * sequences of writes through the API (members created, their status changed, transferred; orgs founded, edited,
 * moved, dissolved; posts taken and left; the term policy changed) and of days passing on the test clock. After
 * every write the writer's transaction has already settled its marks; after a change of day the first read brings
 * the table to the new day.
 */
let w: RosterWorld;
const DAY_MS = 86_400_000;

const full = {
  status: 'full' as const,
  gender: 'male' as const,
  ethnicity: '01',
  birthDate: '1970-01-01' as IsoDate,
  education: '21',
  workPost: '502',
  admittedOn: '2000-07-01' as IsoDate,
  category: 'retired' as const,
  isMobile: false,
  isHardship: false,
};

/** Branches with 2, 8 and 49 正式党员: one step from each roster threshold. */
beforeAll(async () => {
  w = await startRosterWorld();
  const roster: RosterMember[] = [
    ...Array.from({ length: 2 }, () => ({ ...full, orgId: w.tree.branchA2.id })),
    ...Array.from({ length: 6 }, () => ({ ...full, orgId: w.tree.branchA1.id })),
    ...Array.from({ length: 2 }, () => ({ ...full, orgId: w.tree.groupA1.id })),
    ...Array.from({ length: 49 }, () => ({ ...full, orgId: w.tree.branchB1.id })),
  ];
  await writeMembers(w.t, roster);
});
afterAll(() => w.t.close());

const today = () => readClock(w.t.clock).today;

const step = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({ op: fc.constant('member' as const), org: fc.nat(), probation: fc.boolean() }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant('event' as const),
      who: fc.nat(),
      kind: fc.constantFrom(
        'leave',
        'record_death',
        'suspend',
        'restore',
        'confirm',
        'mark_unreachable',
        'mark_reachable',
      ),
    }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('transfer' as const), who: fc.nat(), to: fc.nat() }) },
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant('post' as const),
      org: fc.nat(),
      post: fc.constantFrom('secretary', 'group_leader', 'deputy_secretary', 'committee_member'),
      startedDaysAgo: fc.integer({ min: -30, max: 2_000 }),
      termMonths: fc.option(fc.integer({ min: 1, max: 70 }), { nil: undefined }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({ op: fc.constant('end' as const), which: fc.nat(), daysAgo: fc.nat(60) }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ op: fc.constant('found' as const), parent: fc.nat(), daysAgo: fc.nat(900) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant('edit' as const), org: fc.nat(), daysAgo: fc.nat(900) }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('move' as const), org: fc.nat(), to: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('dissolve' as const), org: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('policy' as const),
      warn: fc.integer({ min: 1, max: 12 }),
      urgent: fc.integer({ min: 1, max: 12 }),
      vacancy: fc.integer({ min: 1, max: 365 }),
      // The kinds whose head and term are followed (docs/organizations.md §8): the default, or all of them.
      followAll: fc.boolean(),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({ op: fc.constant('day' as const), days: fc.integer({ min: -20, max: 120 }) }),
  },
);

type Org = FixtureOrg & { parentId: number | null };
type Step = typeof step extends fc.Arbitrary<infer S> ? S : never;

async function liveOrgs(): Promise<Org[]> {
  const rows = await queryRows<{
    id: number;
    path: string;
    name: string;
    kind: Org['kind'];
    parent_id: number | null;
  }>(
    w.t.deps.db,
    sql`select id, path::text as path, name, kind, parent_id from orgs where dissolved_on is null order by id`,
  );
  return rows.map((r) => ({ id: r.id, path: r.path, name: r.name, kind: r.kind, parentId: r.parent_id }));
}

async function ids(query: ReturnType<typeof sql>): Promise<number[]> {
  return (await queryRows<{ id: number }>(w.t.deps.db, query)).map((r) => Number(r.id));
}

const pick = <T>(list: readonly T[], n: number): T | undefined => list[n % Math.max(list.length, 1)];

/** A client whose writes may be refused by the rules (4xx), never fail (5xx). */
function failingNever(client: TestClient): Pick<TestClient, 'get' | 'post' | 'patch' | 'put'> {
  const sure = async (res: Promise<TestResponse>) => {
    const answer = await res;
    expect(answer.statusCode, answer.body).toBeLessThan(500);
    return answer;
  };
  return {
    get: client.get,
    post: (url, body) => sure(client.post(url, body)),
    patch: (url, body) => sure(client.patch(url, body)),
    put: (url, body) => sure(client.put(url, body)),
  };
}

/** One write through the API, as the city's org_admin (or the system administrator, for the settings). */
async function write(s: Exclude<Step, { op: 'day' }>): Promise<void> {
  const admin = failingNever(w.as.city_admin);
  const orgs = await liveOrgs();
  const day = today();
  const version = async (url: string) => (await admin.get(url)).json().version as number;
  if (s.op === 'member') {
    const org = pick(
      orgs.filter((o) => o.kind === 'branch' || o.kind === 'group'),
      s.org,
    );
    if (!org) return;
    const probation = { status: 'probationary', admittedOn: addMonths(day, -3), confirmedOn: null };
    await admin.post('/api/members', memberBody(org.id, s.probation ? probation : {}));
  } else if (s.op === 'event' || s.op === 'transfer') {
    const id = pick(await ids(sql`select id from members where status <> 'left' order by id`), s.who);
    if (id === undefined) return;
    if (s.op === 'event') {
      await admin.post(`/api/members/${id}/events`, {
        version: await version(`/api/members/${id}`),
        kind: s.kind,
        effectiveOn: day,
        reason: '测试',
        // 退党, filed with the level above (docs/membership.md §5).
        leftReason: 'withdrawn',
        approvalOrgName: '上级党委',
        approvalOn: day,
      });
    } else {
      const to = pick(
        orgs.filter((o) => o.kind === 'branch'),
        s.to,
      );
      if (!to) return;
      const letter = {
        memberId: id,
        toOrgId: to.id,
        letterNo: `测组转〔${id}〕${s.to}号`,
        issuedOn: day,
        reason: '居住地变更',
      };
      const res = await admin.post('/api/transfers', letter);
      if (res.statusCode === 200)
        await admin.post(`/api/transfers/${res.json().id}/receive`, {
          version: res.json().version,
          receivedOn: day,
        });
    }
  } else if (s.op === 'post') {
    const org = pick(orgs, s.org);
    if (!org) return;
    const startedOn = addDays(day, -s.startedDaysAgo);
    if (s.termMonths === undefined) {
      // 补选 into the current term (or a 党小组长, designated with no term).
      await admin.post(`/api/orgs/${org.id}/leadership`, { post: s.post, holderName: '某人', startedOn });
    } else {
      // 换届: a new term of any length, approved by the level above (refused where the rules say so).
      await admin.post(`/api/orgs/${org.id}/terms`, {
        electedOn: startedOn,
        endsOn: addMonths(startedOn, s.termMonths),
        electionDocNo: '测党〔2026〕1号',
        electionDocDate: startedOn,
        approvalDocNo: '测组〔2026〕1号',
        approvalDocDate: startedOn,
        posts: [{ post: s.post, holderName: '某人' }],
      });
    }
  } else if (s.op === 'end') {
    const id = pick(
      await ids(sql`select id from leadership_posts where left_on is null order by id`),
      s.which,
    );
    if (id === undefined) return;
    const body = {
      version: await version(`/api/leadership-posts/${id}`),
      leftOn: addDays(day, -s.daysAgo),
      leftReason: '调离',
    };
    await admin.post(`/api/leadership-posts/${id}/end`, body);
  } else if (s.op === 'found') {
    const parent = pick(
      orgs.filter((o) => o.kind === 'committee' || o.kind === 'branch'),
      s.parent,
    );
    if (!parent) return;
    await admin.post('/api/orgs', {
      parentId: parent.id,
      name: `新组织${Date.now() % 1_000_000}${s.parent}`,
      kind: parent.kind === 'branch' ? 'group' : 'branch',
      sector: 'community',
      establishedOn: addDays(day, -s.daysAgo),
    });
  } else if (s.op === 'edit') {
    const org = pick(orgs.slice(1), s.org);
    if (!org) return;
    await admin.patch(`/api/orgs/${org.id}`, {
      version: await version(`/api/orgs/${org.id}`),
      establishedOn: addDays(day, -s.daysAgo),
    });
  } else if (s.op === 'move') {
    const org = pick(
      orgs.filter((o) => o.kind === 'branch' || o.kind === 'group'),
      s.org,
    );
    const to = pick(
      orgs.filter(
        (o) => o.kind === (org?.kind === 'group' ? 'branch' : 'committee') && o.id !== org?.parentId,
      ),
      s.to,
    );
    if (!org || !to) return;
    await admin.post(`/api/orgs/${org.id}/move`, {
      parentId: to.id,
      version: await version(`/api/orgs/${org.id}`),
    });
  } else if (s.op === 'dissolve') {
    const org = pick(orgs.slice(1), s.org);
    if (!org) return;
    await admin.post(`/api/orgs/${org.id}/dissolve`, {
      version: await version(`/api/orgs/${org.id}`),
      dissolvedOn: day,
      reason: '撤销',
    });
  } else if (s.op === 'policy') {
    const sysadmin = failingNever(w.as.sysadmin);
    const current = (await sysadmin.get('/api/settings/org')).json();
    const value = {
      warnMonths: s.warn,
      urgentMonths: Math.min(s.urgent, s.warn),
      vacancyCriticalDays: s.vacancy,
      followedKinds: s.followAll ? [...ORG_KINDS] : [...DEFAULT_FOLLOWED_KINDS],
    };
    const res = await sysadmin.put('/api/settings/org', { value, version: current.version });
    expect(res.statusCode, res.body).toBe(200);
  }
}

/** What every producer gives for every org today, in one order. */
async function recomputed(): Promise<LocatedFinding[]> {
  const registry = w.t.deps.todos;
  if (!registry) throw new Error('no registry');
  const found = [];
  for (const p of registry.producers)
    found.push(...(await p.produce({ db: w.t.deps.db }, { orgs: 'all', date: today() })));
  return sorted(found);
}

/** In one order, and as the API sends them (JSON: a term ending today is `days: -0` to the rule, 0 on the wire). */
function sorted(list: readonly LocatedFinding[]): LocatedFinding[] {
  // An org may have several findings of one kind, one per member or transfer they are about.
  const key = (f: LocatedFinding) =>
    `${String(f.orgId).padStart(8, '0')} ${f.finding.kind} ${f.finding.subject?.type ?? ''}${String(f.finding.subject?.id ?? 0).padStart(10, '0')}`;
  return JSON.parse(JSON.stringify([...list].sort((a, b) => (key(a) < key(b) ? -1 : 1))));
}

/** Findings whose org has moved since they were written (the path kept with them is not the org's). */
async function pathsBehind(): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    w.t.deps.db,
    sql`select count(*)::int as n from findings f join orgs o on o.id = f.org_id where f.path <> o.path`,
  );
  return Number(row?.n);
}

async function marksWaiting(): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    w.t.deps.db,
    sql`select count(*)::int as n from findings_dirty`,
  );
  return Number(row?.n);
}

/** Sessions end after 30 idle minutes: the actors sign in again after the clock moves. */
async function signInAgain(): Promise<void> {
  w.as.city_admin = await loginAs(w.t, 'city_admin', TEST_PASSWORD);
  w.as.sysadmin = await loginAs(w.t, 'sysadmin', TEST_PASSWORD);
}

describe('the findings table (property)', () => {
  it('equals a full recomputation from the producers after random writes and days', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), async (steps) => {
        for (const s of steps) {
          if (s.op === 'day') {
            w.t.clock.advance(s.days * DAY_MS);
            await signInAgain();
          } else {
            await write(s);
            // The writer's transaction settled its own marks: nothing waits for a read.
            expect(await marksWaiting()).toBe(0);
          }
          const res = await w.as.city_admin.get('/api/findings?pageSize=1');
          expect(res.statusCode, res.body).toBe(200);
          const table = sorted(await selectAllFindings(w.t.deps.db));
          expect(table).toEqual(await recomputed());
          expect(await pathsBehind()).toBe(0);
          expect(res.json().total).toBe(table.length);
        }
        w.t.clock.set(TEST_NOW);
        await signInAgain();
      }),
      { numRuns: Number(process.env.FINDINGS_RUNS ?? 25), endOnFailure: true },
    );
  }, 300_000);
});

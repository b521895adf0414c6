import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNTED_STATUSES, LEAVING_CATEGORIES } from '../../../domain/membership/index.ts';
import { branchRosterFindings, partyOrgTotal, ROSTER_FINDING_KINDS } from '../../../domain/org/index.ts';
import { addMonths, addYears, type IsoDate } from '../../../domain/shared/index.ts';
import { readClock } from '../../context.ts';
import { queryRows } from '../../db/client.ts';
import { memberBody, type RosterWorld, startRosterWorld } from '../../testing/fixtures/members.ts';
import { TEST_PASSWORD } from '../../testing/fixtures.ts';
import { loginAs, type TestClient } from '../../testing/test-app.ts';

/**
 * One definition of 党员总数 (docs/membership.md §1): after random histories written through the API (members
 * registered, their status changed — 转正, 停止/恢复党籍, 失联, 出党 by every T10 category, 去世 —, transferred inside
 * the deployment or out of it) with the clock moving on, the four views agree for every org: the statistics
 * (memberCount, and 停止党籍 beside it), the 增减台账 (期末应有数 = 期末实有数 = memberCount), the branch size
 * findings (judged on the same counts) and the 工作台 (its finding counts, and 党组织总数 without 党小组). The
 * reference is the member rows themselves.
 */
let w: RosterWorld;
let admin: TestClient;
const DAY_MS = 86_400_000;
const FROM = '1990-01-01';

beforeAll(async () => {
  w = await startRosterWorld();
  admin = w.as.city_admin;
});
afterAll(() => w.t.close());

const today = () => readClock(w.t.clock).today;

const step = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({ op: fc.constant('member' as const), org: fc.nat(), probation: fc.boolean() }),
  },
  {
    weight: 6,
    arbitrary: fc.record({
      op: fc.constant('event' as const),
      who: fc.nat(),
      kind: fc.constantFrom(
        'confirm',
        'suspend',
        'restore',
        'mark_unreachable',
        'mark_reachable',
        'leave',
        'record_death',
      ),
      category: fc.constantFrom(...LEAVING_CATEGORIES),
      unreachable: fc.boolean(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('transfer' as const),
      who: fc.nat(),
      to: fc.nat(),
      out: fc.boolean(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ op: fc.constant('day' as const), days: fc.integer({ min: 0, max: 200 }) }),
  },
);
type Step = typeof step extends fc.Arbitrary<infer S> ? S : never;

type Org = { id: number; path: string; kind: string; parentId: number | null };

async function liveOrgs(): Promise<Org[]> {
  const rows = await queryRows<{ id: number; path: string; kind: string; parent_id: number | null }>(
    w.t.deps.db,
    sql`select id, path::text as path, kind, parent_id from orgs where dissolved_on is null order by id`,
  );
  return rows.map((r) => ({ id: Number(r.id), path: r.path, kind: r.kind, parentId: r.parent_id }));
}

const pick = <T>(list: readonly T[], n: number): T | undefined => list[n % Math.max(list.length, 1)];

/** A write that the rules may refuse (4xx), never fail (5xx). */
async function sure(res: Promise<{ statusCode: number; body: string }>) {
  const r = await res;
  expect(r.statusCode, r.body).toBeLessThan(500);
  return r;
}

async function write(s: Exclude<Step, { op: 'day' }>): Promise<void> {
  const day = today();
  const orgs = await liveOrgs();
  if (s.op === 'member') {
    const org = pick(
      orgs.filter((o) => o.kind === 'branch' || o.kind === 'group'),
      s.org,
    );
    if (!org) return;
    const admitted = s.probation ? addMonths(day, -3) : addYears(day, -8);
    const dates = s.probation
      ? { status: 'probationary', admittedOn: admitted, confirmedOn: null }
      : { admittedOn: admitted, confirmedOn: addYears(admitted, 1) };
    await sure(admin.post('/api/members', memberBody(org.id, dates)));
    return;
  }
  const members = await queryRows<{ id: number; version: number }>(
    w.t.deps.db,
    sql`select id, version from members order by id`,
  );
  const m = pick(members, s.who);
  if (!m) return;
  if (s.op === 'event') {
    const leaving =
      s.kind === 'leave'
        ? {
            leftReason: s.category,
            approvalOrgName: '上级党委',
            approvalDocumentNo: '测组批〔2026〕1号',
            approvalOn: day,
            unreachable: s.category === 'removed_lapsed' ? s.unreachable : undefined,
          }
        : {};
    await sure(
      admin.post(`/api/members/${m.id}/events`, {
        version: m.version,
        kind: s.kind,
        effectiveOn: day,
        reason: '测试',
        ...leaving,
      }),
    );
    return;
  }
  if (s.out) {
    const letter = {
      memberId: m.id,
      externalOrgName: '外省某党支部',
      letterNo: `外转${m.id}`,
      issuedOn: day,
    };
    await sure(admin.post('/api/transfers', letter));
    return;
  }
  const to = pick(
    orgs.filter((o) => o.kind === 'branch' || o.kind === 'group'),
    s.to,
  );
  if (!to) return;
  const letter = {
    memberId: m.id,
    toOrgId: to.id,
    letterNo: `内转${m.id}`,
    issuedOn: day,
    reason: '居住地变更',
  };
  const res = await sure(admin.post('/api/transfers', letter));
  if (res.statusCode === 200) {
    const t = JSON.parse(res.body) as { id: number; version: number };
    await sure(admin.post(`/api/transfers/${t.id}/receive`, { version: t.version, receivedOn: day }));
  }
}

/** The reference: the member rows of each org's subtree, counted (党员总数), suspended and full. */
async function reference(orgs: readonly Org[]) {
  const rows = await queryRows<{ status: string; path: string }>(
    w.t.deps.db,
    sql`select m.status, o.path::text as path from members m join orgs o on o.id = m.org_id`,
  );
  const under = (path: string, root: string) => path === root || path.startsWith(`${root}.`);
  const counted = (root: string, status?: string) =>
    rows.filter(
      (r) =>
        under(r.path, root) &&
        (status ? r.status === status : (COUNTED_STATUSES as readonly string[]).includes(r.status)),
    ).length;
  return new Map(
    orgs.map((o) => [
      o.id,
      { members: counted(o.path), suspended: counted(o.path, 'suspended'), full: counted(o.path, 'full') },
    ]),
  );
}

async function expectFourViewsAgree(): Promise<void> {
  const day = today() as IsoDate;
  const orgs = await liveOrgs();
  const ref = await reference(orgs);
  for (const org of orgs) {
    const expected = ref.get(org.id) as { members: number; suspended: number; full: number };
    // 1. The statistics.
    const statsRes = await admin.get(`/api/orgs/${org.id}/stats`);
    expect(statsRes.statusCode, statsRes.body).toBe(200);
    const stats = statsRes.json();
    expect({ org: org.id, members: stats.memberCount, suspended: stats.suspendedCount }).toEqual({
      org: org.id,
      members: expected.members,
      suspended: expected.suspended,
    });
    // 2. The 增减台账: its closing and its count at the end of the period are the same 党员总数.
    const ledger = (await admin.get(`/api/orgs/${org.id}/ledger?from=${FROM}&to=${day}`)).json();
    expect({ org: org.id, closing: ledger.closing, actual: ledger.actualClosing }).toEqual({
      org: org.id,
      closing: expected.members,
      actual: expected.members,
    });
  }
  // 3. The branch size findings, judged on the same counts (a branch's own members and its 党小组's).
  const findings = (await admin.get('/api/findings?pageSize=200')).json();
  const shown = findings.items
    .filter((i: { finding: { kind: string } }) =>
      (ROSTER_FINDING_KINDS as readonly string[]).includes(i.finding.kind),
    )
    .map((i: { org: { id: number }; finding: { kind: string } }) => `${i.org.id}:${i.finding.kind}`)
    .sort();
  const due = orgs
    .filter((o) => o.kind === 'branch')
    .flatMap((b) => {
      const e = ref.get(b.id) as { members: number; full: number };
      return branchRosterFindings('branch', { members: e.members, fullMembers: e.full }, [], day).map(
        (f) => `${b.id}:${f.kind}`,
      );
    })
    .sort();
  expect(shown).toEqual(due);
  // 4. The 工作台: the same findings counted, and 党组织总数 without the 党小组.
  const workbench = (await admin.get('/api/workbench')).json();
  for (const kind of ROSTER_FINDING_KINDS) {
    const c = workbench.findingCounts[kind] ?? { warning: 0, critical: 0 };
    expect({ kind, n: c.warning + c.critical }).toEqual({
      kind,
      n: due.filter((d) => d.endsWith(`:${kind}`)).length,
    });
  }
  expect(workbench.orgTotal).toBe(partyOrgTotal(workbench.orgCounts));
  expect(workbench.orgTotal).toBe(orgs.filter((o) => o.kind !== 'group').length);
}

describe('党员总数: statistics, findings, ledger and workbench agree (property)', () => {
  it('on random histories written through the API, with the clock moving', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 14 }), async (steps) => {
        for (const s of steps) {
          if (s.op === 'day') {
            w.t.clock.advance(s.days * DAY_MS);
            // A session does not outlive its idle limit: sign in again on the new day.
            admin = await loginAs(w.t, 'city_admin', TEST_PASSWORD);
          } else await write(s);
        }
        await expectFourViewsAgree();
      }),
      { numRuns: 10 },
    );
  }, 600_000);
});

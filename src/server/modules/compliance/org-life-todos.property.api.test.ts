import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEETING_KINDS } from '../../../domain/org-life/index.ts';
import type { IsoDate } from '../../../domain/shared/index.ts';
import { queryRows } from '../../db/client.ts';
import { type RosterWorld, startRosterWorld } from '../../testing/fixtures/members.ts';
import { deleteMeeting, insertMeeting, setMeetingStatus } from '../../testing/fixtures/org-life.ts';
import { insertOrg } from '../../testing/fixtures.ts';
import type { LocatedFinding } from '../../todos/index.ts';
import { complianceTodosProducer } from './org-life.producer.ts';

/**
 * The requirements' to-dos of the daily pass, counted in the roll-up (docs/organizational-life.md §7.5), equal those
 * a write's branches get, judged from their meetings (§6): after random writes (meetings of late 2025 and of 2026
 * held, closed, reopened and deleted, 党小组 founded, committees elected, exemptions, a branch dissolved), on days
 * that reach into last year's periods, fall within the reminder days, or follow a period's end.
 */
let w: RosterWorld;
beforeAll(async () => {
  w = await startRosterWorld();
}, 60_000);
afterAll(async () => {
  await w?.t.close();
});

/** A small deterministic generator (mulberry32), so that a failure can be replayed from its seed. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAYS: IsoDate[] = ['2026-01-20', '2026-03-20', '2026-06-15', '2026-09-25', '2026-12-20'];

const sorted = (found: LocatedFinding[]) =>
  [...found].sort((a, b) => a.orgId - b.orgId || a.finding.kind.localeCompare(b.finding.kind));

describe('the daily pass of the requirements’ to-dos (from the roll-up) equals the per-branch judgement', () => {
  it('after random writes, on days across last year’s periods, reminders and ends', async () => {
    const db = w.t.deps.db;
    const rnd = random(20261206);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)] as T;
    const day = () => {
      const late2025 = rnd() < 0.25;
      const month = late2025 ? 10 + Math.floor(rnd() * 3) : 1 + Math.floor(rnd() * 12);
      return `${late2025 ? 2025 : 2026}-${String(month).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`;
    };
    const branches = [w.tree.branchA1, w.tree.branchA2, w.tree.branchB1];
    const holders = [...branches, w.tree.groupA1];
    const meetings: number[] = [];
    const seen = new Set<string>();
    for (let step = 0; step < 36; step++) {
      const action = pick([
        'insert',
        'insert',
        'insert',
        'status',
        'delete',
        'group',
        'term',
        'exempt',
        'dissolve',
      ] as const);
      if (action === 'insert' || meetings.length === 0) {
        const status = pick(['planned', 'held', 'closed', 'closed'] as const);
        meetings.push(
          await insertMeeting(db, {
            orgId: pick(holders).id,
            kinds: [...new Set([pick(MEETING_KINDS), pick(MEETING_KINDS), 'theme_day' as const])],
            status,
            heldOn: status === 'planned' ? null : day(),
            givenByHead: rnd() < 0.3,
          }),
        );
      } else if (action === 'status') {
        await setMeetingStatus(db, pick(meetings), pick(['held', 'closed', 'planned'] as const), day());
      } else if (action === 'delete') {
        const id = meetings.splice(Math.floor(rnd() * meetings.length), 1)[0] as number;
        await deleteMeeting(db, id);
      } else if (action === 'group') {
        await insertOrg(db, pick(branches), `党小组${step}`, 'group', 'community', { establishedOn: day() });
      } else if (action === 'term') {
        const org = pick(branches);
        await db.execute(
          sql`insert into committee_terms (org_id, elected_on, ends_on)
              select ${org.id}, '2025-01-01', '2030-01-01'
              where not exists (select 1 from committee_terms where org_id = ${org.id} and ended_on is null)`,
        );
      } else if (action === 'exempt') {
        const res = await w.as.city_admin.post(`/api/orgs/${pick(branches).id}/compliance/exemptions`, {
          requirementId: pick(['theme_day_monthly', 'general_meeting_quarterly'] as const),
          period: pick(['2025-12', '2025-Q4', '2026-03', '2026-Q1', '2026-09', '2026-Q3']),
          reason: '性质测试',
        });
        expect([200, 409, 422]).toContain(res.statusCode);
      } else {
        await db.execute(
          sql`update orgs set dissolved_on = ${rnd() < 0.5 ? day() : null} where id = ${w.tree.branchB1.id}`,
        );
      }
      if (step % 4 !== 3) continue;
      const ids = (await queryRows<{ id: number }>(db, sql`select id from orgs`)).map((r) => Number(r.id));
      for (const date of DAYS) {
        // The daily pass runs in a transaction of its own (keep.ts), where it brings the roll-up up to date.
        const daily = await db.transaction((tx) =>
          complianceTodosProducer.produce({ db: tx }, { orgs: 'all', date }),
        );
        const perBranch = await complianceTodosProducer.produce({ db }, { orgs: ids, date });
        expect(sorted(daily), `step ${step} (${action}), ${date}`).toEqual(sorted(perBranch));
        for (const f of daily) seen.add(`${f.finding.kind}${f.finding.message.includes('等') ? '+' : ''}`);
      }
    }
    // The run met every kind of to-do, and counts of more than one (so that the comparison could fail).
    expect([...seen].sort()).toEqual(
      expect.arrayContaining(['org_life_due', 'org_life_missing+', 'org_life_not_closed']),
    );
  }, 300_000);
});

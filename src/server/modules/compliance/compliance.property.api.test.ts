import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEETING_KINDS, parsePeriodKey } from '../../../domain/org-life/index.ts';
import { queryRows } from '../../db/client.ts';
import { expectStatus, type RosterWorld, startRosterWorld } from '../../testing/fixtures/members.ts';
import { deleteMeeting, insertMeeting, setMeetingStatus } from '../../testing/fixtures/org-life.ts';
import { insertOrg } from '../../testing/fixtures.ts';
import { naiveSubtreeFigures } from './naive.service.ts';

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

describe('the roll-up stays equal to the naive evaluation after a sequence of writes (property)', () => {
  it('meetings written, closed, reopened, moved and deleted, groups founded, committees elected, exemptions', async () => {
    const db = w.t.deps.db;
    const rnd = random(20261205);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)] as T;
    const day = () =>
      `2026-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`;
    const branches = [w.tree.branchA1, w.tree.branchA2, w.tree.branchB1];
    const holders = [...branches, w.tree.groupA1];
    const meetings: number[] = [];
    const readers = [w.tree.root, w.tree.districtA, w.tree.communityA1, w.tree.branchA1, w.tree.streetB];
    for (let step = 0; step < 40; step++) {
      const action = pick([
        'insert',
        'insert',
        'status',
        'delete',
        'group',
        'term',
        'exempt',
        'move',
        'dissolve',
      ] as const);
      if (action === 'insert' || meetings.length === 0) {
        const status = pick(['planned', 'held', 'closed'] as const);
        meetings.push(
          await insertMeeting(db, {
            orgId: pick(holders).id,
            kinds: [...new Set([pick(MEETING_KINDS), pick(MEETING_KINDS)])],
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
          period: pick(['2026-02', '2026-05', '2026-Q1', '2026-Q2']),
          reason: '性质测试',
        });
        expect([200, 409, 422]).toContain(res.statusCode);
      } else if (action === 'move') {
        // A community moves to the other street: its rows leave one district's totals for the other's.
        const target = pick([w.tree.streetA, w.tree.streetB]);
        await db.execute(
          sql`with c as (select path as old from orgs where id = ${w.tree.communityA2.id})
              update orgs o set path = ${target.path}::ltree || subpath(o.path, nlevel(c.old) - 1),
                     parent_id = case when o.id = ${w.tree.communityA2.id} then ${target.id} else o.parent_id end
              from c where o.path <@ c.old`,
        );
      } else {
        await db.execute(
          sql`update orgs set dissolved_on = ${rnd() < 0.5 ? day() : null} where id = ${w.tree.branchB1.id}`,
        );
      }
      for (const org of readers) {
        const [{ path } = { path: '' }] = await queryRows<{ path: string }>(
          db,
          sql`select path::text as path from orgs where id = ${org.id}`,
        );
        for (const period of [
          pick(['2026-Q1', '2026-Q2', '2026-Q3']),
          pick(['2026', '2026-03', '2026-06']),
        ]) {
          const res = await w.as.city_admin.get(`/api/orgs/${org.id}/compliance?period=${period}`);
          expectStatus(res, 200);
          const { rate: _rate, ...figures } = res.json().figures;
          const naive = await naiveSubtreeFigures(
            db,
            path,
            parsePeriodKey(period) ?? { year: 0 },
            '2026-06-15',
          );
          expect(figures, `step ${step} (${action}), org ${org.id}, ${period}`).toEqual(naive);
        }
      }
      const [marks] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from org_life_dirty`);
      expect(marks?.n).toBe(0);
    }
  }, 240_000);
});

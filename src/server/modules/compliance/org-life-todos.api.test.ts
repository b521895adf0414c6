import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMember, type RosterWorld, startRosterWorld } from '../../testing/fixtures/members.ts';
import { insertMeeting } from '../../testing/fixtures/org-life.ts';
import { TEST_PASSWORD } from '../../testing/fixtures.ts';
import { loginAs, TEST_NOW, type TestClient } from '../../testing/test-app.ts';

let w: RosterWorld;
beforeAll(async () => {
  w = await startRosterWorld();
}, 60_000);
afterAll(async () => {
  await w?.t.close();
});

type Item = {
  org: { id: number };
  finding: { kind: string; severity: string; message: string; subject?: { type: string; id: number } };
};
let secretary: TestClient;
/** The clock moved by months: the session has expired, the secretary signs in again. */
async function moveClock(to: Date) {
  w.t.clock.set(to);
  secretary = await loginAs(w.t, 'sec_a1', TEST_PASSWORD);
}
async function orgLifeTodos(): Promise<Item[]> {
  const res = await (secretary ?? w.as.sec_a1).get('/api/findings?pageSize=200');
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items.filter((i: Item) => i.finding.kind.startsWith('org_life_'));
}

/** The member `memberId` 应到会 at a meeting of the branch held on `day`, with this attendance. */
async function attended(
  memberId: number,
  day: string,
  attendance: 'present' | 'absent' | 'leave',
  makeUpOn?: string,
) {
  const id = await insertMeeting(w.t.deps.db, {
    orgId: w.tree.branchA1.id,
    kinds: ['theme_day'],
    status: 'closed',
    heldOn: day,
  });
  await w.t.deps.db.execute(
    sql`insert into meeting_attendees (meeting_id, member_id, has_vote, attendance, make_up_on)
        values (${id}, ${memberId}, true, ${attendance}, ${makeUpOn ?? null}::date)`,
  );
}

describe('the to-dos of organizational life (today 2026-06-15)', () => {
  it('give none to a branch that has recorded no meeting', async () => {
    expect(await orgLifeTodos()).toEqual([]);
  });

  it("begin with the branch's first meeting: past shortfalls are missing, the quarter ending is due", async () => {
    await insertMeeting(w.t.deps.db, {
      orgId: w.tree.branchA1.id,
      kinds: ['theme_day'],
      status: 'closed',
      heldOn: '2026-02-10',
    });
    const todos = await orgLifeTodos();
    const byKind = Object.fromEntries(todos.map((t) => [t.finding.kind, t]));
    expect(Object.keys(byKind).sort()).toEqual(['org_life_due', 'org_life_missing']);
    expect(byKind.org_life_missing).toMatchObject({
      org: { id: w.tree.branchA1.id },
      finding: { severity: 'critical' },
    });
    // The first shortfall after February is March's 主题党日 (or 党小组会): never January's, before the first meeting.
    expect(byKind.org_life_missing?.finding.message).toMatch(/^2026年3月.*等\d+项$/);
    expect(byKind.org_life_due?.finding.message).toMatch(/即将结束/);
    const held = await insertMeeting(w.t.deps.db, {
      orgId: w.tree.groupA1.id,
      kinds: ['group_meeting'],
      status: 'held',
      heldOn: '2026-06-02',
    });
    expect((await orgLifeTodos()).map((t) => t.finding.kind)).toContain('org_life_not_closed');
    await w.t.deps.db.execute(
      sql`update meetings set status = 'closed', closed_at = now() where id = ${held}`,
    );
    expect((await orgLifeTodos()).map((t) => t.finding.kind)).not.toContain('org_life_not_closed');
  });

  it('warn about a member absent 3 and 5 months, and at 6 ask the branch to decide (党章第九条), status unchanged', async () => {
    const member = await createMember(w.as.sec_a1, w.tree.branchA1.id, {}, { name: '李缺席' });
    const about = async () =>
      (await orgLifeTodos()).filter(
        (t) => t.finding.subject?.type === 'member' && t.finding.subject.id === member.id,
      );
    await attended(member.id, '2026-02-12', 'present');
    await attended(member.id, '2026-03-12', 'absent');
    await attended(member.id, '2026-04-12', 'leave');
    expect(await about()).toEqual([]);
    await attended(member.id, '2026-05-12', 'absent');
    const three = await about();
    expect(three.map((t) => [t.finding.kind, t.finding.severity])).toEqual([['org_life_absent', 'warning']]);
    expect(three[0]?.finding.message).toMatch(/李缺席已连续3个月未参加党的组织生活（2026年3月至2026年5月）/);

    // A 补课 in May counts as taking part: the run ends there.
    await w.t.deps.db.execute(
      sql`update meeting_attendees set make_up_on = '2026-05-20' where member_id = ${member.id} and attendance = 'absent'
          and meeting_id = (select id from meetings where held_on = '2026-05-12' and org_id = ${w.tree.branchA1.id} order by id desc limit 1)`,
    );
    expect(await about()).toEqual([]);
    await w.t.deps.db.execute(
      sql`update meeting_attendees set make_up_on = null where member_id = ${member.id}`,
    );

    await attended(member.id, '2026-06-12', 'absent');
    await attended(member.id, '2026-07-12', 'absent');
    await attended(member.id, '2026-08-12', 'absent');
    await moveClock(new Date('2026-08-15T01:00:00Z'));
    try {
      const five = await about();
      expect(five.map((t) => t.finding.kind)).toEqual(['org_life_absent']);
      expect(five[0]?.finding.message).toMatch(/连续5个月.*再有一个月将满六个月/);
      await attended(member.id, '2026-08-20', 'absent');
      await moveClock(new Date('2026-09-15T01:00:00Z'));
      // No meeting in September yet: August is the last full month.
      const six = await about();
      expect(six.map((t) => [t.finding.kind, t.finding.severity])).toEqual([['org_life_lapse', 'critical']]);
      expect(six[0]?.finding.message).toMatch(/连续6个月.*支部大会讨论是否按自行脱党处理/);
      const detail = (await secretary.get(`/api/members/${member.id}`)).json();
      expect(detail.status).toBe('full');
    } finally {
      w.t.clock.set(TEST_NOW);
    }
  });
});

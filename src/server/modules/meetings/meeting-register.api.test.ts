import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client.ts';
import { meetingAttendees, meetings } from '../../db/tables/meetings.ts';
import { auditRows } from '../../testing/audit-rows.ts';
import {
  createMember,
  expectStatus,
  issuePaths,
  type RosterWorld,
  startRosterWorld,
} from '../../testing/fixtures/members.ts';
import type { TestResponse } from '../../testing/test-app.ts';

/**
 * 会议记录本 over meetings written straight into the tables (the meetings API is not what is tested here): in
 * 和平社区第一党支部 a 党小组会 and a 支部党员大会 (with a 党课) closed in 2026, one only held, one of 2025; one of
 * another branch.
 */
let w: RosterWorld;
const member: Record<string, number> = {};

type MeetingSeed = {
  orgId: number;
  on: string;
  kinds: string[];
  topic: string;
  closed?: boolean;
  extra?: Partial<typeof meetings.$inferInsert>;
};

async function insertMeeting(db: Db, m: MeetingSeed): Promise<number> {
  const start = new Date(`${m.on}T01:00:00Z`); // 09:00 in Asia/Shanghai
  const [row] = await db
    .insert(meetings)
    .values({
      orgId: m.orgId,
      kinds: m.kinds,
      status: m.closed === false ? 'held' : 'closed',
      topic: m.topic,
      plannedStart: start,
      heldStart: start,
      heldEnd: new Date(start.getTime() + 2 * 3600_000),
      heldOn: m.on,
      closedAt: m.closed === false ? null : start,
      checkInSecret: 'secret',
      ...m.extra,
    } as typeof meetings.$inferInsert)
    .returning({ id: meetings.id });
  return (row as { id: number }).id;
}

beforeAll(async () => {
  w = await startRosterWorld();
  for (const name of ['张三', '王五', '赵六', '钱七']) {
    member[name] = (await createMember(w.as.city_admin, w.tree.branchA1.id, {}, { name })).id;
  }
  const db = w.t.deps.db;
  const general = await insertMeeting(db, {
    orgId: w.tree.branchA1.id,
    on: '2026-03-10',
    kinds: ['general_meeting', 'party_lecture'],
    topic: '学习党章',
    extra: {
      place: '社区活动室',
      hostMemberId: member.张三,
      recorderName: '李四',
      minutes: '书记讲党课，大家讨论。',
      resolutions: '通过学习计划。',
    },
  });
  await db.insert(meetingAttendees).values([
    { meetingId: general, memberId: member.张三 as number, hasVote: true, attendance: 'present' },
    {
      meetingId: general,
      memberId: member.王五 as number,
      hasVote: true,
      attendance: 'leave',
      leaveReason: '出差',
      makeUpOn: '2026-03-20',
    },
    { meetingId: general, memberId: member.赵六 as number, hasVote: true, attendance: 'absent' },
    { meetingId: general, memberId: member.钱七 as number, hasVote: true, excludedReason: 'abroad' },
  ]);
  await insertMeeting(db, {
    orgId: w.tree.groupA1.id,
    on: '2026-02-05',
    kinds: ['group_meeting'],
    topic: '党小组学习',
  });
  await insertMeeting(db, {
    orgId: w.tree.branchA1.id,
    on: '2026-04-01',
    kinds: ['theme_day'],
    topic: '未办结',
    closed: false,
  });
  await insertMeeting(db, {
    orgId: w.tree.branchA1.id,
    on: '2025-12-20',
    kinds: ['life_meeting'],
    topic: '去年的会',
  });
  await insertMeeting(db, {
    orgId: w.tree.branchA2.id,
    on: '2026-03-11',
    kinds: ['committee_meeting'],
    topic: '别的支部',
  });
});
afterAll(() => w.t.close());

describe('GET /api/orgs/:id/meeting-register (会议记录本)', () => {
  it('lists the closed meetings of the branch and its groups in the year, oldest first, with attendance by name', async () => {
    const res = await w.as.sec_a1.get(`/api/orgs/${w.tree.branchA1.id}/meeting-register?year=2026`);
    expectStatus(res, 200);
    const view = res.json();
    expect(view).toMatchObject({ orgId: w.tree.branchA1.id, orgName: w.tree.branchA1.name, year: 2026 });
    expect(view.meetings.map((m: { topic: string }) => m.topic)).toEqual(['党小组学习', '学习党章']);
    expect(view.meetings[0]).toMatchObject({ orgName: w.tree.groupA1.name, kinds: ['group_meeting'] });
    expect(view.meetings[1]).toEqual({
      meetingId: expect.any(Number),
      orgId: w.tree.branchA1.id,
      orgName: w.tree.branchA1.name,
      heldOn: '2026-03-10',
      startTime: '09:00',
      endTime: '11:00',
      kinds: ['general_meeting', 'party_lecture'],
      topic: '学习党章',
      place: '社区活动室',
      host: '张三',
      recorder: '李四',
      // 钱七 is abroad, out of 应到会.
      expected: 3,
      present: 1,
      leave: 1,
      absent: 1,
      absentees: [
        { name: '王五', attendance: 'leave', leaveReason: '出差', makeUpOn: '2026-03-20' },
        { name: '赵六', attendance: 'absent', leaveReason: null, makeUpOn: null },
      ],
      minutes: '书记讲党课，大家讨论。',
      resolutions: '通过学习计划。',
    });
    const lastYear = (
      await w.as.sec_a1.get(`/api/orgs/${w.tree.branchA1.id}/meeting-register?year=2025`)
    ).json();
    expect(lastYear.meetings.map((m: { topic: string }) => m.topic)).toEqual(['去年的会']);
  });

  it('answers 401, 403, 404 and 400 as every route does', async () => {
    const url = (id: number, q = 'year=2026') => `/api/orgs/${id}/meeting-register?${q}`;
    expectStatus(await w.t.anon.get(url(w.tree.branchA1.id)), 401);
    expectStatus(await w.as.member.get(url(w.tree.branchA1.id)), 403);
    expectStatus(await w.as.sysadmin.get(url(w.tree.branchA1.id)), 403);
    expectStatus(await w.as.sec_b1.get(url(w.tree.branchA1.id)), 404);
    expect(issuePaths(await w.as.sec_a1.get(url(w.tree.branchA1.id, 'year=1990')))).toEqual([
      'querystring.year',
    ]);
    expect(issuePaths(await w.as.sec_a1.get(url(w.tree.branchA1.id, '')))).toEqual(['querystring.year']);
  });
});

async function workbookOf(res: TestResponse): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return workbook;
}

function texts(ws: ExcelJS.Worksheet | undefined): string[][] {
  const rows: string[][] = [];
  ws?.eachRow((row) => {
    const values = row.values as ExcelJS.CellValue[];
    rows.push(
      values.slice(1).map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v ?? ''))),
    );
  });
  return rows;
}

describe('GET /api/orgs/:id/meeting-register/export', () => {
  it('writes the list and one sheet per meeting to a workbook named after the org and year, audited', async () => {
    const res = await w.as.sec_a1.get(`/api/orgs/${w.tree.branchA1.id}/meeting-register/export?year=2026`);
    expectStatus(res, 200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain(
      `会议记录本-${w.tree.branchA1.name}-2026.xlsx`,
    );
    const workbook = await workbookOf(res);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['目录', '1 2026-02-05', '2 2026-03-10']);
    const list = texts(workbook.getWorksheet('目录'));
    expect(list[0]?.slice(0, 6)).toEqual(['序号', '日期', '时间', '召开组织', '会议类型', '主题']);
    expect(list.slice(1).map((r) => r.slice(0, 6))).toEqual([
      ['1', '2026-02-05', '09:00–11:00', w.tree.groupA1.name, '党小组会', '党小组学习'],
      ['2', '2026-03-10', '09:00–11:00', w.tree.branchA1.name, '支部党员大会、党课', '学习党章'],
    ]);
    expect(list[2]?.slice(9)).toEqual([
      '3',
      '1',
      '1',
      '1',
      '王五（请假：出差，已补课 2026-03-20）、赵六（缺席）',
      '通过学习计划。',
    ]);
    const detail = texts(workbook.getWorksheet('2 2026-03-10'));
    expect(detail[0]).toEqual([`${w.tree.branchA1.name} 会议记录（第2次）`]);
    expect(detail).toContainEqual(['主持人', '张三']);
    expect(detail).toContainEqual(['应到 / 实到 / 请假 / 缺席', '3 / 1 / 1 / 1']);
    expect(detail).toContainEqual(['会议记录', '书记讲党课，大家讨论。']);
    const [audit] = await auditRows(w.t.deps.db, 'meeting.register_export');
    expect(audit).toMatchObject({
      actorUsername: 'sec_a1',
      role: 'secretary',
      entityType: 'org',
      orgId: w.tree.branchA1.id,
      diff: { note: { year: 2026, meetingCount: 2 } },
    });
  });

  it('answers 401, 403 and 404 before writing anything or auditing', async () => {
    const url = (id: number) => `/api/orgs/${id}/meeting-register/export?year=2026`;
    const before = (await auditRows(w.t.deps.db, 'meeting.register_export')).length;
    expectStatus(await w.t.anon.get(url(w.tree.branchA1.id)), 401);
    expectStatus(await w.as.member.get(url(w.tree.branchA1.id)), 403);
    expectStatus(await w.as.sec_b1.get(url(w.tree.branchA1.id)), 404);
    expect(await auditRows(w.t.deps.db, 'meeting.register_export')).toHaveLength(before);
  });
});

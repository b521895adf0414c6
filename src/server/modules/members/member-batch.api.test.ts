import { count, inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEMBER_SELECTION_MAX } from '../../../contracts/member-batch.ts';
import { auditLog } from '../../db/tables/audit.ts';
import { memberEvents } from '../../db/tables/people.ts';
import { auditRows } from '../../testing/actors.ts';
import {
  createMember,
  expectRule,
  expectStatus,
  orgStats,
  type RosterWorld,
  startRosterWorld,
} from '../../testing/fixtures/members.ts';
import { writeMembers } from '../../testing/fixtures/stats.ts';
import { createUser, TEST_PASSWORD } from '../../testing/fixtures.ts';
import { loginAs, type TestClient, type TestResponse } from '../../testing/test-app.ts';

/**
 * Batch operations on the roster (批量操作): one selection (ids, or the roster's filter resolved in the scope at the
 * time of the act) for 调整党小组, 批量开通账号 and 导出; all or nothing; ids outside the scope are 404 for the batch.
 */
let w: RosterWorld;
let auditor: TestClient;
const ON = '2026-06-01';

beforeAll(async () => {
  w = await startRosterWorld();
  await createUser(w.t.deps.db, {
    username: 'auditor',
    orgId: w.tree.root.id,
    roles: [{ role: 'audit_admin' }],
  });
  auditor = await loginAs(w.t, 'auditor', TEST_PASSWORD);
});
afterAll(() => w.t.close());

const move = (memberIds: number[], toOrgId = w.tree.groupA1.id) => ({
  selection: { memberIds },
  toOrgId,
  effectiveOn: ON,
  reason: '按居住地划分党小组',
});
const orgOf = async (id: number) => (await w.as.sec_a1.get(`/api/members/${id}`)).json().orgId;
const eventsOf = async (ids: number[]) =>
  (await w.t.deps.db.select({ n: count() }).from(memberEvents).where(inArray(memberEvents.memberId, ids)))[0]
    ?.n;
const rosterTotal = async (orgId: number) =>
  (await w.as.sec_a1.get(`/api/members?orgId=${orgId}&status=full,probationary`)).json().total;

describe('POST /api/members/batch/move (调整党小组)', () => {
  it('moves the ticked members into a group of their branch: history, audit, and the rollup agrees with the roster', async () => {
    const a = await createMember(w.as.sec_a1, w.tree.branchA1.id, {}, { name: '移甲' });
    const b = await createMember(w.as.sec_a1, w.tree.branchA1.id, {}, { name: '移乙' });
    const before = {
      branch: await orgStats(w.t.deps.db, w.tree.branchA1.id),
      group: await orgStats(w.t.deps.db, w.tree.groupA1.id),
    };
    const res = await w.as.sec_a1.post('/api/members/batch/move', move([a.id, b.id]));
    expectStatus(res, 200);
    expect(res.json()).toEqual({ count: 2, memberIds: expect.arrayContaining([a.id, b.id]) });
    expect(await orgOf(a.id)).toBe(w.tree.groupA1.id);
    const detail = (await w.as.sec_a1.get(`/api/members/${b.id}`)).json();
    expect(detail.orgId).toBe(w.tree.groupA1.id);
    expect(detail.events.at(-1)).toMatchObject({
      kind: 'org_changed',
      orgId: w.tree.branchA1.id,
      toOrgId: w.tree.groupA1.id,
      effectiveOn: ON,
    });
    const [audited] = await auditRows(w.t.deps.db, 'member.group_move', a.id);
    expect(audited).toMatchObject({
      actorUsername: 'sec_a1',
      orgId: w.tree.branchA1.id,
      diff: { before: { orgId: w.tree.branchA1.id }, after: { orgId: w.tree.groupA1.id } },
    });
    const after = {
      branch: await orgStats(w.t.deps.db, w.tree.branchA1.id),
      group: await orgStats(w.t.deps.db, w.tree.groupA1.id),
    };
    expect(after.branch.member_count).toBe((before.branch.member_count ?? 0) - 2);
    expect(after.group.member_count).toBe((before.group.member_count ?? 0) + 2);
    // The rollup (org_stats) and the roster count the same members.
    expect(after.group.member_count).toBe(await rosterTotal(w.tree.groupA1.id));
    const branchOwn = (await rosterTotal(w.tree.branchA1.id)) - (await rosterTotal(w.tree.groupA1.id));
    expect(after.branch.member_count).toBe(branchOwn);
    // And so does the statistics page: the branch's 党员总数 and the group's own roster.
    const stats = async (orgId: number) => (await w.as.sec_a1.get(`/api/orgs/${orgId}/stats`)).json();
    const onRoster = async (orgId: number) =>
      (await w.as.sec_a1.get(`/api/members?orgId=${orgId}&status=full,probationary,unreachable`)).json()
        .total;
    expect((await stats(w.tree.branchA1.id)).memberCount).toBe(await onRoster(w.tree.branchA1.id));
    expect((await stats(w.tree.groupA1.id)).ownMemberCount).toBe(await onRoster(w.tree.groupA1.id));
    expect((await stats(w.tree.groupA1.id)).ownMemberCount).toBe(after.group.member_count);
  });

  it('takes the roster filter, resolved at the time of the act, and moves members back to the branch itself', async () => {
    const c = await createMember(w.as.sec_a1, w.tree.groupA1.id, {}, { name: '筛选归支部' });
    const res = await w.as.sec_a1.post('/api/members/batch/move', {
      selection: { filter: { orgId: String(w.tree.groupA1.id), q: '筛选归支部' } },
      toOrgId: w.tree.branchA1.id,
      effectiveOn: ON,
    });
    expectStatus(res, 200);
    expect(res.json()).toEqual({ count: 1, memberIds: [c.id] });
    expect(await orgOf(c.id)).toBe(w.tree.branchA1.id);
  });

  it('refuses the whole batch, naming each member and why, when any one cannot move (nothing written)', async () => {
    const ok = await createMember(w.as.admin_a, w.tree.branchA1.id, {}, { name: '可移' });
    const elsewhere = await createMember(w.as.admin_a, w.tree.branchA2.id, {}, { name: '别支部' });
    const there = await createMember(w.as.admin_a, w.tree.groupA1.id, {}, { name: '已在组' });
    const ids = [ok.id, elsewhere.id, there.id];
    const events = await eventsOf(ids);
    const res = await w.as.admin_a.post('/api/members/batch/move', move(ids));
    expectRule(res, 'batch_refused');
    const { message, details } = res.json().error;
    expect(message).toContain('别支部');
    expect(message).toContain('已在组');
    expect(message).not.toContain('可移（');
    expect(details.members).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ memberId: elsewhere.id, reason: 'group_move_outside_branch' }),
        expect.objectContaining({ memberId: there.id, reason: 'group_move_same_org' }),
      ]),
    );
    expect(details.members).toHaveLength(2);
    expect(await orgOf(ok.id)).toBe(w.tree.branchA1.id);
    expect(await eventsOf(ids)).toBe(events);
  });

  it('answers 404 for the whole batch when one id lies outside the scope, and writes nothing', async () => {
    const mine = await createMember(w.as.sec_a1, w.tree.branchA1.id, {}, { name: '本辖' });
    const theirs = await createMember(w.as.sec_b1, w.tree.branchB1.id, {}, { name: '外辖' });
    const audits = (await auditRows(w.t.deps.db, 'member.group_move')).length;
    expectStatus(await w.as.sec_a1.post('/api/members/batch/move', move([mine.id, theirs.id])), 404);
    expectStatus(await w.as.sec_b1.post('/api/members/batch/move', move([theirs.id])), 404);
    expect(await orgOf(mine.id)).toBe(w.tree.branchA1.id);
    expect(await auditRows(w.t.deps.db, 'member.group_move')).toHaveLength(audits);
  });

  it('answers 401 without a session, 403 to a member, the system and the audit administrator; 400 for an empty selection', async () => {
    const m = await createMember(w.as.sec_a1, w.tree.branchA1.id);
    expectStatus(await w.t.anon.post('/api/members/batch/move', move([m.id])), 401);
    expectStatus(await w.as.member.post('/api/members/batch/move', move([m.id])), 403);
    expectStatus(await w.as.sysadmin.post('/api/members/batch/move', move([m.id])), 403);
    expectStatus(await auditor.post('/api/members/batch/move', move([m.id])), 403);
    expectStatus(await w.as.sec_a1.post('/api/members/batch/move', move([])), 400);
    expectStatus(
      await w.as.sec_a1.post('/api/members/batch/move', {
        ...move([m.id]),
        selection: { memberIds: [m.id], filter: {} },
      }),
      400,
    );
  });
});

describe('the size of a selection', () => {
  it(`refuses more than ${MEMBER_SELECTION_MAX} ids (400) and a filter matching more (422), writing nothing`, async () => {
    const ids = Array.from({ length: MEMBER_SELECTION_MAX + 1 }, (_, i) => i + 1);
    expectStatus(await w.as.sec_b1.post('/api/members/batch/move', move(ids, w.tree.branchB1.id)), 400);
    const roster = Array.from({ length: MEMBER_SELECTION_MAX + 1 }, () => ({
      orgId: w.tree.branchB1.id,
      status: 'full' as const,
      gender: 'male' as const,
      ethnicity: '01',
      birthDate: '1980-01-01',
      education: '21',
      workPost: '0212',
      admittedOn: '2005-07-01',
      category: 'employed' as const,
      isMobile: false,
      isHardship: false,
    }));
    await writeMembers(w.t, roster);
    const audited = (await auditRows(w.t.deps.db, 'user.initial_passwords_export')).length;
    const res = await w.as.sec_b1.post('/api/members/accounts', {
      selection: { filter: { orgId: String(w.tree.branchB1.id) } },
    });
    expectRule(res, 'selection_too_large');
    expect(res.json().error.message).toContain('请缩小筛选范围');
    expect(await auditRows(w.t.deps.db, 'user.initial_passwords_export')).toHaveLength(audited);
  });
});

describe('POST /api/members/:id/move (one member)', () => {
  it('moves at the version read, refuses a target outside the branch, answers 404 outside the scope', async () => {
    const m = await createMember(w.as.sec_a1, w.tree.branchA1.id, {}, { name: '单移' });
    const body = { version: m.version, toOrgId: w.tree.groupA1.id, effectiveOn: ON };
    expectStatus(await w.t.anon.post(`/api/members/${m.id}/move`, body), 401);
    expectStatus(await w.as.member.post(`/api/members/${m.id}/move`, body), 403);
    expectStatus(await w.as.sec_b1.post(`/api/members/${m.id}/move`, body), 404);
    expectRule(
      await w.as.admin_a.post(`/api/members/${m.id}/move`, { ...body, toOrgId: w.tree.branchA2.id }),
      'group_move_outside_branch',
    );
    expectRule(
      await w.as.sec_a1.post(`/api/members/${m.id}/move`, { ...body, effectiveOn: '2026-06-16' }),
      'event_in_future',
    );
    const res = await w.as.sec_a1.post(`/api/members/${m.id}/move`, body);
    expectStatus(res, 200);
    expect(res.json()).toMatchObject({ orgId: w.tree.groupA1.id, orgName: '和平社区第一党小组' });
    expectStatus(await w.as.sec_a1.post(`/api/members/${m.id}/move`, body), 409);
  });
});

async function workbookOf(res: TestResponse): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return workbook;
}
const namesIn = (ws: ExcelJS.Worksheet | undefined, column: number) => {
  const names: string[] = [];
  ws?.eachRow((row, n) => {
    if (n > 1) names.push(String(row.getCell(column).value ?? ''));
  });
  return names;
};

describe('POST /api/members/accounts (批量开通账号, the selection)', () => {
  it('opens the accounts of the ticked members only; an id outside the scope is 404 with nothing opened', async () => {
    const a = await createMember(w.as.sec_a1, w.tree.branchA1.id, {}, { name: '开户甲' });
    const b = await createMember(w.as.sec_a1, w.tree.branchA1.id, {}, { name: '开户乙' });
    await createMember(w.as.sec_a1, w.tree.branchA1.id, {}, { name: '开户丙' });
    const theirs = await createMember(w.as.sec_b1, w.tree.branchB1.id, {}, { name: '开户外' });
    const refused = await w.as.sec_a1.post('/api/members/accounts', {
      selection: { memberIds: [a.id, theirs.id] },
    });
    expectStatus(refused, 404);
    expect((await w.as.sec_a1.get(`/api/members/${a.id}/account`)).json().account).toBeNull();
    expectStatus(await auditor.post('/api/members/accounts', { selection: { memberIds: [a.id] } }), 403);

    const res = await w.as.sec_a1.post('/api/members/accounts', { selection: { memberIds: [a.id, b.id] } });
    expectStatus(res, 200);
    const opened = namesIn((await workbookOf(res)).getWorksheet('初始密码'), 2);
    expect(opened.sort()).toEqual(['开户乙', '开户甲'].sort());
  });
});

describe('POST /api/members/export (导出 the selection)', () => {
  it('exports exactly the ticked members, masked, audited with the ids', async () => {
    const a = await createMember(w.as.admin_a, w.tree.branchA2.id, {}, { name: '导出甲' });
    await createMember(w.as.admin_a, w.tree.branchA2.id, {}, { name: '导出乙' });
    const res = await w.as.admin_a.post('/api/members/export', { selection: { memberIds: [a.id] } });
    expectStatus(res, 200);
    const sheet = (await workbookOf(res)).worksheets[0];
    const header = ((sheet?.getRow(1).values ?? []) as string[]).slice(1);
    const rows = namesIn(sheet, header.indexOf('姓名') + 1);
    expect(rows).toEqual(['导出甲']);
    const id = String(sheet?.getRow(2).getCell(header.indexOf('公民身份号码') + 1).value);
    expect(id).toContain('*');
    const [audited] = await auditRows(w.t.deps.db, 'member.export');
    expect(audited?.diff).toMatchObject({ note: { memberIds: [a.id], memberCount: 1, reveal: false } });
  });

  it('exports everyone the filter matches now, whatever their status; 404 outside the scope; 401; 403', async () => {
    await createMember(w.as.admin_a, w.tree.branchA2.id, {}, { name: '筛导一' });
    await createMember(w.as.admin_a, w.tree.branchA2.id, {}, { name: '筛导二' });
    const filter = { orgId: String(w.tree.branchA2.id), q: '筛导' };
    const res = await w.as.admin_a.post('/api/members/export', { selection: { filter } });
    expectStatus(res, 200);
    const sheet = (await workbookOf(res)).worksheets[0];
    const header = ((sheet?.getRow(1).values ?? []) as string[]).slice(1);
    expect(namesIn(sheet, header.indexOf('姓名') + 1).sort()).toEqual(['筛导一', '筛导二'].sort());
    const theirs = await createMember(w.as.sec_b1, w.tree.branchB1.id);
    const before = (await w.t.deps.db.select({ n: count() }).from(auditLog))[0]?.n;
    expectStatus(
      await w.as.admin_a.post('/api/members/export', { selection: { memberIds: [theirs.id] } }),
      404,
    );
    expectStatus(await w.as.sec_a1.post('/api/members/export', { selection: { filter } }), 404);
    expect((await w.t.deps.db.select({ n: count() }).from(auditLog))[0]?.n).toBe(before);
    expectStatus(await w.t.anon.post('/api/members/export', { selection: { filter } }), 401);
    expectStatus(await w.as.sysadmin.post('/api/members/export', { selection: { filter } }), 403);
    expectStatus(
      await w.as.sec_a1.post('/api/members/export', { selection: { filter: {} }, reveal: 'idNumber' }),
      403,
    );
  });
});

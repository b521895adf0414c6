import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../db/tables/users.ts';
import { auditRows, reasonOf } from '../../testing/actors.ts';
import {
  createMember,
  expectRule,
  expectStatus,
  linkUser,
  type RosterWorld,
  startRosterWorld,
} from '../../testing/fixtures/members.ts';
import { createUser, TEST_PASSWORD } from '../../testing/fixtures.ts';
import { loginAs, type TestClient, type TestResponse } from '../../testing/test-app.ts';

/** Accounts for members (开通账号, docs/security.md §2.1): who may open them, for whom, and closing on leaving. */
let w: RosterWorld;
const NEW_PASSWORD = 'Zhou-Min#2027';

beforeAll(async () => {
  w = await startRosterWorld();
});
afterAll(() => w.t.close());

const accountOf = (username: string) =>
  w.t.deps.db
    .select()
    .from(users)
    .where(eq(users.username, username))
    .then((rows) => rows[0]);

/** Logs in with the initial password, changes it as the first login demands, and answers the client. */
async function firstLogin(username: string, initialPassword: string): Promise<TestClient> {
  const client = await loginAs(w.t, username, initialPassword);
  const blocked = await client.get('/api/me/member');
  expectStatus(blocked, 403);
  expect(reasonOf(blocked)).toBe('password_change_required');
  const changed = await client.post('/api/auth/password', {
    currentPassword: initialPassword,
    newPassword: NEW_PASSWORD,
  });
  expectStatus(changed, 200);
  return loginAs(w.t, username, NEW_PASSWORD);
}

describe('GET /api/members/:id/account', () => {
  it('answers 401 without a session, 404 outside the scope, 403 to roles without member.read', async () => {
    const m = await createMember(w.as.sec_a1, w.tree.branchA1.id);
    expectStatus(await w.t.anon.get(`/api/members/${m.id}/account`), 401);
    expectStatus(await w.as.sec_b1.get(`/api/members/${m.id}/account`), 404);
    expectStatus(await w.as.admin_b.get(`/api/members/${m.id}/account`), 404);
    expectStatus(await w.as.sysadmin.get(`/api/members/${m.id}/account`), 403);
    expectStatus(await w.as.member.get(`/api/members/${m.id}/account`), 403);
  });

  it('tells the secretary that the member has no account and that one may be opened', async () => {
    const m = await createMember(w.as.sec_a1, w.tree.branchA1.id);
    const res = await w.as.sec_a1.get(`/api/members/${m.id}/account`);
    expectStatus(res, 200);
    expect(res.json()).toEqual({ account: null, canOpen: true, refusal: null });
  });
});

describe('POST /api/members/:id/account', () => {
  it('answers 401 without a session, 403 to the system administrator and a member, 404 outside the scope', async () => {
    const m = await createMember(w.as.sec_a1, w.tree.branchA1.id);
    const url = `/api/members/${m.id}/account`;
    expectStatus(await w.t.anon.post(url), 401);
    // The system administrator manages business accounts but reads no member: not theirs (三员分立).
    expectStatus(await w.as.sysadmin.post(url), 403);
    expectStatus(await w.as.member.post(url), 403);
    expectStatus(await w.as.sec_b1.post(url), 404);
    expectStatus(await w.as.admin_b.post(url), 404);
    expect((await w.as.sec_a1.get(`/api/members/${m.id}/account`)).json().account).toBeNull();
  });

  it("lets the branch's secretary open the account: one role, a generated password to change at first login", async () => {
    const m = await createMember(w.as.sec_a1, w.tree.branchA1.id, {}, { name: '周敏' });
    const res = await w.as.sec_a1.post(`/api/members/${m.id}/account`);
    expectStatus(res, 200);
    const opened = res.json();
    expect(opened).toMatchObject({
      memberId: m.id,
      name: '周敏',
      username: `dy${String(m.id).padStart(6, '0')}`,
    });
    expect(opened.initialPassword).toHaveLength(12);

    const row = await accountOf(opened.username);
    expect(row).toMatchObject({ personId: m.personId, mustChangePassword: true, deactivatedAt: null });
    expect(row?.orgId).toBe(w.tree.branchA1.id);
    expect(row?.passwordHash.startsWith('$argon2id$')).toBe(true);
    expect(row?.passwordHash).not.toContain(opened.initialPassword);

    const [open] = await auditRows(w.t.deps.db, 'user.member_account_open', row?.id);
    expect(open).toMatchObject({ actorUsername: 'sec_a1', role: 'secretary', orgId: w.tree.branchA1.id });
    expect(JSON.stringify(open?.diff)).not.toContain(opened.initialPassword);
    const grants = await auditRows(w.t.deps.db, 'role.grant');
    expect(grants.some((g) => JSON.stringify(g.diff).includes(opened.username))).toBe(true);

    // The member signs in, must change the password first, then sees their own record.
    const member = await firstLogin(opened.username, opened.initialPassword);
    const me = await member.get('/api/me/member');
    expectStatus(me, 200);
    expect(me.json()).toMatchObject({ id: m.id, name: '周敏' });
    // …and nothing else: the role is `member`, with no org scope.
    expectStatus(await member.get('/api/members'), 403);

    const view = await w.as.sec_a1.get(`/api/members/${m.id}/account`);
    expect(view.json()).toMatchObject({
      account: { username: opened.username, mustChangePassword: false },
      canOpen: false,
      refusal: { reason: 'member_account_exists' },
    });
  });

  it('lets an org_admin above open one too, and refuses a second account for the same member', async () => {
    const m = await createMember(w.as.sec_a1, w.tree.branchA1.id);
    const res = await w.as.admin_a.post(`/api/members/${m.id}/account`);
    expectStatus(res, 200);
    const [open] = await auditRows(
      w.t.deps.db,
      'user.member_account_open',
      (await accountOf(res.json().username))?.id,
    );
    expect(open).toMatchObject({ actorUsername: 'admin_a', role: 'org_admin' });
    expectRule(await w.as.sec_a1.post(`/api/members/${m.id}/account`), 'member_account_exists');
  });

  it('refuses a member who has left, and the opener’s own record', async () => {
    const gone = await createMember(w.as.sec_a1, w.tree.branchA1.id);
    await transferOut(gone.id);
    expectRule(await w.as.sec_a1.post(`/api/members/${gone.id}/account`), 'member_has_left');

    const self = await createMember(w.as.sec_a1, w.tree.branchA1.id);
    await createUser(w.t.deps.db, {
      username: 'sec_self',
      orgId: w.tree.communityA1.id,
      roles: [{ role: 'secretary' }],
    });
    await linkUser(w.t.deps.db, 'sec_self', self.personId);
    const secSelf = await loginAs(w.t, 'sec_self', TEST_PASSWORD);
    expectRule(await secSelf.post(`/api/members/${self.id}/account`), 'own_account');
    expect((await secSelf.get(`/api/members/${self.id}/account`)).json()).toMatchObject({
      canOpen: false,
      refusal: { reason: 'own_account' },
    });
  });

  it('names accounts by the configured rule: the prefix and the mobile, when the system administrator says so', async () => {
    const current = await w.as.sysadmin.get('/api/settings/accounts');
    expectStatus(current, 200);
    expect(current.json().value).toEqual({
      usernamePrefix: 'dy',
      usernameRule: 'member_number',
      initialPasswordLength: 12,
    });
    const bad = await w.as.sysadmin.put('/api/settings/accounts', {
      value: { usernamePrefix: 'Bad Prefix' },
      version: 0,
    });
    expectStatus(bad, 400);
    expectStatus(
      await w.as.sec_a1.put('/api/settings/accounts', { value: { usernameRule: 'mobile' }, version: 0 }),
      403,
    );
    const saved = await w.as.sysadmin.put('/api/settings/accounts', {
      value: { usernamePrefix: 'p', usernameRule: 'mobile', initialPasswordLength: 16 },
      version: 0,
    });
    expectStatus(saved, 200);
    try {
      const m = await createMember(w.as.sec_a1, w.tree.branchA1.id, {}, { phoneMobile: '13912340001' });
      const res = await w.as.sec_a1.post(`/api/members/${m.id}/account`);
      expectStatus(res, 200);
      expect(res.json().username).toBe('p13912340001');
      expect(res.json().initialPassword).toHaveLength(16);
    } finally {
      const back = await w.as.sysadmin.put('/api/settings/accounts', {
        value: { usernamePrefix: 'dy', usernameRule: 'member_number', initialPasswordLength: 12 },
        version: saved.json().version,
      });
      expectStatus(back, 200);
    }
  });
});

async function transferOut(memberId: number): Promise<void> {
  const res = await w.as.sec_a1.post('/api/transfers', {
    memberId,
    externalOrgName: '外省某街道党工委',
    letterNo: `转字${memberId}号`,
    issuedOn: w.t.clock.today(),
  });
  expectStatus(res, 200);
}

describe('closing the account when the member leaves', () => {
  it('deactivates and unlinks the account in the transfer out of the deployment, ending its sessions, audited', async () => {
    const m = await createMember(w.as.sec_a1, w.tree.branchA1.id);
    const opened = (await w.as.sec_a1.post(`/api/members/${m.id}/account`)).json();
    const member = await firstLogin(opened.username, opened.initialPassword);
    expectStatus(await member.get('/api/me/member'), 200);

    await transferOut(m.id);

    expectStatus(await member.get('/api/me/member'), 401);
    const row = await accountOf(opened.username);
    expect(row?.deactivatedAt).not.toBeNull();
    expect(row?.personId).toBeNull();
    const [closed] = await auditRows(w.t.deps.db, 'user.member_account_close', row?.id);
    expect(closed?.diff).toMatchObject({ note: { memberId: m.id, kind: 'transferred_out' } });
    const login = await w.t.anon.post('/api/auth/login', {
      username: opened.username,
      password: NEW_PASSWORD,
    });
    expectStatus(login, 401);
    expect((await w.as.sec_a1.get(`/api/members/${m.id}/account`)).json()).toMatchObject({
      account: null,
      canOpen: false,
      refusal: { reason: 'member_has_left' },
    });
  });

  it('leaves the account of a member who only changes status within the roster (失联 keeps it)', async () => {
    const m = await createMember(w.as.sec_a1, w.tree.branchA1.id);
    const opened = (await w.as.sec_a1.post(`/api/members/${m.id}/account`)).json();
    const res = await w.as.sec_a1.post(`/api/members/${m.id}/events`, {
      version: m.version,
      kind: 'mark_unreachable',
      effectiveOn: w.t.clock.today(),
      lostContactOn: '2026-01-01',
    });
    expectStatus(res, 200);
    expect((await accountOf(opened.username))?.deactivatedAt).toBeNull();
  });
});

async function workbookOf(res: TestResponse): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return workbook;
}

function rowsOf(ws: ExcelJS.Worksheet | undefined): string[][] {
  const rows: string[][] = [];
  ws?.eachRow((row) => {
    rows.push(Array.from((row.values as ExcelJS.CellValue[]).slice(1), (v) => String(v ?? '')));
  });
  return rows;
}

describe('POST /api/members/accounts (bulk, a branch or the roster filter)', () => {
  it('answers 401 without a session, 403 to the system administrator and a member, 404 for a branch outside the scope', async () => {
    const body = { selection: { filter: { orgId: String(w.tree.branchA2.id) } } };
    expectStatus(await w.t.anon.post('/api/members/accounts', body), 401);
    expectStatus(await w.as.sysadmin.post('/api/members/accounts', body), 403);
    expectStatus(await w.as.member.post('/api/members/accounts', body), 403);
    expectStatus(await w.as.sec_b1.post('/api/members/accounts', body), 404);
    expectStatus(await w.as.sec_a1.post('/api/members/accounts', body), 404);
  });

  it('opens the accounts of a branch, skips who has one or has left, and hands out a workbook of passwords once', async () => {
    const a = await createMember(w.as.admin_a, w.tree.branchA2.id, {}, { name: '甲某' });
    const b = await createMember(w.as.admin_a, w.tree.branchA2.id, {}, { name: '乙某' });
    const had = await createMember(w.as.admin_a, w.tree.branchA2.id, {}, { name: '丙某' });
    expectStatus(await w.as.admin_a.post(`/api/members/${had.id}/account`), 200);
    const gone = await createMember(w.as.admin_a, w.tree.branchA2.id, {}, { name: '丁某' });
    const out = await w.as.admin_a.post('/api/transfers', {
      memberId: gone.id,
      externalOrgName: '外省某党委',
      letterNo: `转字${gone.id}号`,
      issuedOn: w.t.clock.today(),
    });
    expectStatus(out, 200);

    const res = await w.as.admin_a.post('/api/members/accounts', {
      selection: { filter: { orgId: String(w.tree.branchA2.id) } },
    });
    expectStatus(res, 200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['cache-control']).toBe('no-store');
    const workbook = await workbookOf(res);
    const opened = rowsOf(workbook.getWorksheet('初始密码'));
    expect(opened[0]).toEqual(['序号', '姓名', '所在党组织', '用户名', '初始密码']);
    expect(
      opened
        .slice(1)
        .map((r) => r[1])
        .sort(),
    ).toEqual(['乙某', '甲某'].sort());
    const skipped = rowsOf(workbook.getWorksheet('未开通'));
    expect(
      skipped
        .slice(1)
        .map((r) => r[1])
        .sort(),
    ).toEqual(['丁某', '丙某'].sort());

    const [exported] = await auditRows(w.t.deps.db, 'user.initial_passwords_export');
    expect(exported).toMatchObject({ actorUsername: 'admin_a', role: 'org_admin' });
    expect(exported?.diff).toMatchObject({ note: { opened: 2, skipped: 2 } });
    expect(JSON.stringify(exported?.diff)).not.toContain(opened[1]?.[4]);

    // A password of the workbook signs its member in (and must be changed first).
    const [, , , username, password] = opened[1] as string[];
    const client = await firstLogin(username as string, password as string);
    const me = (await client.get('/api/me/member')).json();
    expect([a.id, b.id]).toContain(me.id);

    // Run again: nobody left to open, nothing opened twice.
    const again = await w.as.admin_a.post('/api/members/accounts', {
      selection: { filter: { orgId: String(w.tree.branchA2.id) } },
    });
    expectStatus(again, 200);
    expect(rowsOf((await workbookOf(again)).getWorksheet('初始密码'))).toHaveLength(1);
  });

  it('takes the roster filter: only the members it matches', async () => {
    const pick = await createMember(
      w.as.sec_a1,
      w.tree.branchA1.id,
      { status: 'probationary', confirmedOn: null, admittedOn: '2026-01-10' },
      { name: '预备某' },
    );
    const res = await w.as.sec_a1.post('/api/members/accounts', {
      selection: { filter: { orgId: String(w.tree.branchA1.id), status: 'probationary', q: '预备某' } },
    });
    expectStatus(res, 200);
    const opened = rowsOf((await workbookOf(res)).getWorksheet('初始密码')).slice(1);
    expect(opened.map((r) => r[1])).toEqual(['预备某']);
    expect((await w.as.sec_a1.get(`/api/members/${pick.id}/account`)).json().account).not.toBeNull();
  });
});

import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ActorClients, auditRows, issuePaths, loginActors, seedActors } from '../../testing/actors.ts';
import { seedAuditEntries, seedManyEntries } from '../../testing/audit-entries.ts';
import { createUser, seedTree, TEST_PASSWORD, type Tree } from '../../testing/fixtures.ts';
import {
  loginAs,
  startTestApp,
  type TestApp,
  type TestClient,
  type TestResponse,
} from '../../testing/test-app.ts';

let t: TestApp;
let tree: Tree;
let as: ActorClients;
let auditorA: TestClient;

beforeAll(async () => {
  t = await startTestApp();
  tree = await seedTree(t.deps.db);
  await seedActors(t.deps.db, tree);
  await createUser(t.deps.db, {
    username: 'auditor_a',
    orgId: tree.districtA.id,
    roles: [{ role: 'audit_admin' }],
  });
  await seedAuditEntries(t.deps.db, tree);
  as = await loginActors(t);
  auditorA = await loginAs(t, 'auditor_a', TEST_PASSWORD);
});
afterAll(() => t.close());

const HEADERS = [
  '时间',
  '操作人',
  '角色',
  '操作',
  '对象类型',
  '对象ID',
  '所属组织',
  '变更内容',
  'IP',
  '终端',
];

/** The sheet read back with exceljs, as rows of cell texts (header first). */
async function sheetRows(res: TestResponse): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  // exceljs types its Buffer parameter against an older @types/node; the bytes are what it reads.
  await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('审计日志');
  if (!sheet) throw new Error('no sheet 审计日志');
  const rows: string[][] = [];
  sheet.eachRow((row) => {
    rows.push(HEADERS.map((_, i) => String(row.getCell(i + 1).value ?? '')));
  });
  return rows;
}

describe('GET /api/audit-logs/export', () => {
  it('answers 401 without a session and 403 to the system and security administrators', async () => {
    expect((await t.anon.get('/api/audit-logs/export')).statusCode).toBe(401);
    expect((await as.sysadmin.get('/api/audit-logs/export')).statusCode).toBe(403);
    expect((await as.secadmin.get('/api/audit-logs/export')).statusCode).toBe(403);
  });

  it('answers 400 with field paths for invalid filters and 404 for an org outside the scope', async () => {
    const res = await as.auditadmin.get('/api/audit-logs/export?from=2026-02-30');
    expect(res.statusCode).toBe(400);
    expect(issuePaths(res)).toEqual(['querystring.from']);
    expect((await auditorA.get(`/api/audit-logs/export?orgId=${tree.districtB.id}`)).statusCode).toBe(404);
  });

  it('streams a real .xlsx with Chinese headers, Beijing times and labels, under a UTF-8 file name', async () => {
    const res = await as.auditadmin.get('/api/audit-logs/export?from=2026-06-01&to=2026-06-03');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const disposition = String(res.headers['content-disposition']);
    expect(disposition).toMatch(/^attachment; /);
    expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent('审计日志-20260615.xlsx')}`);
    const rows = await sheetRows(res);
    expect(rows[0]).toEqual(HEADERS);
    expect(rows.slice(1).map((r) => r.slice(0, 7))).toEqual([
      ['2026-06-03 00:00:00', '', '', '登录失败', '用户账号', '', ''],
      ['2026-06-02 23:59:59', 'alice', '组织管理员', '新建用户', '用户账号', '42', '甲区委'],
      [
        '2026-06-02 00:00:00',
        'alice',
        '组织管理员',
        '修改组织',
        '党组织',
        String(tree.communityA1.id),
        '和平社区党委',
      ],
      [
        '2026-06-01 23:59:59',
        'bob',
        '组织管理员',
        '修改组织',
        '党组织',
        String(tree.branchB1.id),
        '光明社区第一党支部',
      ],
    ]);
    const second = rows[2] as string[];
    expect(JSON.parse(second[7] as string)).toEqual({ after: { username: 'x', passwordHash: '[已隐藏]' } });
    expect(second.slice(8)).toEqual(['10.0.0.1', 'vitest']);
  });

  it('is audited with its filter', async () => {
    await as.auditadmin.get(`/api/audit-logs/export?action=org.update&orgId=${tree.districtA.id}`);
    const [row] = await auditRows(t.deps.db, 'audit_log.export');
    expect(row).toMatchObject({
      actorUsername: 'auditadmin',
      role: 'audit_admin',
      entityType: 'audit_log',
      orgId: tree.districtA.id,
    });
    expect(row?.diff).toEqual({ note: { action: 'org.update', orgId: tree.districtA.id } });
  });

  it('respects the filters and the scope like the list', async () => {
    const query = 'from=2026-06-01&to=2026-06-03';
    const list = (await auditorA.get(`/api/audit-logs?${query}`)).json();
    const rows = await sheetRows(await auditorA.get(`/api/audit-logs/export?${query}`));
    expect(rows.length - 1).toBe(list.total);
    expect(rows.slice(1).map((r) => r[6])).toEqual(['甲区委', '和平社区党委']);
    const alice = await sheetRows(
      await as.auditadmin.get(`/api/audit-logs/export?actor=alice&action=user.create`),
    );
    expect(alice.slice(1).map((r) => r[5])).toEqual(['42']);
  });

  it('pages through a long log without losing or repeating rows', async () => {
    await seedManyEntries(t.deps.db, tree.streetB.id, 2_345, new Date('2026-05-20T02:00:00Z'));
    const rows = await sheetRows(await as.auditadmin.get('/api/audit-logs/export?actor=bulk'));
    const ids = rows.slice(1).map((r) => r[5]);
    expect(ids).toHaveLength(2_345);
    expect(new Set(ids).size).toBe(2_345);
    expect(rows[1]?.[0]).toBe('2026-05-20 10:00:00');
  });
});

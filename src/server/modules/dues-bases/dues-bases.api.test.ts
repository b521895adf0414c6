import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows } from '../../testing/audit-rows.ts';
import { multipartBody } from '../../testing/fixtures/member-import.ts';
import {
  createMember,
  expectRule,
  expectStatus,
  linkUser,
  type RosterWorld,
  startRosterWorld,
} from '../../testing/fixtures/members.ts';
import { createUser, TEST_PASSWORD } from '../../testing/fixtures.ts';
import { loginAs, type TestClient } from '../../testing/test-app.ts';

/**
 * 党费计算基数 through the API (docs/dues.md §2, §11): who sees pay (the branch's own secretary, the org_admins above,
 * the member), the sheet, one base and the branch's batch, the Excel round trip with its dry run, the audit rows.
 */
let w: RosterWorld;
let branchSec: TestClient;
let self: TestClient;
let ids: { a: number; b: number; retiree: number; student: number; group: number; other: number };

const item = (label: string, amount: number, counted = true) => ({ label, amount, counted });
const salary = (memberId: number, extra: Record<string, unknown> = {}) => ({
  memberId,
  fromMonth: '2026-06',
  kind: 'salary',
  items: [item('基本工资', 400_000), item('岗位工资', 200_000), item('住房公积金', 60_000, false)],
  incomeTax: 10_000,
  ...extra,
});

beforeAll(async () => {
  w = await startRosterWorld();
  const { tree } = w;
  // The branch's own secretary (docs/dues.md §11), beside the community secretary sec_a1 of the fixture.
  await createUser(w.t.deps.db, {
    username: 'sec_branch',
    orgId: tree.branchA1.id,
    roles: [{ role: 'secretary' }],
  });
  branchSec = await loginAs(w.t, 'sec_branch', TEST_PASSWORD);
  const a = await createMember(w.as.admin_a, tree.branchA1.id, {}, { name: '甲党员' });
  const b = await createMember(w.as.admin_a, tree.branchA1.id, {}, { name: '乙党员' });
  const retiree = await createMember(
    w.as.admin_a,
    tree.branchA1.id,
    { category: 'retired' },
    { name: '丙党员', workPost: '0212' },
  );
  const student = await createMember(
    w.as.admin_a,
    tree.branchA1.id,
    { category: 'student' },
    { name: '丁党员' },
  );
  const group = await createMember(w.as.admin_a, tree.groupA1.id, {}, { name: '戊党员' });
  const other = await createMember(w.as.admin_a, tree.branchA2.id, {}, { name: '己党员' });
  ids = { a: a.id, b: b.id, retiree: retiree.id, student: student.id, group: group.id, other: other.id };
  // `member` of the fixture (at branchA1) is 甲党员's own account.
  await linkUser(w.t.deps.db, 'member', a.personId);
  self = await loginAs(w.t, 'member', TEST_PASSWORD);
});
afterAll(() => w.t.close());

describe('GET /api/dues/bases — the branch sheet, pay visible only to its own secretary and the admins above', () => {
  const url = () => `/api/dues/bases?orgId=${w.tree.branchA1.id}&month=2026-06`;

  it('401 without a session, 403 for a role without dues.base, 404 outside the scope', async () => {
    expectStatus(await w.t.anon.get(url()), 401);
    expectStatus(await w.as.sysadmin.get(url()), 403);
    expectStatus(await w.as.member.get(url()), 403);
    expectStatus(await w.as.admin_b.get(url()), 404);
    expectStatus(await w.as.sec_b1.get(url()), 404);
  });

  it('403 for the secretary of the community above the branch: their grant does not reach its pay', async () => {
    const res = await w.as.sec_a1.get(url());
    expectStatus(res, 403);
    expect(res.json().error.details.reason).toBe('dues_pay_not_visible');
  });

  it('refuses an org that is not a 党支部', async () => {
    expectRule(
      await w.as.admin_a.get(`/api/dues/bases?orgId=${w.tree.communityA1.id}&month=2026-06`),
      'dues_base_org_not_branch',
    );
  });

  it('lists the roster of the branch and its groups with category, base and monthly dues', async () => {
    for (const client of [branchSec, w.as.admin_a, w.as.city_admin]) {
      const res = await client.get(url());
      expectStatus(res, 200);
      const names = res.json().rows.map((r: { name: string }) => r.name);
      expect(names).toEqual(expect.arrayContaining(['甲党员', '乙党员', '丙党员', '丁党员', '戊党员']));
      expect(names).not.toContain('己党员');
    }
    const rows = (await branchSec.get(url())).json().rows as {
      memberId: number;
      needsBase: boolean;
      dues: unknown;
      warnings: string[];
    }[];
    const row = (id: number) => rows.find((r) => r.memberId === id);
    expect(row(ids.b)).toMatchObject({ needsBase: true, dues: { kind: 'no_base', amount: null } });
    expect(row(ids.student)).toMatchObject({ needsBase: false, dues: { kind: 'flat', amount: 20 } });
    // 离退休 with 工作岗位 在岗职工: a WARN on the row.
    expect(row(ids.retiree)?.warnings[0]).toMatch(/不一致/);
  });
});

describe('POST /api/dues/bases — one member’s base', () => {
  it('401, 403 (no dues.base; the community secretary), 404 (out of scope)', async () => {
    expectStatus(await w.t.anon.post('/api/dues/bases', salary(ids.a)), 401);
    expectStatus(await w.as.sysadmin.post('/api/dues/bases', salary(ids.a)), 403);
    expectStatus(await w.as.sec_a1.post('/api/dues/bases', salary(ids.a)), 403);
    expectStatus(await w.as.admin_b.post('/api/dues/bases', salary(ids.a)), 404);
  });

  it('sets the base (counted items less tax only), audited without the pay items', async () => {
    const res = await branchSec.post('/api/dues/bases', salary(ids.a));
    expectStatus(res, 200);
    expect(res.json().base).toMatchObject({
      fromMonth: '2026-06',
      kind: 'salary',
      amount: 590_000,
      version: 1,
    });
    const [row] = await auditRows(w.t.deps.db, 'dues_base.set');
    expect(row).toMatchObject({ entityType: 'dues_base', role: 'secretary', actorUsername: 'sec_branch' });
    expect(JSON.stringify(row?.diff)).not.toContain('基本工资');
    expect(JSON.stringify(row?.diff)).toContain('590000');
    // The sheet gives the dues: 5,900.00 元 at 1.5% = 88.50 元.
    const sheet = (await branchSec.get(`/api/dues/bases?orgId=${w.tree.branchA1.id}&month=2026-06`)).json();
    const a = sheet.rows.find((r: { memberId: number }) => r.memberId === ids.a);
    expect(a.dues).toEqual({ kind: 'percentage', amount: 8_850, rateBp: 150 });
  });

  it('replaces the base of the same month only at its version (409 otherwise)', async () => {
    const stale = await branchSec.post('/api/dues/bases', salary(ids.a, { incomeTax: 0 }));
    expectStatus(stale, 409);
    const res = await w.as.admin_a.post('/api/dues/bases', salary(ids.a, { incomeTax: 0, version: 1 }));
    expectStatus(res, 200);
    expect(res.json().base).toMatchObject({ amount: 600_000, version: 2 });
    const [row] = await auditRows(w.t.deps.db, 'dues_base.set');
    expect(row).toMatchObject({ role: 'org_admin' });
  });

  it.each([
    [
      'a never-counted item flagged counted',
      { items: [item('基本工资', 1), item('住房公积金', 1)] },
      'dues_base_item_never_counted',
    ],
    ['a negative amount', { items: [item('基本工资', -1)] }, 'dues_base_negative'],
    [
      'tax above the counted pay',
      { items: [item('基本工资', 100)], incomeTax: 101 },
      'dues_base_tax_exceeds_pay',
    ],
    ['a from-month that is not a month', { fromMonth: '2026-13' }, 'dues_base_month_invalid'],
    [
      'a kind that does not fit the category',
      { kind: 'pension', items: [item('基本养老金', 1)] },
      'dues_base_kind_mismatch',
    ],
  ])('refuses %s', async (_, extra, reason) => {
    expectRule(await branchSec.post('/api/dues/bases', salary(ids.b, extra)), reason);
  });

  it('refuses a base for a flat category (学生)', async () => {
    expectRule(await branchSec.post('/api/dues/bases', salary(ids.student)), 'dues_base_not_needed');
  });

  it('takes the category of the from-month from the effective-dated history', async () => {
    const m = (await w.as.admin_a.get(`/api/members/${ids.b}`)).json();
    // Retires today (2026-06-15): June's first day is still 在职, July is 离退休.
    expectStatus(
      await w.as.admin_a.patch(`/api/members/${ids.b}`, { version: m.version, category: 'retired' }),
      200,
    );
    const pension = { kind: 'pension', items: [item('基本养老金', 520_000)], incomeTax: 0 };
    expectRule(
      await branchSec.post('/api/dues/bases', salary(ids.b, { ...pension, fromMonth: '2026-06' })),
      'dues_base_kind_mismatch',
    );
    const res = await branchSec.post('/api/dues/bases', salary(ids.b, { ...pension, fromMonth: '2026-07' }));
    expectStatus(res, 200);
    expect(res.json().base).toMatchObject({ amount: 520_000 });
  });
});

describe('GET /api/members/:id/dues-base — a member’s history', () => {
  it('401, 403, 404, and the community secretary refused', async () => {
    expectStatus(await w.t.anon.get(`/api/members/${ids.a}/dues-base`), 401);
    expectStatus(await w.as.sysadmin.get(`/api/members/${ids.a}/dues-base`), 403);
    expectStatus(await w.as.admin_b.get(`/api/members/${ids.a}/dues-base`), 404);
    expectStatus(await w.as.sec_a1.get(`/api/members/${ids.a}/dues-base`), 403);
  });

  it('the branch secretary, the admins above and the member themself read it; another member does not', async () => {
    for (const client of [branchSec, w.as.admin_a, self]) {
      const res = await client.get(`/api/members/${ids.a}/dues-base`);
      expectStatus(res, 200);
      expect(res.json()).toMatchObject({
        memberId: ids.a,
        name: '甲党员',
        items: [{ amount: 600_000, version: 2 }],
      });
    }
    expectStatus(await self.get(`/api/members/${ids.retiree}/dues-base`), 403);
  });
});

describe('PUT /api/dues/bases/batch — the branch sheet, all or nothing', () => {
  const url = '/api/dues/bases/batch';
  const body = (rows: unknown[]) => ({ orgId: w.tree.branchA1.id, rows });

  it('401, 403, 404', async () => {
    const b = body([salary(ids.group)]);
    expectStatus(await w.t.anon.put(url, b), 401);
    expectStatus(await w.as.sysadmin.put(url, b), 403);
    expectStatus(await w.as.sec_a1.put(url, b), 403);
    expectStatus(await w.as.admin_b.put(url, b), 404);
  });

  it('refuses the whole batch naming each row and why; writes nothing', async () => {
    const before = (await auditRows(w.t.deps.db, 'dues_base.set')).length;
    const res = await branchSec.put(
      url,
      body([
        salary(ids.group),
        salary(ids.other),
        salary(ids.retiree, { kind: 'pension', items: [item('基本养老金', 1), item('生活补贴', 1)] }),
        salary(ids.group),
      ]),
    );
    expectRule(res, 'batch_refused');
    const refused = res
      .json()
      .error.details.members.map((m: { memberId: number; reason: string }) => [m.memberId, m.reason]);
    expect(refused).toEqual([
      [ids.other, 'dues_base_member_not_in_branch'],
      [ids.retiree, 'dues_base_pension_not_basic'],
      [ids.group, 'dues_base_row_repeated'],
    ]);
    expect((await auditRows(w.t.deps.db, 'dues_base.set')).length).toBe(before);
    expect((await branchSec.get(`/api/members/${ids.group}/dues-base`)).json().items).toEqual([]);
  });

  it('saves every row, one audit row per base changed, the unchanged left alone, WARNs returned', async () => {
    const before = (await auditRows(w.t.deps.db, 'dues_base.set')).length;
    const res = await branchSec.put(
      url,
      body([
        salary(ids.group),
        salary(ids.a, { incomeTax: 0, version: 2 }),
        salary(ids.retiree, {
          kind: 'pension',
          items: [item('基本养老金', 300_000), item('生活补贴', 50_000, false)],
          incomeTax: 0,
        }),
      ]),
    );
    expectStatus(res, 200);
    expect(res.json()).toMatchObject({ saved: 2, unchanged: 1 });
    expect(res.json().warnings).toEqual([expect.objectContaining({ memberId: ids.retiree, name: '丙党员' })]);
    expect((await auditRows(w.t.deps.db, 'dues_base.set')).length).toBe(before + 2);
  });
});

async function sheetRows(buffer: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(buffer as unknown as ArrayBuffer);
  return book.getWorksheet('党费计算基数') as ExcelJS.Worksheet;
}

async function upload(client: TestClient, content: Buffer, dryRun: boolean) {
  const fields = { orgId: String(w.tree.branchA1.id), dryRun: String(dryRun) };
  const body = multipartBody(fields, { name: '基数.xlsx', content });
  return w.t.app.inject({
    method: 'POST',
    url: '/api/dues/bases/import',
    headers: { 'user-agent': 'vitest', ...client.headers, 'content-type': body.contentType },
    payload: body.payload,
  });
}

describe('Excel: the template, the import with its dry run, the audited export', () => {
  it('template and export: 401, 403 (community secretary), 404', async () => {
    for (const path of ['template', 'export']) {
      const url = `/api/dues/bases/${path}?orgId=${w.tree.branchA1.id}`;
      expectStatus(await w.t.anon.get(url), 401);
      expectStatus(await w.as.sysadmin.get(url), 403);
      expectStatus(await w.as.sec_a1.get(url), 403);
      expectStatus(await w.as.admin_b.get(url), 404);
    }
  });

  it('import: 401, 403 before receiving the file; 404 and 403 for the branch before reading it', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('党费计算基数').addRow(['党员编号', '姓名']);
    const content = Buffer.from(await book.xlsx.writeBuffer());
    expectStatus(await upload({ headers: {} } as TestClient, content, true), 401);
    expectStatus(await upload(w.as.sysadmin, content, true), 403);
    expectStatus(await upload(w.as.sec_a1, content, true), 403);
    expectStatus(await upload(w.as.admin_b, content, true), 404);
  });

  it('round trip: the template prefilled, filled in, dry run reports every row, commit writes all or nothing', async () => {
    const res = await branchSec.get(`/api/dues/bases/template?orgId=${w.tree.branchA1.id}`);
    expectStatus(res, 200);
    const sheet = await sheetRows(res.rawPayload);
    const header = (sheet.getRow(1).values as unknown[]).map(String);
    const col = (h: string) => header.indexOf(h);
    const rowOf = (name: string) => {
      for (let r = 2; r <= sheet.rowCount; r += 1)
        if (sheet.getRow(r).getCell(col('姓名')).value === name) return sheet.getRow(r);
      throw new Error(name);
    };
    // The student (flat amount) is not in the template; the others are, prefilled.
    expect(() => rowOf('丁党员')).toThrow();
    expect(rowOf('戊党员').getCell(col('党员编号')).value).toBe(ids.group);
    rowOf('戊党员').getCell(col('基本工资')).value = 8000;
    rowOf('戊党员').getCell(col('绩效工资')).value = '1,500.50';
    rowOf('戊党员').getCell(col('不计入项目合计')).value = 900;
    rowOf('戊党员').getCell(col('个人所得税')).value = 300.5;
    rowOf('甲党员').getCell(col('基本工资')).value = 'abc';
    const bad = Buffer.from(await sheet.workbook.xlsx.writeBuffer());

    const dry = await upload(branchSec, bad, true);
    expectStatus(dry, 200);
    expect(dry.json()).toMatchObject({ dryRun: true, rowCount: 2, okCount: 1, errorCount: 1, savedCount: 0 });
    const rows = dry.json().rows;
    expect(rows.find((r: { memberId: number }) => r.memberId === ids.group)).toMatchObject({
      result: 'ok',
      amount: 920_000,
    });
    expect(rows.find((r: { memberId: number }) => r.memberId === ids.a).message).toMatch(/基本工资.*金额/);

    const before = (await auditRows(w.t.deps.db, 'dues_base.import')).length;
    const refused = await upload(branchSec, bad, false);
    expectRule(refused, 'import_has_errors');
    expect(refused.json().error.details.report.errorCount).toBe(1);
    expect((await auditRows(w.t.deps.db, 'dues_base.import')).length).toBe(before);

    rowOf('甲党员').getCell(col('基本工资')).value = null;
    const good = Buffer.from(await sheet.workbook.xlsx.writeBuffer());
    const done = await upload(branchSec, good, false);
    expectStatus(done, 200);
    expect(done.json()).toMatchObject({ dryRun: false, rowCount: 1, errorCount: 0, savedCount: 1 });
    const [audit] = await auditRows(w.t.deps.db, 'dues_base.import');
    expect(audit).toMatchObject({ entityType: 'dues_base', role: 'secretary' });
    const history = (await branchSec.get(`/api/members/${ids.group}/dues-base`)).json();
    expect(history.items[0]).toMatchObject({ amount: 920_000, incomeTax: 30_050 });
  });

  it('refuses a workbook without the sheet, and a file that is not .xlsx', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('别的表').addRow(['甲', '乙']);
    expectStatus(await upload(branchSec, Buffer.from(await book.xlsx.writeBuffer()), true), 400);
    expectStatus(await upload(branchSec, Buffer.from('plain text'), true), 400);
  });

  it('the export holds the bases in force, and is audited', async () => {
    const res = await w.as.admin_a.get(`/api/dues/bases/export?orgId=${w.tree.branchA1.id}&month=2026-06`);
    expectStatus(res, 200);
    const sheet = await sheetRows(res.rawPayload);
    const header = (sheet.getRow(1).values as unknown[]).map(String);
    let found = false;
    sheet.eachRow((row) => {
      if (row.getCell(header.indexOf('姓名')).value === '戊党员') {
        found = true;
        expect(row.getCell(header.indexOf('基本工资')).value).toBe(8000);
        expect(row.getCell(header.indexOf('计算基数（元，导入时不读）')).value).toBe(9200);
      }
    });
    expect(found).toBe(true);
    const [audit] = await auditRows(w.t.deps.db, 'dues_base.export');
    expect(audit).toMatchObject({ role: 'org_admin', orgId: w.tree.branchA1.id });
  });
});

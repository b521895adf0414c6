import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportIssue } from '../../../contracts/member-import.ts';
import { generateIdNumber, maskIdNumber } from '../../../domain/people/index.ts';
import { queryRows } from '../../db/client.ts';
import { importBatches, importFiles, members } from '../../db/tables/people.ts';
import { type ActorClients, auditRows, loginActors, seedActors } from '../../testing/actors.ts';
import {
  memberRow,
  postImport,
  type RowInput,
  syntheticIdentity,
  templateSheets,
  templateWorkbook,
  utc,
} from '../../testing/fixtures/member-import.ts';
import { seedTree, type Tree } from '../../testing/fixtures.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import { MASKED_ID_MESSAGE, NUMERIC_ID_MESSAGE } from './column-parsers.ts';
import { ALREADY_REGISTERED, HELD_ELSEWHERE } from './import-run.ts';

let t: TestApp;
let tree: Tree;
let as: ActorClients;

beforeAll(async () => {
  t = await startTestApp();
  tree = await seedTree(t.deps.db);
  await seedActors(t.deps.db, tree);
  as = await loginActors(t);
});
afterAll(() => t.close());

/** Org names by fixture key (the tree is seeded in beforeAll; names are fixed). */
const ORG_NAMES = {
  branchA1: '和平社区第一党支部',
  groupA1: '和平社区第一党小组',
  branchB1: '光明社区第一党支部',
  communityA1: '和平社区党委',
} as const;
const tree_ = (key: keyof typeof ORG_NAMES) => ORG_NAMES[key];

/** A sheet read back as rows of cell texts. */
async function readSheet(bytes: Buffer, name: string): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  const rows: string[][] = [];
  sheet.eachRow((row) => {
    const values = (row.values as ExcelJS.CellValue[]).slice(1);
    rows.push(Array.from(values, (v) => (v === null || v === undefined ? '' : String(v))));
  });
  return rows;
}

async function memberCount(orgId: number): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    t.deps.db,
    sql`select coalesce(sum(member_count), 0)::int as n from org_stats where org_id = ${orgId}`,
  );
  return row?.n ?? 0;
}

describe('a clean template file', () => {
  it('is checked by a dry run without writing, then committed as one batch', async () => {
    const rows = [
      memberRow(1, tree.branchA1.name),
      memberRow(2, tree.branchA1.name, {
        kind: '预备党员',
        confirmedOn: null,
        admittedOn: new Date(Date.UTC(2026, 0, 10)),
      }),
      memberRow(3, tree.groupA1.name),
    ];
    const file = await templateWorkbook(rows);
    const dry = await postImport(t.app, as.orgadminA.headers, file, { dryRun: 'true' });
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({
      dryRun: true,
      format: 'template',
      rowCount: 3,
      validCount: 3,
      errorCount: 0,
      errors: [],
      errorFileId: null,
      batchId: null,
    });
    expect(await t.deps.db.select().from(members)).toHaveLength(0);

    const real = await postImport(t.app, as.orgadminA.headers, file, {
      dryRun: 'false',
      mode: 'all_or_nothing',
    });
    expect(real.statusCode, real.body).toBe(200);
    const report = real.json();
    expect(report).toMatchObject({ dryRun: false, importedCount: 3, validCount: 3 });
    const [batch] = await t.deps.db.select().from(importBatches).where(eq(importBatches.id, report.batchId));
    expect(batch).toMatchObject({
      rowCount: 3,
      importedCount: 3,
      errorCount: 0,
      format: 'template',
      mode: 'all_or_nothing',
      fileName: '党员名册.xlsx',
    });
    const list = (await as.orgadminA.get(`/api/members?orgId=${tree.communityA1.id}&pageSize=50`)).json();
    expect(list.total).toBe(3);
    expect(new Set(list.items.map((m: { name: string }) => m.name))).toEqual(
      new Set(rows.map((r) => r.name)),
    );
    const found = (await as.secretaryA1.get(`/api/members?q=${rows[0]?.idNumber}`)).json();
    expect(found.items.map((m: { idNumber: string }) => m.idNumber)).toEqual([
      maskIdNumber(String(rows[0]?.idNumber)),
    ]);
    expect(await memberCount(tree.branchA1.id)).toBe(2);
    expect(await memberCount(tree.groupA1.id)).toBe(1);
    const [audit] = await auditRows(t.deps.db, 'member.import');
    expect(audit?.diff).toMatchObject({
      note: { format: 'template', rowCount: 3, importedCount: 3, errorCount: 0 },
    });
    expect(JSON.stringify(audit?.diff)).not.toContain(String(rows[0]?.idNumber));
  });
});

describe('a file with one of each error', () => {
  const under18 = generateIdNumber({ provinceAndCounty: '110105', birthDate: '2000-01-01', sequence: 11 });
  const id = (i: number) => syntheticIdentity(i).idNumber;
  const badCheck = (i: number) => {
    const good = id(i);
    return `${good.slice(0, 17)}${good[17] === '1' ? '2' : '1'}`;
  };
  const rows: RowInput[] = [
    memberRow(101, tree_('branchA1'), { idNumber: badCheck(101) }),
    memberRow(102, tree_('branchA1'), { admittedOn: '2017-02-30' }),
    memberRow(103, tree_('branchA1'), { gender: syntheticIdentity(103).male ? '女' : '男' }),
    memberRow(104, tree_('branchA1'), { birthDate: utc('1999-09-09') }),
    memberRow(105, '不存在的党支部'),
    memberRow(106, tree_('branchB1')),
    memberRow(107, tree_('branchA1'), { name: null }),
    memberRow(108, tree_('branchA1'), {
      idNumber: under18,
      birthDate: null,
      gender: '男',
      admittedOn: utc('2017-07-01'),
      confirmedOn: utc('2018-07-01'),
    }),
    memberRow(109, tree_('branchA1'), { idNumber: Number(id(109)) }),
    memberRow(110, tree_('branchA1'), { kind: '预备党员' }),
    memberRow(111, tree_('branchA1'), { confirmedOn: utc('2010-12-01') }),
    memberRow(112, tree_('branchA1'), { ethnicity: '99 火星族' }),
    memberRow(113, tree_('branchA1'), { phoneMobile: '12345' }),
    memberRow(114, tree_('branchA1'), { outflowDestination: '广东省深圳市南山区' }),
    memberRow(115, tree_('branchA1'), { lostContactOn: utc('2020-03-01') }),
    memberRow(116, tree_('communityA1')),
    memberRow(117, tree_('branchA1'), { admittedOn: '2010-07' }),
    memberRow(118, tree_('branchA1'), { admittedOn: '2030-01-01', confirmedOn: null, kind: '预备党员' }),
    memberRow(119, tree_('branchA1'), { kind: '党员' }),
    memberRow(120, tree_('branchA1'), { idNumber: '110105********1234' }),
    memberRow(121, tree_('branchA1')),
  ];
  const ID = '公民身份号码';
  const ORG = '所在党支部（全称或组织代码）';
  const expected: [number, string, string][] = [
    [2, ID, '公民身份号码校验码不正确，请核对号码'],
    [3, '加入党组织日期', '不是有效日期（2017-02-30）'],
    [4, '性别', '性别与公民身份号码不一致（顺序码奇数为男性，偶数为女性）'],
    [5, '出生日期', '出生日期与公民身份号码中的出生日期不一致'],
    [6, ORG, '未找到党组织“不存在的党支部”：请填写导入范围内党支部或党小组的全称或组织代码'],
    [7, ORG, '未找到党组织“光明社区第一党支部”：请填写导入范围内党支部或党小组的全称或组织代码'],
    [8, '姓名', '请填写姓名'],
    [9, '加入党组织日期', '入党时未满十八周岁：党章第一条规定年满十八岁方可入党'],
    [10, ID, NUMERIC_ID_MESSAGE],
    [11, '转为正式党员日期', '预备党员不应填写转正时间'],
    [12, '转为正式党员日期', '转正时间应为预备期满之日（2011-07-01），不能早于该日'],
    [13, '民族', '民族应填写代码表中的代码或名称，例如“01 汉族”'],
    [14, '手机号', '手机号应为以13–19开头的11位数字'],
    [15, '外出流向', '只有流动党员填写外出流向'],
    [16, '失去联系日期', '只有失联党员填写失去联系日期'],
    [17, ORG, '党员只能编入党支部或党小组'],
    [18, '加入党组织日期', '日期不完整，应填写年、月、日，例如2017-07-01'],
    [19, '加入党组织日期', '日期晚于今天'],
    [20, '人员类别（正式党员/预备党员）', '应填写“正式党员”或“预备党员”'],
    [21, ID, MASKED_ID_MESSAGE],
  ];

  it('answers every problem on its row and column, in Chinese, with ID numbers masked', async () => {
    const res = await postImport(t.app, as.orgadminA.headers, await templateWorkbook(rows));
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    const got = report.errors.map((e: ImportIssue) => [e.row, e.column, e.message]);
    expect(got).toEqual(expected);
    expect(report).toMatchObject({
      rowCount: 21,
      validCount: 1,
      errorCount: 20,
      issueCount: 20,
      truncated: false,
    });
    for (const e of report.errors as ImportIssue[]) expect(e.sheet).toBe('党员信息');
    const ids = (report.errors as ImportIssue[]).filter((e) => e.column === ID);
    expect(ids.map((e) => e.value)).toEqual([
      maskIdNumber(badCheck(101)),
      maskIdNumber(String(BigInt(Number(id(109))))),
      '110105********1234',
    ]);
    expect(JSON.stringify(report)).not.toContain(id(101).slice(6, 14));
  });

  it('offers the rows with errors as a workbook with a 错误说明 column, to its creator only', async () => {
    const res = await postImport(t.app, as.orgadminA.headers, await templateWorkbook(rows));
    const { errorFileId, errorFileExpiresAt } = res.json();
    expect(errorFileId).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(new Date(errorFileExpiresAt).getTime() - t.clock.now().getTime()).toBe(24 * 3_600_000);
    const file = await as.orgadminA.get(`/api/member-imports/error-files/${errorFileId}`);
    expect(file.statusCode).toBe(200);
    const sheet = await readSheet(file.rawPayload, '党员信息');
    expect(sheet[0]?.at(-1)).toBe('错误说明');
    expect(sheet).toHaveLength(21);
    expect(sheet[1]?.[2]).toBe(badCheck(101));
    expect(sheet[1]?.at(-1)).toBe(`【${ID}】公民身份号码校验码不正确，请核对号码`);
    expect(sheet[2]?.[8]).toBe('2017-02-30');
    expect((await as.secretaryA1.get(`/api/member-imports/error-files/${errorFileId}`)).statusCode).toBe(404);
    expect((await as.orgadminB.get(`/api/member-imports/error-files/${errorFileId}`)).statusCode).toBe(404);
    // Past its 24 hours (moving the clock would end the session as well).
    const expired = new Date(t.clock.now().getTime() - 1000);
    await t.deps.db.update(importFiles).set({ expiresAt: expired }).where(eq(importFiles.id, errorFileId));
    expect((await as.orgadminA.get(`/api/member-imports/error-files/${errorFileId}`)).statusCode).toBe(404);
  });

  it('commits the valid rows only in valid_rows mode', async () => {
    const res = await postImport(t.app, as.orgadminA.headers, await templateWorkbook(rows), {
      dryRun: 'false',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ importedCount: 1, validCount: 1, errorCount: 20 });
    const [batch] = await t.deps.db
      .select()
      .from(importBatches)
      .where(eq(importBatches.id, res.json().batchId));
    expect(batch).toMatchObject({ rowCount: 21, importedCount: 1, errorCount: 20, mode: 'valid_rows' });
  });
});

describe('duplicates', () => {
  it('answers a number held outside the importer’s scope neutrally, and audits the hits in one row', async () => {
    const file = await templateWorkbook([memberRow(1, tree_('branchB1')), memberRow(2, tree_('branchB1'))]);
    const res = await postImport(t.app, as.orgadminB.headers, file, { dryRun: 'true' });
    expect(res.statusCode, res.body).toBe(200);
    const idErrors = res.json().errors.filter((e: ImportIssue) => e.column === '公民身份号码');
    expect(idErrors.map((e: ImportIssue) => e.message)).toEqual([HELD_ELSEWHERE, HELD_ELSEWHERE]);
    expect(res.body).not.toContain(tree.branchA1.name);
    const [hit] = await auditRows(t.deps.db, 'member.id_conflict');
    expect(hit).toMatchObject({ actorUsername: 'orgadmin_b', entityType: 'person' });
    expect(hit?.diff).toMatchObject({ note: { via: 'member.import', count: 2 } });
    const note = (hit?.diff as { note?: { personIds?: number[] } } | undefined)?.note;
    expect(note?.personIds).toHaveLength(2);
  });

  it('refuses both rows of an ID number repeated in the file, across sheets too, and one already registered', async () => {
    const file = await templateSheets([
      {
        name: '第一支部',
        rows: [
          memberRow(201, tree_('branchA1')),
          memberRow(201, tree_('branchA1'), { name: '吴双' }),
          memberRow(1, tree_('branchA1')),
          memberRow(203, tree_('branchA1')),
        ],
      },
      {
        name: '第一党小组',
        rows: [
          memberRow(201, tree_('groupA1'), { name: '郑好' }),
          memberRow(203, tree_('groupA1'), { name: '孙丽' }),
        ],
      },
    ]);
    const res = await postImport(t.app, as.orgadminA.headers, file);
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({ rowCount: 6, validCount: 0, errorCount: 6 });
    expect(report.errors.map((e: ImportIssue) => [e.sheet, e.row, e.column, e.message])).toEqual([
      ['第一支部', 2, '公民身份号码', '公民身份号码与第3行重复'],
      ['第一支部', 3, '公民身份号码', '公民身份号码与第2行重复'],
      ['第一支部', 4, '公民身份号码', ALREADY_REGISTERED],
      ['第一支部', 5, '公民身份号码', '公民身份号码与工作表“第一党小组”第3行重复'],
      ['第一党小组', 2, '公民身份号码', '公民身份号码与工作表“第一支部”第2行重复'],
      ['第一党小组', 3, '公民身份号码', '公民身份号码与工作表“第一支部”第5行重复'],
    ]);
    expect(report.sheets).toEqual([
      { name: '第一支部', format: 'template', rowCount: 4, skipped: false },
      { name: '第一党小组', format: 'template', rowCount: 2, skipped: false },
    ]);
  });
});

describe('all_or_nothing', () => {
  it('commits nothing when one row is bad (422 with the report); valid_rows commits the rest', async () => {
    const rows = [
      memberRow(301, tree_('branchA1')),
      memberRow(302, tree_('branchA1'), { admittedOn: null }),
      memberRow(303, tree_('groupA1')),
    ];
    const file = await templateWorkbook(rows);
    const before = await t.deps.db.select().from(members);
    const batchesBefore = await t.deps.db.select().from(importBatches);
    const refused = await postImport(t.app, as.orgadminA.headers, file, {
      dryRun: 'false',
      mode: 'all_or_nothing',
    });
    expect(refused.statusCode).toBe(422);
    const error = refused.json().error;
    expect(error).toMatchObject({
      code: 'rule_violation',
      message: '有1行存在错误，按“全部无误才导入”未导入任何数据',
    });
    expect(error.details).toMatchObject({
      reason: 'import_has_errors',
      report: { rowCount: 3, validCount: 2, errorCount: 1, batchId: null },
    });
    expect(error.details.report.errors).toEqual([
      { sheet: '党员信息', row: 3, column: '加入党组织日期', value: null, message: '请填写加入党组织日期' },
    ]);
    expect(error.details.report.errorFileId).toEqual(expect.any(String));
    expect(await t.deps.db.select().from(members)).toHaveLength(before.length);
    expect(await t.deps.db.select().from(importBatches)).toHaveLength(batchesBefore.length);

    const partial = await postImport(t.app, as.orgadminA.headers, file, {
      dryRun: 'false',
      mode: 'valid_rows',
    });
    expect(partial.statusCode, partial.body).toBe(200);
    expect(partial.json()).toMatchObject({ importedCount: 2, errorCount: 1 });
    expect(await t.deps.db.select().from(members)).toHaveLength(before.length + 2);
  });
});

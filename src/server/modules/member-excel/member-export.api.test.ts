import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportIssue } from '../../../contracts/member-import.ts';
import { type ActorClients, auditRows, loginActors, seedActors } from '../../testing/actors.ts';
import {
  memberRow,
  postImport,
  type RowInput,
  templateWorkbook,
  utc,
} from '../../testing/fixtures/member-import.ts';
import { seedTree, type Tree } from '../../testing/fixtures.ts';
import { startTestApp, type TestApp, type TestResponse } from '../../testing/test-app.ts';
import { MASKED_ID_MESSAGE } from './column-parsers.ts';
import { TEMPLATE_COLUMNS } from './members.excel.ts';

let t: TestApp;
let tree: Tree;
let as: ActorClients;
let batchId: number;

const BRANCH = '和平社区第一党支部';
const GROUP = '和平社区第一党小组';
const OTHER = '幸福社区第一党支部';

/** A roster with every kind of value the columns carry. */
const ROSTER: RowInput[] = [
  memberRow(1, BRANCH, { phoneLandline: '010-12345678', isHardship: '是' }),
  memberRow(2, BRANCH, {
    kind: '预备党员',
    confirmedOn: null,
    admittedOn: utc('2026-01-10'),
    category: '学生',
    workPost: '311 毕业年级',
  }),
  memberRow(3, GROUP, {
    isMobile: '是',
    outflowDestination: '广东省深圳市南山区',
    category: '下岗失业',
    workPost: '609',
  }),
  memberRow(4, GROUP, { isUnreachable: '是', lostContactOn: utc('2021-05-01') }),
  memberRow(5, OTHER, { standing: '停止党籍', ethnicity: '05 维吾尔族', education: '1A 中央党校研究生' }),
  memberRow(6, OTHER, { category: '离退休', workPost: '502 退休人员', phoneMobile: null, address: null }),
];

beforeAll(async () => {
  t = await startTestApp();
  tree = await seedTree(t.deps.db);
  await seedActors(t.deps.db, tree);
  as = await loginActors(t);
  const res = await postImport(t.app, as.orgadminA.headers, await templateWorkbook(ROSTER), {
    dryRun: 'false',
  });
  expect(res.json()).toMatchObject({ importedCount: ROSTER.length, errors: [] });
  batchId = res.json().batchId;
});
afterAll(() => t.close());

async function workbookOf(res: TestResponse): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return workbook;
}

function texts(ws: ExcelJS.Worksheet): string[][] {
  const rows: string[][] = [];
  ws.eachRow((row) => {
    rows.push(
      Array.from((row.values as ExcelJS.CellValue[]).slice(1), (v) =>
        v instanceof Date ? v.toISOString().slice(0, 10) : String(v ?? ''),
      ),
    );
  });
  return rows;
}

const undo = async () =>
  expect((await as.orgadminA.post(`/api/import-batches/${batchId}/undo`, {})).statusCode).toBe(200);

describe('GET /api/members/export', () => {
  it('writes the columns the importer reads; masked by default, refused by the importer as masked', async () => {
    const res = await as.orgadminA.get(`/api/members/export?orgId=${tree.communityA1.id}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('党员名册-20260615.xlsx'));
    const ws = (await workbookOf(res)).getWorksheet('党员信息') as ExcelJS.Worksheet;
    const rows = texts(ws);
    expect(rows[0]).toEqual(TEMPLATE_COLUMNS.map((c) => c.header));
    expect(rows).toHaveLength(5);
    expect(rows[1]?.[2]).toMatch(/^110105\*{8}\d{3}[\dX]$/);
    expect(rows[1]?.[10]).toMatch(/^138\*{4}\d{4}$/);
    expect(ws.getCell('H2').value).toBeInstanceOf(Date);

    const back = await postImport(t.app, as.orgadminA.headers, res.rawPayload);
    const idErrors = (back.json().errors as ImportIssue[]).filter((e) => e.column === '公民身份号码');
    expect(idErrors.map((e) => e.message)).toEqual(Array(4).fill(MASKED_ID_MESSAGE));
  });

  it('exports whole numbers to an org_admin who asks (audited), never to a secretary; out of scope is 404', async () => {
    expect((await as.secretaryA1.get('/api/members/export?reveal=idNumber')).statusCode).toBe(403);
    expect((await as.orgadminB.get(`/api/members/export?orgId=${tree.communityA1.id}`)).statusCode).toBe(404);
    expect((await as.sysadmin.get('/api/members/export')).statusCode).toBe(403);
    const res = await as.orgadminA.get('/api/members/export?reveal=idNumber&status=full,unreachable');
    expect(res.statusCode).toBe(200);
    const rows = texts((await workbookOf(res)).getWorksheet('党员信息') as ExcelJS.Worksheet);
    const ids = [ROSTER[0], ROSTER[2], ROSTER[3], ROSTER[5]].map((r) => r?.idNumber);
    expect(rows.slice(1).map((r) => r[2])).toEqual(ids);
    const [audit] = await auditRows(t.deps.db, 'member.export');
    expect(audit).toMatchObject({ role: 'org_admin', actorUsername: 'orgadmin_a' });
    expect(audit?.diff).toEqual({
      note: {
        format: 'template',
        includeDeparted: false,
        reveal: 'idNumber',
        status: ['full', 'unreachable'],
        sort: 'name',
        memberCount: 4,
      },
    });
  });

  it('round-trips: the revealed export imports back to the same roster', async () => {
    const first = await as.orgadminA.get('/api/members/export?reveal=idNumber');
    await undo();
    const dry = await postImport(t.app, as.orgadminA.headers, first.rawPayload);
    expect(dry.json()).toMatchObject({ rowCount: ROSTER.length, validCount: ROSTER.length, errors: [] });
    const real = await postImport(t.app, as.orgadminA.headers, first.rawPayload, { dryRun: 'false' });
    batchId = real.json().batchId;
    const second = await as.orgadminA.get('/api/members/export?reveal=idNumber');
    const sheet = async (res: TestResponse) =>
      texts((await workbookOf(res)).getWorksheet('党员信息') as ExcelJS.Worksheet);
    expect(await sheet(second)).toEqual(await sheet(first));
  });

  it('offers the 2017 汇总表 layout, which the importer reads back', async () => {
    const res = await as.orgadminA.get('/api/members/export?format=official_2017&reveal=idNumber');
    expect(res.statusCode).toBe(200);
    const workbook = await workbookOf(res);
    // One sheet per 党支部: the 党小组's members are on their branch's sheet, under its name (the form has no
    // 党小组 column, and the national system looks branches up by name).
    expect(workbook.worksheets.map((w) => w.name)).toEqual([BRANCH, OTHER, '民族', '学历', '工作岗位']);
    const ws = workbook.getWorksheet(BRANCH) as ExcelJS.Worksheet;
    expect(ws.getCell('A1').value).toBe('党员基本信息汇总表');
    expect(ws.getCell('A2').value).toBe('基层党委：和平社区党委');
    expect(ws.getCell('M2').value).toBe('汇总日期：2026年6月15日');
    expect([
      ws.getCell('D3').value,
      ws.getCell('M3').value,
      ws.getCell('M4').value,
      ws.getCell('N4').value,
    ]).toEqual(['公民身份证号', '联系电话', '手机号', '固定电话']);
    expect(ws.getCell('D3').isMerged && ws.getCell('D4').isMerged && ws.getCell('N3').isMerged).toBe(true);
    expect([ws.getCell('A5').value, ws.getCell('D5').value]).toEqual([1, ROSTER[0]?.idNumber]);
    expect(ws.getCell('J5').value).toEqual(utc('2010-07-01'));
    expect(ws.getCell('J5').numFmt).toBe('yyyy"年"m"月"d"日"');
    expect(ws.getCell('D5').numFmt).toBe('@');
    expect([5, 6, 7, 8].map((r) => ws.getCell(`C${r}`).value)).toEqual(Array(4).fill(BRANCH));
    expect(String(ws.getCell('A9').value)).toMatch(/^注：/);
    await undo();
    const back = await postImport(t.app, as.orgadminA.headers, res.rawPayload);
    expect(back.json()).toMatchObject({
      format: 'official_2017',
      rowCount: ROSTER.length,
      validCount: ROSTER.length,
      errors: [],
    });
  });
});

describe('GET /api/members/template', () => {
  it('has the instructions, the header, a skipped 示例 row, a text ID column and drop-downs', async () => {
    const res = await as.secretaryA1.get('/api/members/template');
    expect(res.statusCode).toBe(200);
    const workbook = await workbookOf(res);
    expect(workbook.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['说明', 'visible'],
      ['党员信息', 'visible'],
      ['民族', 'hidden'],
      ['学历', 'hidden'],
      ['工作岗位', 'hidden'],
    ]);
    const data = workbook.getWorksheet('党员信息') as ExcelJS.Worksheet;
    expect(texts(data)[0]).toEqual(TEMPLATE_COLUMNS.map((c) => c.header));
    // One term per concept: 党籍状态 is the UI's status, 人员类别 the UI's category (docs/official-forms.md §4.2).
    expect(texts(data)[0]).toContain('党籍状态');
    expect(texts(data)[0]).toContain('人员类别（在职/离退休等）');
    expect(texts(data)[0]).not.toContain('人员类别（正式党员/预备党员）');
    expect(String(data.getCell('A2').value)).toMatch(/^示例/);
    expect(data.getColumn(3).numFmt).toBe('@');
    const validations = (
      data as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }
    ).dataValidations.model;
    // exceljs reads validations back cell by cell.
    expect(validations.D2).toMatchObject({ type: 'list', formulae: ['"男,女"'] });
    expect(validations.D5000).toMatchObject({ type: 'list', formulae: ['"男,女"'] });
    expect(validations.E2).toMatchObject({ type: 'list', formulae: ["'民族'!$A$1:$A$58"] });
    expect(validations.C2).toMatchObject({ type: 'textLength', formulae: [15, 18] });
    expect(
      texts(workbook.getWorksheet('说明') as ExcelJS.Worksheet)
        .flat()
        .join(''),
    ).toContain('01 汉族');
    expect((await t.anon.get('/api/members/template')).statusCode).toBe(401);

    const filled = workbook.getWorksheet('党员信息') as ExcelJS.Worksheet;
    const row = memberRow(50, BRANCH, { standing: '正式党员' });
    filled.addRow(TEMPLATE_COLUMNS.map((c) => row[c.key] ?? null));
    filled.getCell('C3').numFmt = '@';
    const bytes = Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    const dry = await postImport(t.app, as.secretaryA1.headers, bytes);
    expect(dry.json()).toMatchObject({ format: 'template', rowCount: 1, validCount: 1, errors: [] });
    expect(dry.json().sheets.map((s: { name: string; skipped: boolean }) => [s.name, s.skipped])).toEqual([
      ['说明', true],
      ['党员信息', false],
      ['民族', true],
      ['学历', true],
      ['工作岗位', true],
    ]);
  });
});

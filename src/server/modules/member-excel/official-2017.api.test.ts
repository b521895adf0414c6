import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportIssue } from '../../../contracts/member-import.ts';
import { generateIdNumber } from '../../../domain/people/index.ts';
import { members, persons } from '../../db/tables/people.ts';
import { type ActorClients, loginActors, seedActors } from '../../testing/actors.ts';
import { postImport, syntheticIdentity, utc } from '../../testing/fixtures/member-import.ts';
import {
  type OfficialRow,
  type OfficialSheet,
  officialWorkbook,
} from '../../testing/fixtures/official-2017.ts';
import { seedTree, type Tree } from '../../testing/fixtures.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import { NUMERIC_ID_MESSAGE } from './column-parsers.ts';

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

const BRANCH = '和平社区第一党支部';
const GROUP = '和平社区第一党小组';
const OTHER_BRANCH = '幸福社区第一党支部';
const who = (i: number) => syntheticIdentity(i);
/** The template's own drop-down strings carry a leading space (docs/official-forms.md §6.2). */
const genderOf = (i: number) => (who(i).male ? ' 男' : ' 女');
const elder = generateIdNumber({ provinceAndCounty: '110105', birthDate: '1945-03-03', sequence: 35 });

const blank: OfficialRow = {
  name: null,
  branch: BRANCH,
  id: null,
  gender: null,
  ethnicity: null,
  birth: null,
  education: null,
  kind: null,
  admitted: null,
  confirmed: null,
  post: null,
  mobile: null,
  landline: null,
  address: null,
  standing: '正常',
  unreachable: '否',
  lost: null,
  mobileMember: '否',
  outflow: null,
};
const person = (i: number, extra: Partial<OfficialRow>): OfficialRow => ({
  ...blank,
  name: who(i).name,
  id: who(i).idNumber,
  gender: genderOf(i),
  ...extra,
});

/** Every quirk of docs/official-forms.md §6, one or more per row. */
const FIRST_BRANCH: OfficialSheet = {
  name: '第一支部',
  committee: '和平社区党委',
  remarkColumn: true,
  blankRows: 3,
  rows: [
    person(501, {
      ethnicity: '01 汉族',
      birth: utc(who(501).birthDate),
      education: '7 初中',
      kind: '正式党员',
      admitted: utc('1998-07-01'),
      confirmed: utc('1999-07-01'),
      post: '11 农牧渔业生产人员',
      mobile: '13900000501',
      landline: '无',
      address: '和平村1组',
      lost: '/',
      outflow: '—',
      remark: '无',
    }),
    person(502, {
      ethnicity: '01',
      education: '初中',
      kind: ' 预备党员',
      admitted: '2026-03-01',
      confirmed: '-',
      post: '123',
      mobile: 13900000502,
      landline: '0755-12345678',
      mobileMember: '是',
      outflow: '广东省深圳市南山区',
    }),
    person(503, {
      ethnicity: '汉族',
      education: '8 小学',
      kind: '正式党员',
      admitted: '1995/7/1',
      confirmed: '1996年7月1日',
      post: '502',
      landline: '-',
      address: '/',
      unreachable: '是',
      lost: '2020年3月',
    }),
    person(504, { gender: null, admitted: '2001.7.1', confirmed: '2002.7.1', standing: '停止党籍' }),
    person(505, {
      ethnicity: ' 01 汉族',
      education: '21 大学',
      kind: '正式党员',
      admitted: 40_725,
      confirmed: utc('2012-07-01'),
      post: '退休人员',
      remark: '原籍外省',
    }),
    {
      ...blank,
      name: '钱老',
      id: elder,
      gender: '男',
      ethnicity: '02 蒙古族',
      education: '6',
      kind: '正式党员',
      admitted: utc('1970-05-01'),
      confirmed: utc('1970-05-01'),
      post: '502 退休人员',
    },
  ],
};
const GROUP_SHEET: OfficialSheet = {
  name: '第一党小组',
  committee: '和平社区党委',
  // The national system's labels (docs/official-forms.md §7).
  labels: { 3: '公民身份号码', 9: '入党日期', 10: '转正日期', 14: '现居住地' },
  rows: [
    person(506, {
      branch: GROUP,
      ethnicity: '01 汉族',
      birth: utc(who(506).birthDate),
      education: '21 大学',
      kind: '正式党员',
      admitted: utc('2008-07-01'),
      confirmed: utc('2009-07-01'),
      post: '0212 事业单位专业技术岗位',
      address: '幸福路2号',
    }),
  ],
};
const OTHER_SHEET: OfficialSheet = {
  name: '幸福社区第一党支部',
  committee: '幸福社区党委',
  rows: [
    person(507, {
      branch: OTHER_BRANCH,
      ethnicity: '01 汉族',
      education: '22 大专',
      kind: '正式党员',
      admitted: '2015-07-01',
      confirmed: '2016-07-01',
      post: '604',
    }),
  ],
};

async function stored(idNumber: string) {
  const [row] = await t.deps.db
    .select({ m: members, p: persons })
    .from(members)
    .innerJoin(persons, eq(persons.id, members.personId))
    .where(eq(persons.idNumberHash, t.deps.idCipher.hash(idNumber)));
  return row;
}

describe('the 2017 《党员基本信息汇总表》 as branches keep it', () => {
  it('reads every branch sheet by its header, skips the code sheets, and accepts every quirk', async () => {
    const file = await officialWorkbook([FIRST_BRANCH, GROUP_SHEET, OTHER_SHEET]);
    const res = await postImport(t.app, as.orgadminA.headers, file);
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    expect(report.errors).toEqual([]);
    expect(report).toMatchObject({ format: 'official_2017', rowCount: 8, validCount: 8, errorCount: 0 });
    expect(report.sheets).toEqual([
      { name: '第一支部', format: 'official_2017', rowCount: 6, skipped: false },
      { name: '第一党小组', format: 'official_2017', rowCount: 1, skipped: false },
      { name: '幸福社区第一党支部', format: 'official_2017', rowCount: 1, skipped: false },
      { name: '民族', format: null, rowCount: 0, skipped: true },
      { name: '学历', format: null, rowCount: 0, skipped: true },
      { name: '工作岗位', format: null, rowCount: 0, skipped: true },
    ]);
    expect(report.warnings as ImportIssue[]).toContainEqual({
      sheet: '第一支部',
      row: 7,
      column: '失去联系日期',
      value: '2020年3月',
      message: '只填写了年月，按当月1日记录',
    });
    expect(
      (report.warnings as ImportIssue[])
        .filter((w) => w.column === '人员类别（在职/离退休等）')
        .map((w) => [w.sheet, w.row]),
    ).toEqual([
      ['第一支部', 3],
      ['第一党小组', 3],
      ['幸福社区第一党支部', 3],
    ]);
  });

  it('commits what the form says: codes, dates, statuses, blanks and derived categories', async () => {
    const file = await officialWorkbook([FIRST_BRANCH, GROUP_SHEET, OTHER_SHEET]);
    const res = await postImport(t.app, as.orgadminA.headers, file, {
      dryRun: 'false',
      mode: 'all_or_nothing',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ importedCount: 8, format: 'official_2017' });
    expect(await stored(who(501).idNumber)).toMatchObject({
      m: {
        orgId: tree.branchA1.id,
        status: 'full',
        category: 'farmer',
        admittedOn: '1998-07-01',
        confirmedOn: '1999-07-01',
      },
      p: {
        ethnicity: '01',
        education: '7',
        workPost: '11',
        phoneMobile: '13900000501',
        phoneLandline: null,
        address: '和平村1组',
      },
    });
    expect(await stored(who(502).idNumber)).toMatchObject({
      m: {
        status: 'probationary',
        confirmedOn: null,
        isMobile: true,
        outflowDestination: '广东省深圳市南山区',
        category: 'other',
      },
      p: {
        ethnicity: '01',
        education: '7',
        workPost: '123',
        phoneMobile: '13900000502',
        phoneLandline: '0755-12345678',
      },
    });
    expect(await stored(who(503).idNumber)).toMatchObject({
      m: {
        status: 'unreachable',
        lostContactOn: '2020-03-01',
        admittedOn: '1995-07-01',
        confirmedOn: '1996-07-01',
        category: 'retired',
      },
      p: { ethnicity: '01', education: '8', address: null, phoneLandline: null },
    });
    expect(await stored(who(504).idNumber)).toMatchObject({
      m: { status: 'suspended', admittedOn: '2001-07-01', confirmedOn: '2002-07-01', category: 'other' },
      p: {
        ethnicity: null,
        education: null,
        workPost: null,
        gender: who(504).male ? 'male' : 'female',
        birthDate: who(504).birthDate,
      },
    });
    expect(await stored(who(505).idNumber)).toMatchObject({
      m: { admittedOn: '2011-07-01', category: 'retired' },
      p: { workPost: '502', education: '21' },
    });
    expect(await stored(elder)).toMatchObject({
      m: { admittedOn: '1970-05-01', confirmedOn: '1970-05-01', probationEndsOn: null },
      p: { ethnicity: '02', education: '6' },
    });
    expect(await stored(who(506).idNumber)).toMatchObject({
      m: { orgId: tree.groupA1.id, category: 'employed' },
      p: { workPost: '0212', address: '幸福路2号' },
    });
    expect(await stored(who(507).idNumber)).toMatchObject({
      m: { orgId: tree.branchA2.id, category: 'self_employed' },
    });
  });

  it('returns errors in the form’s own layout, and the fixed error workbook imports as it is', async () => {
    const sheet: OfficialSheet = {
      name: '第二支部',
      committee: '和平社区党委',
      rows: [
        person(601, {
          ethnicity: '01 汉族',
          education: '7 初中',
          kind: '正式党员',
          admitted: utc('2000-07-01'),
          confirmed: utc('2001-07-01'),
          post: '11',
          id: Number(who(601).idNumber),
        }),
        person(602, {
          ethnicity: '01 汉族',
          education: '7 初中',
          kind: '正式党员',
          admitted: utc('2000-07-01'),
          confirmed: utc('2001-07-01'),
          post: '11',
        }),
      ],
    };
    const res = await postImport(t.app, as.orgadminA.headers, await officialWorkbook([sheet]));
    const report = res.json();
    expect(report.errors.map((e: ImportIssue) => [e.sheet, e.row, e.column, e.message])).toEqual([
      ['第二支部', 5, '公民身份证号', NUMERIC_ID_MESSAGE],
    ]);
    const download = await as.orgadminA.get(`/api/member-imports/error-files/${report.errorFileId}`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(download.rawPayload as unknown as ArrayBuffer);
    const ws = workbook.getWorksheet('第二支部') as ExcelJS.Worksheet;
    expect(ws.getCell('A1').value).toBe('党员基本信息汇总表');
    expect(ws.getCell('A2').value).toBe('基层党委：和平社区党委');
    expect([ws.getCell('M3').value, ws.getCell('M4').value, ws.getCell('N4').value]).toEqual([
      '联系电话',
      '手机号',
      '固定电话',
    ]);
    expect(ws.getCell('U4').value).toBe('错误说明');
    expect(ws.getCell('B5').value).toBe(who(601).name);
    expect(ws.getCell('U5').value).toBe(`【公民身份证号】${NUMERIC_ID_MESSAGE}`);
    expect(ws.rowCount).toBe(5);
    ws.getCell('D5').value = who(601).idNumber;
    const fixed = Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    const again = await postImport(t.app, as.orgadminA.headers, fixed);
    expect(again.json()).toMatchObject({ format: 'official_2017', rowCount: 1, validCount: 1, errors: [] });
  });
});

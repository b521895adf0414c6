import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportIssue } from '../../../contracts/member-import.ts';
import { generateIdNumber } from '../../../domain/people/index.ts';
import { members, persons } from '../../db/tables/people.ts';
import { type ActorClients, loginActors, seedActors } from '../../testing/actors.ts';
import { memberRow, postImport, type RowInput, utc } from '../../testing/fixtures/member-import.ts';
import { seedTree, type Tree } from '../../testing/fixtures.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import { type ColumnKey, TEMPLATE_COLUMNS } from './members.excel.ts';

/**
 * The import applies the registration rules of the form and the API (docs/membership.md §3.2, §3.3): the 转正
 * date of the status path, a documented extension in its own column, old records accepted with a warning in the
 * report; the same required fields (docs/official-forms.md §6.3); the template's header in the UI's terms, and
 * workbooks with the older header still read (docs/official-forms.md §4.2).
 */
let t: TestApp;
let tree: Tree;
let as: ActorClients;
const BRANCH = '和平社区第一党支部';

beforeAll(async () => {
  t = await startTestApp();
  tree = await seedTree(t.deps.db);
  await seedActors(t.deps.db, tree);
  as = await loginActors(t);
});
afterAll(() => t.close());

/** A workbook with the given header labels, each row's cells by column key. */
async function workbook(columns: readonly { key: ColumnKey; label: string }[], rows: readonly RowInput[]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('党员信息');
  ws.addRow(columns.map((c) => c.label));
  for (const row of rows) {
    const added = ws.addRow(columns.map((c) => row[c.key] ?? null));
    added.getCell(columns.findIndex((c) => c.key === 'idNumber') + 1).numFmt = '@';
  }
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** An old member: born 1925, so that an admission in 1950 is at 25. */
const BORN_1925: RowInput = {
  idNumber: generateIdNumber({ provinceAndCounty: '110105', birthDate: '1925-03-01', sequence: 402 }),
  gender: '女',
  birthDate: utc('1925-03-01'),
};

const TEMPLATE = TEMPLATE_COLUMNS.map((c) => ({ key: c.key, label: c.header }));
/** A row of today's template: 党籍状态 holds 正式党员 / 预备党员 / 失联党员 / 停止党籍. */
const row = (i: number, extra: RowInput = {}) => memberRow(i, BRANCH, { standing: '正式党员', ...extra });

describe('the member rules in the import', () => {
  it('accepts an old record with a warning, a documented extension, and refuses a 转正 date off the rule', async () => {
    const rows = [
      row(401, {
        ...BORN_1925,
        admittedOn: utc('1950-05-01'),
        confirmedOn: utc('1950-11-01'),
        workPost: '502 退休人员',
        category: '离退休',
      }),
      row(402, {
        admittedOn: utc('2010-07-01'),
        probationEndsOn: utc('2012-01-01'),
        confirmedOn: utc('2012-01-01'),
      }),
      row(403, { admittedOn: utc('2010-07-01'), confirmedOn: utc('2011-07-20') }),
      row(404, { workPost: null }),
    ];
    const res = await postImport(t.app, as.orgadminA.headers, await workbook(TEMPLATE, rows));
    const report = res.json();
    expect(report).toMatchObject({ format: 'template', rowCount: 4, validCount: 2 });
    const at = (issues: ImportIssue[]) => issues.map((i) => [i.row, i.column, i.message]);
    expect(at(report.errors)).toEqual([
      [4, '转为正式党员日期', expect.stringContaining('转正时间应为预备期满之日（2011-07-01）')],
      [5, '工作岗位', '请填写工作岗位'],
    ]);
    expect(at(report.warnings)).toContainEqual([
      2,
      '转为正式党员日期',
      expect.stringContaining('候补期6个月'),
    ]);

    const done = await postImport(t.app, as.orgadminA.headers, await workbook(TEMPLATE, rows), {
      dryRun: 'false',
    });
    expect(done.json()).toMatchObject({ importedCount: 2 });
    const [extended] = await t.deps.db
      .select({ probationEndsOn: members.probationEndsOn, confirmedOn: members.confirmedOn })
      .from(members)
      .innerJoin(persons, eq(persons.id, members.personId))
      .where(eq(persons.name, String(rows[1]?.name)));
    expect(extended).toEqual({ probationEndsOn: '2012-01-01', confirmedOn: '2012-01-01' });
  });
});

describe('one term per concept in the template header', () => {
  it('reads 党籍状态 as the UI’s status and 人员类别 as the UI’s category', async () => {
    const rows = [
      row(411, { category: '离退休', workPost: '502 退休人员' }),
      row(412, { standing: '预备党员', confirmedOn: null, admittedOn: utc('2026-01-10') }),
      row(413, { standing: '失联党员', lostContactOn: utc('2022-01-01') }),
      row(414, { standing: '停止党籍' }),
    ];
    const res = await postImport(t.app, as.orgadminA.headers, await workbook(TEMPLATE, rows), {
      dryRun: 'false',
    });
    expect(res.json()).toMatchObject({ importedCount: 4, errors: [] });
    const got = await t.deps.db
      .select({ name: persons.name, status: members.status, category: members.category })
      .from(members)
      .innerJoin(persons, eq(persons.id, members.personId));
    const of = (r: RowInput | undefined) => got.find((g) => g.name === r?.name);
    expect([of(rows[0]), of(rows[1]), of(rows[2]), of(rows[3])].map((g) => [g?.status, g?.category])).toEqual(
      [
        ['full', 'retired'],
        ['probationary', 'employed'],
        ['unreachable', 'employed'],
        ['suspended', 'employed'],
      ],
    );
  });

  it('still reads a workbook with the older header (人员类别 for 正式/预备, 党员类别, 党籍状态 正常)', async () => {
    const older: { key: ColumnKey; label: string }[] = [
      { key: 'name', label: '姓名' },
      { key: 'org', label: '所在党支部（全称或组织代码）' },
      { key: 'idNumber', label: '公民身份号码' },
      { key: 'ethnicity', label: '民族' },
      { key: 'education', label: '学历' },
      { key: 'kind', label: '人员类别（正式党员/预备党员）' },
      { key: 'admittedOn', label: '加入党组织日期' },
      { key: 'confirmedOn', label: '转为正式党员日期' },
      { key: 'workPost', label: '工作岗位' },
      { key: 'category', label: '党员类别' },
      { key: 'standing', label: '党籍状态' },
      { key: 'isUnreachable', label: '是否失联党员' },
    ];
    const rows = [
      memberRow(421, BRANCH, { category: '学生', workPost: '311 毕业年级' }),
      memberRow(422, BRANCH),
    ];
    const res = await postImport(t.app, as.orgadminA.headers, await workbook(older, rows));
    expect(res.json()).toMatchObject({ rowCount: 2, validCount: 2, errors: [] });
  });

  it('tells a mixed file whose 党籍状态 and 人员类别 disagree', async () => {
    const both = [...TEMPLATE, { key: 'kind' as const, label: '人员类别（正式党员/预备党员）' }];
    const res = await postImport(
      t.app,
      as.orgadminA.headers,
      await workbook(both, [row(431, { kind: '预备党员' })]),
    );
    expect(res.json().errors.map((e: ImportIssue) => e.message)).toContain(
      '党籍状态与人员类别（正式党员/预备党员）不一致',
    );
  });
});

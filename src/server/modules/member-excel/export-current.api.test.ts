import { eq, inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEFT_REASON_LABELS } from '../../../domain/membership/index.ts';
import { members, persons } from '../../db/tables/people.ts';
import { type ActorClients, loginActors, seedActors } from '../../testing/actors.ts';
import {
  memberRow,
  postImport,
  type RowInput,
  templateWorkbook,
  utc,
} from '../../testing/fixtures/member-import.ts';
import { seedTree, type Tree } from '../../testing/fixtures.ts';
import { startTestApp, type TestApp, type TestResponse } from '../../testing/test-app.ts';

/**
 * Who the exports hold (docs/official-forms.md §4.3): the branches' current records by default, the departed only
 * on request and then with their real status; 是否为失联党员 and 失去联系日期 always agree; the 2017 form one sheet
 * per 党支部. And the round trip: what the 2017 export writes imports back into another deployment as the same
 * members, the departed left out.
 */
let t: TestApp;
let tree: Tree;
let as: ActorClients;

const BRANCH = '和平社区第一党支部';
const GROUP = '和平社区第一党小组';

const CURRENT: RowInput[] = [
  memberRow(301, BRANCH),
  memberRow(302, BRANCH, { kind: '预备党员', confirmedOn: null, admittedOn: utc('2026-01-10') }),
  memberRow(303, GROUP, { isUnreachable: '是', lostContactOn: utc('2021-05-01') }),
  memberRow(304, GROUP, { standing: '停止党籍' }),
];
/** Imported as current, then made to leave (the export reads, whatever path wrote the status). */
const DEPARTED: RowInput[] = [
  memberRow(305, BRANCH, { isUnreachable: '是', lostContactOn: utc('2020-03-01') }),
  memberRow(306, GROUP),
  memberRow(307, BRANCH, { kind: '预备党员', confirmedOn: null, admittedOn: utc('2026-01-10') }),
];
const idOf = (r: RowInput | undefined) => String(r?.idNumber);

beforeAll(async () => {
  t = await startTestApp();
  tree = await seedTree(t.deps.db);
  await seedActors(t.deps.db, tree);
  as = await loginActors(t);
  const res = await postImport(
    t.app,
    as.orgadminA.headers,
    await templateWorkbook([...CURRENT, ...DEPARTED]),
    {
      dryRun: 'false',
    },
  );
  expect(res.json()).toMatchObject({ importedCount: CURRENT.length + DEPARTED.length, errors: [] });
  const departed = async (row: RowInput | undefined, set: Partial<typeof members.$inferInsert>) => {
    const [person] = await t.deps.db
      .select({ id: persons.id })
      .from(persons)
      .where(eq(persons.name, String(row?.name)));
    await t.deps.db
      .update(members)
      .set(set)
      .where(eq(members.personId, person?.id as number));
  };
  // A 除名 member who had been unreachable keeps the old date on record: the export must not show it.
  await departed(DEPARTED[0], { status: 'left', leftReason: 'removed' });
  await departed(DEPARTED[1], { status: 'transferred_out', transferLetterNo: '组转字〔2026〕1号' });
  await departed(DEPARTED[2], { status: 'left', leftReason: 'probation_cancelled' });
});
afterAll(() => t.close());

async function sheetsOf(res: TestResponse): Promise<ExcelJS.Workbook> {
  expect(res.statusCode, res.body).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return workbook;
}

/** The data rows of a 2017 sheet by its header: 公民身份证号 → the row's cells by header label. */
function officialRows(ws: ExcelJS.Worksheet): Map<string, Record<string, unknown>> {
  const columns = Array.from({ length: 20 }, (_, i) => i + 1);
  const labels = columns.map((c) =>
    String(ws.getRow(4).getCell(c).value || ws.getRow(3).getCell(c).value || ''),
  );
  const out = new Map<string, Record<string, unknown>>();
  for (let r = 5; r <= ws.rowCount; r++) {
    const id = ws.getRow(r).getCell(4).value;
    if (typeof id !== 'string' || !/^\d{17}/.test(id)) continue;
    out.set(id, Object.fromEntries(columns.map((c, i) => [labels[i], ws.getRow(r).getCell(c).value])));
  }
  return out;
}

const official = (query = '') =>
  as.orgadminA.get(
    `/api/members/export?format=official_2017&reveal=idNumber&orgId=${tree.communityA1.id}${query}`,
  );

describe('the 2017 export: who is on it', () => {
  it('holds the current records only by default, one sheet per 党支部 named in 所在党支部', async () => {
    const workbook = await sheetsOf(await official());
    expect(workbook.worksheets.map((w) => w.name)).toEqual([BRANCH, '民族', '学历', '工作岗位']);
    const rows = officialRows(workbook.getWorksheet(BRANCH) as ExcelJS.Worksheet);
    expect([...rows.keys()].sort()).toEqual(CURRENT.map(idOf).sort());
    for (const row of rows.values()) expect(row.所在党支部).toBe(BRANCH);
    const unreachable = rows.get(idOf(CURRENT[2]));
    expect([unreachable?.党籍状态, unreachable?.是否为失联党员, unreachable?.失去联系日期]).toEqual([
      '正常',
      '是',
      utc('2021-05-01'),
    ]);
    const suspended = rows.get(idOf(CURRENT[3]));
    expect([suspended?.党籍状态, suspended?.是否为失联党员, suspended?.失去联系日期 ?? null]).toEqual([
      '停止党籍',
      '否',
      null,
    ]);
  });

  it('leaves the departed out of the template export too', async () => {
    const res = await as.orgadminA.get(`/api/members/export?reveal=idNumber&orgId=${tree.communityA1.id}`);
    const ws = (await sheetsOf(res)).getWorksheet('党员信息') as ExcelJS.Worksheet;
    const ids = (ws.getColumn(3).values as unknown[]).slice(2).map(String);
    expect(ids.sort()).toEqual(CURRENT.map(idOf).sort());
  });

  it('adds the departed on request, each with their real status, never as 正常 or 失联', async () => {
    const workbook = await sheetsOf(await official('&includeDeparted=true'));
    const rows = officialRows(workbook.getWorksheet(BRANCH) as ExcelJS.Worksheet);
    expect(rows.size).toBe(CURRENT.length + DEPARTED.length);
    const status = (r: RowInput | undefined) => {
      const row = rows.get(idOf(r));
      return [row?.党籍状态, row?.是否为失联党员, row?.失去联系日期 ?? null];
    };
    expect(status(DEPARTED[0])).toEqual([`已出党：${LEFT_REASON_LABELS.removed}`, '否', null]);
    expect(status(DEPARTED[1])).toEqual(['已转出', '否', null]);
    expect(status(DEPARTED[2])).toEqual(['已出党：取消预备党员资格', '否', null]);
  });

  it('asks for a session (401), and refuses an org out of scope (404)', async () => {
    expect((await t.anon.get('/api/members/export?format=official_2017')).statusCode).toBe(401);
    const res = await as.orgadminB.get(
      `/api/members/export?format=official_2017&orgId=${tree.communityA1.id}`,
    );
    expect(res.statusCode).toBe(404);
  });
});

describe('the 2017 export round trip', () => {
  it('imports back into another deployment as the same members, the departed excluded', async () => {
    const exported = await official('&includeDeparted=false');
    const other = await startTestApp();
    try {
      const otherTree = await seedTree(other.deps.db);
      await seedActors(other.deps.db, otherTree);
      const otherAs = await loginActors(other);
      const res = await postImport(other.app, otherAs.orgadminA.headers, exported.rawPayload, {
        dryRun: 'false',
      });
      expect(res.json()).toMatchObject({
        format: 'official_2017',
        importedCount: CURRENT.length,
        errors: [],
      });
      const facts = async (app: TestApp, ids: readonly string[]) => {
        const rows = await app.deps.db
          .select({
            idHash: persons.idNumberHash,
            name: persons.name,
            status: members.status,
            admittedOn: members.admittedOn,
            confirmedOn: members.confirmedOn,
            lostContactOn: members.lostContactOn,
            education: persons.education,
            workPost: persons.workPost,
          })
          .from(members)
          .innerJoin(persons, eq(persons.id, members.personId))
          .where(
            inArray(
              persons.idNumberHash,
              ids.map((id) => app.deps.idCipher.hash(id)),
            ),
          );
        return rows
          .map(({ idHash: _h, ...rest }) => rest)
          .sort((a, b) => a.name.localeCompare(b.name) || a.admittedOn.localeCompare(b.admittedOn));
      };
      const ids = CURRENT.map(idOf);
      expect(await facts(other, ids)).toEqual(await facts(t, ids));
      expect(await facts(other, DEPARTED.map(idOf))).toEqual([]);
    } finally {
      await other.close();
    }
  });
});

import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_UPLOAD_LIMITS } from '../../../domain/shared/index.ts';
import { type ActorClients, auditRows, loginActors, seedActors } from '../../testing/actors.ts';
import { postImport } from '../../testing/fixtures/member-import.ts';
import { type RawCell, rawWorkbook, rosterRows, sharedStringsPart } from '../../testing/fixtures/raw-xlsx.ts';
import { seedTree } from '../../testing/fixtures.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';

/** 导入限制 are settings of the 系统管理员: the importer follows them from the next upload on. */
let t: TestApp;
let as: ActorClients;
const BRANCH = '和平社区第一党支部';

beforeAll(async () => {
  t = await startTestApp();
  const tree = await seedTree(t.deps.db);
  await seedActors(t.deps.db, tree);
  as = await loginActors(t);
});
afterAll(() => t.close());

async function setLimits(value: Record<string, number>) {
  const current = (await as.sysadmin.get('/api/settings/import')).json();
  const res = await as.sysadmin.put('/api/settings/import', { value, version: current.version });
  expect(res.statusCode, res.body).toBe(200);
}

beforeEach(() => setLimits({ ...DEFAULT_UPLOAD_LIMITS }));

describe('the 导入限制 settings', () => {
  it('start at the safe defaults and are read and changed by the 系统管理员 only', async () => {
    const res = await as.sysadmin.get('/api/settings/import');
    expect(res.json().value).toEqual(DEFAULT_UPLOAD_LIMITS);
    for (const who of ['secadmin', 'auditadmin', 'orgadminA', 'secretaryA1'] as const) {
      expect((await as[who].get('/api/settings/import')).statusCode).toBe(403);
      const put = await as[who].put('/api/settings/import', { value: { maxRows: 1000 }, version: 1 });
      expect(put.statusCode).toBe(403);
    }
    expect((await t.anon.get('/api/settings/import')).statusCode).toBe(401);
  });

  it('cannot be set past their bounds, so that a setting cannot switch the protection off', async () => {
    const { version } = (await as.sysadmin.get('/api/settings/import')).json();
    for (const value of [{ maxFileMb: 1000 }, { maxRows: 10_000_000 }, { maxSharedStringsMb: 0 }]) {
      const res = await as.sysadmin.put('/api/settings/import', { value, version });
      expect(res.statusCode).toBe(400);
    }
  });

  it('are audited when changed', async () => {
    await setLimits({ maxRows: 150_000 });
    const [audit] = await auditRows(t.deps.db, 'settings.update', 'import');
    expect(audit?.diff).toMatchObject({ before: { maxRows: 200_000 }, after: { maxRows: 150_000 } });
  });
});

describe('GET /api/members/import-limits', () => {
  it('tells an importer the limits in force before the upload; others get 403', async () => {
    await setLimits({ maxFileMb: 5, maxRows: 50_000 });
    const res = await as.orgadminA.get('/api/members/import-limits');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      maxFileMb: 5,
      maxRows: 50_000,
      maxColumns: 256,
      maxIssues: 1_000,
      errorFileHours: 24,
    });
    expect((await as.auditadmin.get('/api/members/import-limits')).statusCode).toBe(403);
    expect((await t.anon.get('/api/members/import-limits')).statusCode).toBe(401);
  });
});

describe('an upload', () => {
  const roster = (extraRow?: RawCell[]) => {
    const rows: RawCell[][] = rosterRows(1, 1_100, BRANCH);
    if (extraRow) rows.push(extraRow);
    return rawWorkbook(rows);
  };

  it('that passed is refused once the row limit is lowered below it, the message naming it', async () => {
    const file = roster();
    expect((await postImport(t.app, as.orgadminA.headers, file)).statusCode).toBe(200);
    await setLimits({ maxRows: 1_000 });
    const res = await postImport(t.app, as.orgadminA.headers, file);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      message: '数据行超过导入限制：一个文件最多 1000 行，请删除无关内容或拆分为多个文件后再导入',
      details: { reason: 'too_many_rows', limit: 'maxRows', value: 1000 },
    });
  });

  it('follows the column, file size and shared-strings limits as well', async () => {
    const wide = roster([...Array.from({ length: 99 }, () => null), '备注']);
    const padded = rawWorkbook(rosterRows(1, 2, BRANCH), {}, [
      { name: 'xl/media/image1.png', data: randomBytes(1_200_000) },
    ]);
    const wordy = rawWorkbook(rosterRows(1, 2, BRANCH), {}, [sharedStringsPart('长'.repeat(1000), 2_000)]);
    for (const file of [wide, padded, wordy]) {
      const res = await postImport(t.app, as.orgadminA.headers, file);
      expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    }
    await setLimits({ maxColumns: 64, maxFileMb: 1, maxSharedStringsMb: 4 });
    const refusals = [
      [wide, 'too_many_columns', '最多 64 列'],
      [padded, 'file_too_large', '文件大小不能超过 1 MB'],
      [wordy, 'shared_strings_too_large', '共享字符串不能超过 4 MB'],
    ] as const;
    for (const [file, reason, text] of refusals) {
      const res = await postImport(t.app, as.orgadminA.headers, file);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details.reason).toBe(reason);
      expect(res.json().error.message).toContain(text);
    }
  });
});

describe('a file with more errors than are kept', () => {
  it('reports the exact total, the first N issues, and an error workbook of N rows', async () => {
    await setLimits({ maxIssues: 100 });
    const bad = (i: number) => (i % 3 === 0 ? {} : { admittedOn: '2010-02-30' });
    const res = await postImport(t.app, as.orgadminA.headers, rawWorkbook(rosterRows(1, 240, BRANCH, bad)));
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({ rowCount: 240, errorCount: 160, issueCount: 160, issueLimit: 100 });
    expect(report).toMatchObject({ truncated: true });
    expect(report.errors).toHaveLength(100);
    expect(report.errors.at(-1)).toMatchObject({ row: 150, message: '不是有效日期（2010-02-30）' });
    const file = await as.orgadminA.get(`/api/member-imports/error-files/${report.errorFileId}`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('党员信息') as ExcelJS.Worksheet;
    expect(sheet.actualRowCount).toBe(100 + 1);
  });
});

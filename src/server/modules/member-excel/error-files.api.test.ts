import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFiles } from '../../db/tables/people.ts';
import { type ActorClients, loginActors, seedActors } from '../../testing/actors.ts';
import { testJobCtx } from '../../testing/ctx.ts';
import { postImport } from '../../testing/fixtures/member-import.ts';
import { rawWorkbook, rosterRows } from '../../testing/fixtures/raw-xlsx.ts';
import { seedTree } from '../../testing/fixtures.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import { cleanUpImports } from './import-files.ts';
import { cleanUploadTemp, defaultUploadTempDir, newUploadFolder } from './upload-temp.ts';

/** Error workbooks hold full ID numbers: encrypted at rest, kept for their retention time, gone with their batch. */
let t: TestApp;
let as: ActorClients;
const BRANCH = '和平社区第一党支部';
const HOUR = 3_600_000;

beforeAll(async () => {
  t = await startTestApp();
  const tree = await seedTree(t.deps.db);
  await seedActors(t.deps.db, tree);
  as = await loginActors(t);
});
afterAll(() => t.close());

/** Three rows, the second with an impossible date: its full ID number is what the workbook must protect. */
function rosterWithOneError(first: number) {
  const rows = rosterRows(first, 3, BRANCH, (i) => (i === first + 1 ? { admittedOn: '2010-02-30' } : {}));
  return { file: rawWorkbook(rows), badId: String(rows[2]?.[2]) };
}

const stored = async (id: string) =>
  (await t.deps.db.select().from(importFiles).where(eq(importFiles.id, id)))[0];
const download = (id: string) => as.orgadminA.get(`/api/member-imports/error-files/${id}`);

describe('an error workbook', () => {
  it('is stored encrypted, and served decrypted to its creator', async () => {
    const { file, badId } = rosterWithOneError(1);
    const report = (await postImport(t.app, as.orgadminA.headers, file)).json();
    const row = await stored(report.errorFileId);
    const content = Buffer.from(row?.content as Uint8Array);
    expect(content.subarray(0, 2).toString('latin1')).not.toBe('PK');
    expect(content.includes(Buffer.from(badId))).toBe(false);

    const res = await download(report.errorFileId);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('党员信息') as ExcelJS.Worksheet;
    expect(sheet.actualRowCount).toBe(2);
    expect(sheet.getCell('C2').value).toBe(badId);
    expect(sheet.getCell('W2').value).toBe('【加入党组织日期】不是有效日期（2010-02-30）');
  });

  it('that does not decrypt (tampered, or another key) is a 404, not a 500', async () => {
    const report = (await postImport(t.app, as.orgadminA.headers, rosterWithOneError(11).file)).json();
    const row = await stored(report.errorFileId);
    const swapped = (await postImport(t.app, as.orgadminA.headers, rosterWithOneError(21).file)).json();
    // Another file's valid ciphertext under this id: bound to its own id, it does not pass.
    await t.deps.db
      .update(importFiles)
      .set({ content: (await stored(swapped.errorFileId))?.content as Buffer })
      .where(eq(importFiles.id, report.errorFileId));
    expect((await download(report.errorFileId)).statusCode).toBe(404);
    await t.deps.db
      .update(importFiles)
      .set({ content: randomBytes(row?.content.length ?? 100) })
      .where(eq(importFiles.id, report.errorFileId));
    expect((await download(report.errorFileId)).statusCode).toBe(404);
  });

  it('expires after the retention time set in 导入限制, and is deleted by the next import or at start-up', async () => {
    const { version } = (await as.sysadmin.get('/api/settings/import')).json();
    await as.sysadmin.put('/api/settings/import', { value: { errorFileHours: 2 }, version });
    const first = (await postImport(t.app, as.orgadminA.headers, rosterWithOneError(31).file)).json();
    expect(new Date(first.errorFileExpiresAt).getTime() - t.clock.now().getTime()).toBe(2 * HOUR);
    t.clock.advance(2 * HOUR + 1000);
    const again = await loginActors(t);
    expect(
      (await again.orgadminA.get(`/api/member-imports/error-files/${first.errorFileId}`)).statusCode,
    ).toBe(404);
    expect(await stored(first.errorFileId)).toBeDefined();
    await postImport(t.app, again.orgadminA.headers, rosterWithOneError(41).file);
    expect(await stored(first.errorFileId)).toBeUndefined();

    const second = (await postImport(t.app, again.orgadminA.headers, rosterWithOneError(51).file)).json();
    t.clock.advance(3 * HOUR);
    expect(await cleanUpImports(testJobCtx(t), t.deps.uploadTempDir)).toMatchObject({ files: 2 });
    expect(await stored(second.errorFileId)).toBeUndefined();
    as = await loginActors(t);
  });

  it('of a committed import belongs to its batch and is deleted when the batch is undone', async () => {
    const res = await postImport(t.app, as.orgadminA.headers, rosterWithOneError(61).file, {
      dryRun: 'false',
    });
    const report = res.json();
    expect(report).toMatchObject({ importedCount: 2, errorCount: 1 });
    expect(await stored(report.errorFileId)).toMatchObject({ batchId: report.batchId });
    const undo = await as.orgadminA.post(`/api/import-batches/${report.batchId}/undo`, {});
    expect(undo.statusCode, undo.body).toBe(200);
    expect(await stored(report.errorFileId)).toBeUndefined();
    expect((await download(report.errorFileId)).statusCode).toBe(404);
  });
});

describe('upload temp folders', () => {
  it('are private (0700) and none is left after a refused upload', async () => {
    const res = await postImport(t.app, as.orgadminA.headers, randomBytes(1000));
    expect(res.statusCode).toBe(400);
    const root = defaultUploadTempDir();
    expect((await stat(root)).mode & 0o777).toBe(0o700);
    const folder = await newUploadFolder();
    expect((await stat(folder.path)).mode & 0o777).toBe(0o700);
    await folder.remove();
    const left = await readdir(root);
    expect(left.filter((name) => name.startsWith(`${process.pid}-`))).toEqual([]);
  });

  it('left by a crash are removed by cleanUploadTemp(), those of another running server kept', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'jiceng-uploads-test-'));
    try {
      const leftover = async (name: string) => {
        await mkdir(path.join(root, name));
        await writeFile(path.join(root, name, 'upload.xlsx'), '4111111111111111');
      };
      await leftover(`${process.pid}-crashed`);
      await leftover('999999999-gone');
      await leftover(`${process.ppid}-running`);
      expect(await cleanUploadTemp(root)).toBe(2);
      expect(await readdir(root)).toEqual([`${process.ppid}-running`]);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});

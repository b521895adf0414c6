import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { importBatches, memberEvents, members, persons } from '../../db/tables/people.ts';
import { users } from '../../db/tables/users.ts';
import { type ActorClients, auditRows, loginActors, seedActors } from '../../testing/actors.ts';
import {
  memberRow,
  multipartBody,
  postImport,
  templateWorkbook,
} from '../../testing/fixtures/member-import.ts';
import { seedTree, type Tree } from '../../testing/fixtures.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';

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

async function stats(orgId: number) {
  const [row] = await queryRows<{ member_count: number; status_full: number; gender_male: number }>(
    t.deps.db,
    sql`select coalesce(sum(member_count), 0)::int as member_count, coalesce(sum(status_full), 0)::int as status_full,
          coalesce(sum(gender_male), 0)::int as gender_male from org_stats where org_id = ${orgId}`,
  );
  return row;
}

async function importRows(first: number, count: number): Promise<number> {
  const rows = Array.from({ length: count }, (_, i) => memberRow(first + i, BRANCH));
  const res = await postImport(t.app, as.orgadminA.headers, await templateWorkbook(rows), {
    dryRun: 'false',
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().batchId;
}

const batchMemberIds = async (batchId: number) =>
  (await t.deps.db.select({ id: members.id }).from(members).where(eq(members.importBatchId, batchId))).map(
    (m) => m.id,
  );

describe('POST /api/import-batches/:id/undo', () => {
  it('removes the members, their history and persons, and takes them out of the statistics', async () => {
    const before = await stats(tree.branchA1.id);
    const batchId = await importRows(1, 3);
    expect((await stats(tree.branchA1.id))?.member_count).toBe((before?.member_count ?? 0) + 3);
    const ids = await batchMemberIds(batchId);
    const personIds = (
      await t.deps.db.select({ id: members.personId }).from(members).where(inArray(members.id, ids))
    ).map((p) => p.id);

    const res = await as.orgadminA.post(`/api/import-batches/${batchId}/undo`, {});
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      removedMembers: 3,
      removedPersons: 3,
      batch: { id: batchId, status: 'undone', undoneBy: 'orgadmin_a', importedCount: 3 },
    });
    expect(await stats(tree.branchA1.id)).toEqual(before);
    expect(await batchMemberIds(batchId)).toEqual([]);
    expect(await t.deps.db.select().from(memberEvents).where(inArray(memberEvents.memberId, ids))).toEqual(
      [],
    );
    expect(await t.deps.db.select().from(persons).where(inArray(persons.id, personIds))).toEqual([]);
    const [audit] = await auditRows(t.deps.db, 'import_batch.undo', batchId);
    expect(audit?.diff).toEqual({ note: { removedMembers: 3, removedPersons: 3, removedErrorFiles: 0 } });

    const again = await as.orgadminA.post(`/api/import-batches/${batchId}/undo`, {});
    expect(again.statusCode).toBe(409);
    // The same people can be imported again.
    expect(await importRows(1, 3)).toBeGreaterThan(batchId);
  });

  it('refuses a batch whose members changed since, saying how many', async () => {
    const batchId = await importRows(101, 3);
    const [first, second] = await batchMemberIds(batchId);
    const detail = (await as.orgadminA.get(`/api/members/${first}`)).json();
    const event = await as.orgadminA.post(`/api/members/${first}/events`, {
      version: detail.version,
      kind: 'suspend',
      effectiveOn: '2026-06-01',
      reason: '测试',
    });
    expect(event.statusCode, event.body).toBe(200);
    const one = await as.orgadminA.post(`/api/import-batches/${batchId}/undo`, {});
    expect(one.statusCode).toBe(422);
    expect(one.json().error).toMatchObject({
      message: '该批次有1名党员在导入后发生了变动（变更、编辑或转接），不能撤销',
      details: { reason: 'batch_members_changed', changedCount: 1 },
    });
    await t.deps.db
      .update(members)
      .set({ version: 2 })
      .where(eq(members.id, second as number));
    const two = await as.orgadminA.post(`/api/import-batches/${batchId}/undo`, {});
    expect(two.json().error.details.changedCount).toBe(2);
    const [batch] = await t.deps.db.select().from(importBatches).where(eq(importBatches.id, batchId));
    expect(batch?.status).toBe('committed');
    expect(await batchMemberIds(batchId)).toHaveLength(3);
  });

  it('is out of reach (404) of an actor whose scope does not hold the batch', async () => {
    const batchId = await importRows(201, 1);
    expect((await as.orgadminB.post(`/api/import-batches/${batchId}/undo`, {})).statusCode).toBe(404);
    expect((await as.sysadmin.post(`/api/import-batches/${batchId}/undo`, {})).statusCode).toBe(404);
    expect((await t.anon.post(`/api/import-batches/${batchId}/undo`, {})).statusCode).toBe(401);
  });
});

describe('GET /api/import-batches', () => {
  it('lists the batches of the scope, newest first, with the importer by name', async () => {
    await t.deps.db.update(users).set({ name: '甲区组织员' }).where(eq(users.username, 'orgadmin_a'));
    const mine = (await as.orgadminA.get('/api/import-batches?pageSize=50')).json();
    expect(mine.total).toBeGreaterThanOrEqual(4);
    expect(mine.items[0]).toMatchObject({
      orgId: tree.districtA.id,
      orgName: '甲区委',
      fileName: '党员名册.xlsx',
      format: 'template',
      mode: 'valid_rows',
      createdBy: 'orgadmin_a',
      createdByName: '甲区组织员',
      status: 'committed',
    });
    const undone = (await as.orgadminA.get('/api/import-batches?status=undone')).json();
    expect(undone.items.map((b: { status: string }) => b.status)).toEqual(['undone']);
    expect((await as.orgadminB.get('/api/import-batches')).json()).toEqual({ items: [], total: 0 });
    expect((await as.orgadminB.get(`/api/import-batches?orgId=${tree.districtA.id}`)).statusCode).toBe(404);
    expect((await t.anon.get('/api/import-batches')).statusCode).toBe(401);
  });
});

describe('scope and input of the import', () => {
  it('answers 401 to anonymous callers on every Excel endpoint', async () => {
    const file = await templateWorkbook([memberRow(1, BRANCH)]);
    expect((await postImport(t.app, {}, file)).statusCode).toBe(401);
    for (const url of [
      '/api/members/template',
      '/api/members/export',
      '/api/member-imports/error-files/abcdefghijklmnopqrstuvwx',
    ]) {
      expect((await t.anon.get(url)).statusCode, url).toBe(401);
    }
  });

  it('answers 404 for an import under an org outside the scope, 400 for bad fields or files', async () => {
    const file = await templateWorkbook([memberRow(301, BRANCH)]);
    expect(
      (await postImport(t.app, as.orgadminA.headers, file, { orgId: String(tree.districtB.id) })).statusCode,
    ).toBe(404);
    const badField = await postImport(t.app, as.orgadminA.headers, file, {
      mode: 'everything',
      dryRun: 'maybe',
    });
    expect(badField.statusCode).toBe(400);
    expect(badField.json().error.details.issues.map((i: { path: string[] }) => i.path.join('.'))).toEqual([
      'body.dryRun',
      'body.mode',
    ]);
    const notXlsx = await postImport(
      t.app,
      as.orgadminA.headers,
      Buffer.from('姓名,公民身份号码\n'),
      {},
      'a.csv',
    );
    expect(notXlsx.json().error).toMatchObject({
      code: 'invalid_input',
      message: '文件不是有效的 .xlsx 工作簿',
    });
    const xls = Buffer.from('d0cf11e0a1b11ae1', 'hex');
    expect((await postImport(t.app, as.orgadminA.headers, xls, {}, 'a.xls')).json().error.message).toContain(
      '.xls',
    );
    const json = await as.orgadminA.post('/api/members/import', {});
    expect(json.statusCode).toBe(400);
    const none = multipartBody({ dryRun: 'true' }, null);
    const noFile = await t.app.inject({
      method: 'POST',
      url: '/api/members/import',
      headers: { ...as.orgadminA.headers, 'content-type': none.contentType },
      payload: none.payload,
    });
    expect(noFile.json().error.message).toBe('请选择要导入的 .xlsx 文件');
  });

  it('keeps a secretary inside their own community: other branches are 未找到党组织', async () => {
    const rows = [memberRow(401, BRANCH), memberRow(402, '幸福社区第一党支部')];
    const res = await postImport(t.app, as.secretaryA1.headers, await templateWorkbook(rows));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().errors).toEqual([
      {
        sheet: '党员信息',
        row: 3,
        column: '所在党支部（全称或组织代码）',
        value: '幸福社区第一党支部',
        message: '未找到党组织“幸福社区第一党支部”：请填写导入范围内党支部或党小组的全称或组织代码',
      },
    ]);
    const narrowed = await postImport(t.app, as.orgadminA.headers, await templateWorkbook(rows), {
      orgId: String(tree.communityA2.id),
    });
    expect(narrowed.json().errors.map((e: { row: number }) => e.row)).toEqual([2]);
  });

  it('finds no member table in a workbook without one (422)', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('民族').addRow(['01 汉族']);
    const bytes = Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    const res = await postImport(t.app, as.orgadminA.headers, bytes);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.reason).toBe('no_member_sheet');
  });
});

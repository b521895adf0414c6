import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows } from '../../testing/actors.ts';
import { expectStatus, issuePaths, type RosterWorld } from '../../testing/fixtures/members.ts';
import { startLedgerWorld } from '../../testing/fixtures/membership-ledger.ts';
import type { TestClient, TestResponse } from '../../testing/test-app.ts';

/** The scripted history of testing/fixtures/membership-ledger.ts, read entry by entry and as a workbook. */
let w: RosterWorld;
beforeAll(async () => {
  w = await startLedgerWorld();
});
afterAll(() => w.t.close());

const PERIOD = 'from=2026-01-01&to=2026-06-15';
const entries = async (client: TestClient, orgId: number, query = PERIOD) => {
  const res = await client.get(`/api/orgs/${orgId}/ledger/entries?${query}`);
  expectStatus(res, 200);
  return res.json();
};
const brief = (e: Record<string, unknown>) => [e.effectiveOn, e.name, e.side, e.label];

describe('GET /api/orgs/:id/ledger/entries (台账明细)', () => {
  it('lists every event that moved the count, oldest first, in the column the summary counts it', async () => {
    const page = await entries(w.as.sec_a1, w.tree.communityA1.id);
    expect(page.total).toBe(7);
    expect(page.items.map(brief)).toEqual([
      ['2026-02-01', '孙三', 'increase', '发展党员'],
      ['2026-02-01', '冯八', 'decrease', '停止党籍'],
      ['2026-03-01', '钱二', 'increase', '恢复党籍'],
      ['2026-03-15', '陈九', 'decrease', '转出'],
      ['2026-05-01', '周五', 'decrease', '转出'],
      ['2026-05-02', '吴六', 'increase', '转入'],
      ['2026-06-01', '郑七', 'decrease', '死亡'],
    ]);
  });

  it('agrees with the summary of the same period', async () => {
    const summary = (await w.as.sec_a1.get(`/api/orgs/${w.tree.communityA1.id}/ledger?${PERIOD}`)).json();
    const { items } = await entries(w.as.sec_a1, w.tree.communityA1.id);
    const count = (side: string) => items.filter((e: { side: string }) => e.side === side).length;
    expect(count('increase')).toBe(summary.increases.total);
    expect(count('decrease')).toBe(summary.decreases.total);
  });

  it('names where a member went: the receiving org, the org outside the deployment, the letter', async () => {
    const { items } = await entries(w.as.sec_a1, w.tree.communityA1.id);
    const byName = (name: string) => items.find((e: { name: string }) => e.name === name);
    expect(byName('周五')).toMatchObject({
      fromOrgName: w.tree.branchA1.name,
      toOrgName: w.tree.branchA2.name,
      letterNo: 'L',
    });
    expect(byName('陈九')).toMatchObject({ toOrgName: '外省某党支部', letterNo: 'W' });
    expect(byName('吴六')).toMatchObject({
      fromOrgName: w.tree.branchB1.name,
      toOrgName: w.tree.branchA1.name,
    });
    expect(byName('冯八')).toMatchObject({ reason: '停止党籍', toOrgName: null });
  });

  it('says which members the reader can still open: not one transferred to another community', async () => {
    const { items } = await entries(w.as.sec_a1, w.tree.communityA1.id);
    const reachable = Object.fromEntries(
      items.map((e: { name: string; memberReachable: boolean }) => [e.name, e.memberReachable]),
    );
    expect(reachable).toMatchObject({ 孙三: true, 吴六: true, 周五: false, 陈九: true });
    const street = await entries(w.as.admin_a, w.tree.streetA.id);
    expect(street.items.map((e: { name: string }) => e.name)).not.toContain('周五'); // moved inside the street
  });

  it('pages, and counts the total on a page past the last', async () => {
    const id = w.tree.communityA1.id;
    const second = await entries(w.as.sec_a1, id, `${PERIOD}&page=2&pageSize=3`);
    expect(second.total).toBe(7);
    expect(second.items.map((e: { name: string }) => e.name)).toEqual(['陈九', '周五', '吴六']);
    const beyond = await entries(w.as.sec_a1, id, `${PERIOD}&page=9&pageSize=3`);
    expect(beyond).toEqual({ items: [], total: 7 });
    const empty = await entries(w.as.sec_a1, id, 'from=2026-06-02&to=2026-06-15&page=2');
    expect(empty).toEqual({ items: [], total: 0 });
  });

  it('answers 401, 403, 404 and 400 as every route does', async () => {
    const url = (id: number, q = PERIOD) => `/api/orgs/${id}/ledger/entries?${q}`;
    expectStatus(await w.t.anon.get(url(w.tree.communityA1.id)), 401);
    expectStatus(await w.as.sysadmin.get(url(w.tree.communityA1.id)), 403);
    expectStatus(await w.as.member.get(url(w.tree.branchA1.id)), 403);
    expectStatus(await w.as.sec_a1.get(url(w.tree.communityB1.id)), 404);
    expectStatus(await w.as.sec_a1.get(url(w.tree.streetA.id)), 404);
    expect(
      issuePaths(await w.as.sec_a1.get(url(w.tree.communityA1.id, 'from=2026-07-01&to=2026-06-01'))),
    ).toEqual(['querystring.to']);
    expect(issuePaths(await w.as.sec_a1.get(url(w.tree.communityA1.id, `${PERIOD}&pageSize=500`)))).toEqual([
      'querystring.pageSize',
    ]);
  });
});

async function workbookOf(res: TestResponse): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return workbook;
}

function texts(ws: ExcelJS.Worksheet | undefined): string[][] {
  const rows: string[][] = [];
  ws?.eachRow((row) => {
    rows.push(
      Array.from((row.values as ExcelJS.CellValue[]).slice(1), (v) =>
        v instanceof Date ? v.toISOString().slice(0, 10) : String(v ?? ''),
      ),
    );
  });
  return rows;
}

describe('GET /api/orgs/:id/ledger/export', () => {
  it('writes the summary and the entries to a workbook named after the org and period, audited', async () => {
    const res = await w.as.sec_a1.get(`/api/orgs/${w.tree.communityA1.id}/ledger/export?${PERIOD}`);
    expectStatus(res, 200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain(
      `党员增减台账-${w.tree.communityA1.name}-20260101-20260615.xlsx`,
    );
    const workbook = await workbookOf(res);
    const summary = texts(workbook.getWorksheet('汇总'));
    expect(summary[0]).toEqual([`${w.tree.communityA1.name} 党员增减台账`]);
    expect(summary).toContainEqual(['期初人数', '7']);
    expect(summary).toContainEqual(['增加合计', '3']);
    // The lines of 党统 T1, 出党 with its T10 categories, and the check line.
    expect(summary.slice(3).map((r) => r[0])).toEqual([
      '期初人数',
      '增加：发展党员',
      '　其中 重新入党',
      '增加：恢复党籍',
      '增加：转入',
      '增加：其他',
      '　其中 建库',
      '增加合计',
      '减少：出党',
      '　其中 退党',
      '　其中 劝退',
      '　其中 劝而不退除名',
      '　其中 自行脱党除名',
      '　其中 开除党籍',
      '　其中 不予承认',
      '　其中 取消预备党员资格',
      '　　其中 无法取得联系',
      '减少：停止党籍',
      '减少：死亡',
      '减少：转出',
      '减少：其他',
      '减少合计',
      '期末应有数（期初＋增加－减少）',
      '期末实有数',
      '实有数与应有数之差',
    ]);
    expect(summary).toContainEqual(['增加：发展党员', '1']);
    expect(summary).toContainEqual(['减少：出党', '0']);
    expect(summary).toContainEqual(['减少：死亡', '1']);
    expect(summary).toContainEqual(['减少合计', '4']);
    expect(summary).toContainEqual(['期末应有数（期初＋增加－减少）', '6']);
    expect(summary).toContainEqual(['期末实有数', '6']);
    expect(summary).toContainEqual(['实有数与应有数之差', '0']);
    const detail = texts(workbook.getWorksheet('明细'));
    expect(detail[0]).toEqual([
      '序号',
      '发生日期',
      '计入日期',
      '姓名',
      '增减',
      '类别',
      '原所在组织',
      '转入组织 / 去向',
      '介绍信编号',
      '原因',
      '备注',
    ]);
    expect(detail).toHaveLength(8);
    // Row 4 (陈九, out of the deployment): no reason was given, so the row ends at the letter number.
    expect(detail[4]).toEqual([
      '4',
      '2026-03-15',
      '2026-03-15',
      '陈九',
      '减',
      '转出',
      w.tree.branchA1.name,
      '外省某党支部',
      'W',
    ]);

    const [audit] = await auditRows(w.t.deps.db, 'ledger.export');
    expect(audit).toMatchObject({
      actorUsername: 'sec_a1',
      role: 'secretary',
      entityType: 'org',
      orgId: w.tree.communityA1.id,
      diff: { note: { from: '2026-01-01', to: '2026-06-15', entryCount: 7 } },
    });
  });

  it('answers 401, 403 and 404 before writing anything or auditing', async () => {
    const url = (id: number) => `/api/orgs/${id}/ledger/export?${PERIOD}`;
    const before = (await auditRows(w.t.deps.db, 'ledger.export')).length;
    expectStatus(await w.t.anon.get(url(w.tree.communityA1.id)), 401);
    expectStatus(await w.as.sysadmin.get(url(w.tree.communityA1.id)), 403);
    expectStatus(await w.as.sec_a1.get(url(w.tree.communityB1.id)), 404);
    expect(await auditRows(w.t.deps.db, 'ledger.export')).toHaveLength(before);
  });
});

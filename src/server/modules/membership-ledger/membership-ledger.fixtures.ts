import type { TestClient } from '../../testing/test-app.ts';
import {
  createMember,
  expectStatus,
  type RosterWorld,
  startRosterWorld,
} from '../members/members.fixtures.ts';

/**
 * A scripted history around 和平社区 (community A1: branch A1 and its group) for the first half of 2026. In the
 * community at 2026-01-01: M1, M4, M5, M7, M8, M9, M11 (7). M2 was suspended in 2025 and M10 left in 2025.
 * Each Mn is named after it: M1 赵一, M2 钱二, M3 孙三 … M11 卫十一.
 */
type M = { id: number; version: number };
async function event(client: TestClient, m: M, body: Record<string, unknown>): Promise<M> {
  const res = await client.post(`/api/members/${m.id}/events`, { version: m.version, ...body });
  expectStatus(res, 200);
  return res.json();
}
async function transfer(
  from: TestClient,
  to: TestClient,
  m: M,
  toOrgId: number,
  issuedOn: string,
  receivedOn: string,
) {
  const issued = await from.post('/api/transfers', { memberId: m.id, toOrgId, letterNo: 'L', issuedOn });
  expectStatus(issued, 200);
  const t = issued.json();
  expectStatus(await to.post(`/api/transfers/${t.id}/receive`, { version: t.version, receivedOn }), 200);
}

export async function startLedgerWorld(): Promise<RosterWorld> {
  const w = await startRosterWorld();
  const { as, tree } = w;
  const a1 = (name: string, admittedOn: string) =>
    createMember(
      as.sec_a1,
      tree.branchA1.id,
      { admittedOn, confirmedOn: `${Number(admittedOn.slice(0, 4)) + 1}${admittedOn.slice(4)}` },
      { name },
    );
  await a1('赵一', '2010-03-01'); // M1 stays
  const m2 = await a1('钱二', '2015-03-01');
  await event(
    as.sec_a1,
    await event(as.sec_a1, m2, { kind: 'suspend', effectiveOn: '2025-10-01', reason: '停止党籍' }),
    {
      kind: 'restore',
      effectiveOn: '2026-03-01',
      reason: '恢复党籍',
    },
  );
  await createMember(
    as.sec_a1,
    tree.groupA1.id,
    {
      status: 'probationary',
      admittedOn: '2026-02-01',
      confirmedOn: null,
    },
    { name: '孙三' },
  ); // M3
  await transfer(
    as.sec_a1,
    as.sec_a1,
    await a1('李四', '2012-03-01'),
    tree.groupA1.id,
    '2026-03-20',
    '2026-04-01',
  ); // M4 internal
  await transfer(
    as.sec_a1,
    as.admin_a,
    await a1('周五', '2011-03-01'),
    tree.branchA2.id,
    '2026-04-20',
    '2026-05-01',
  ); // M5 out to A2
  const m6 = await createMember(
    as.sec_b1,
    tree.branchB1.id,
    { admittedOn: '2013-03-01', confirmedOn: '2014-03-01' },
    { name: '吴六' },
  );
  await transfer(as.sec_b1, as.sec_a1, m6, tree.branchA1.id, '2026-04-25', '2026-05-02'); // M6 in from B1
  await event(as.sec_a1, await a1('郑七', '2014-03-01'), {
    kind: 'leave',
    leftReason: 'deceased',
    effectiveOn: '2026-06-01',
  }); // M7
  await event(as.sec_a1, await a1('冯八', '2016-03-01'), {
    kind: 'suspend',
    effectiveOn: '2026-02-01',
    reason: '停止党籍',
  }); // M8
  const m9 = await a1('陈九', '2009-03-01');
  const out = { memberId: m9.id, externalOrgName: '外省某党支部', letterNo: 'W', issuedOn: '2026-03-15' };
  expectStatus(await as.sec_a1.post('/api/transfers', out), 200); // M9 out of the deployment
  await event(as.sec_a1, await a1('褚十', '2008-03-01'), {
    kind: 'leave',
    leftReason: 'removed',
    effectiveOn: '2025-12-01',
  }); // M10
  await event(as.sec_a1, await a1('卫十一', '2017-03-01'), {
    kind: 'mark_unreachable',
    effectiveOn: '2026-01-05',
  }); // M11
  return w;
}

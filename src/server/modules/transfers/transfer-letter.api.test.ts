import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows } from '../../testing/audit-rows.ts';
import {
  createMember,
  expectStatus,
  idFor,
  type RosterWorld,
  startRosterWorld,
} from '../../testing/fixtures/members.ts';

let w: RosterWorld;
const ID_NUMBER = idFor('1990-08-20', 'female');
/** A1 → B1 (pending), A1 → A2 (pending), A1 → outside the deployment (completed). */
const ids = { toB1: 0, toA2: 0, out: 0 };

beforeAll(async () => {
  w = await startRosterWorld();
  const { as, tree } = w;
  const post = async (body: Record<string, unknown>) => {
    const res = await as.sec_a1.post('/api/transfers', body);
    expectStatus(res, 200);
    return res.json().id as number;
  };
  const probationer = await createMember(
    as.sec_a1,
    tree.branchA1.id,
    { status: 'probationary', admittedOn: '2026-01-15', confirmedOn: null },
    { name: '李晓梅', idNumber: ID_NUMBER, ethnicity: '03' },
  );
  const full = await createMember(as.sec_a1, tree.branchA1.id, {}, { name: '王建国' });
  const leaving = await createMember(as.sec_a1, tree.branchA1.id, {}, { name: '赵远行' });
  ids.toB1 = await post({
    memberId: probationer.id,
    toOrgId: tree.branchB1.id,
    letterNo: '和组转〔2026〕12号',
    issuedOn: '2026-06-10',
    validUntil: '2026-07-10',
  });
  ids.toA2 = await post({
    memberId: full.id,
    toOrgId: tree.branchA2.id,
    letterNo: 'A2',
    issuedOn: '2026-06-01',
  });
  ids.out = await post({
    memberId: leaving.id,
    externalOrgName: '外省某县委组织部',
    letterNo: '和组转〔2026〕13号',
    issuedOn: '2026-06-01',
  });
});
afterAll(() => w.t.close());

const letterOf = (client: typeof w.as.sec_a1, id: number) => client.get(`/api/transfers/${id}/letter`);

describe('GET /api/transfers/:id/letter (docs/official-forms.md §11)', () => {
  it('gives the sending org what the three parts of the letter say, by name, with the ID number masked', async () => {
    const res = await letterOf(w.as.sec_a1, ids.toB1);
    expectStatus(res, 200);
    expect(res.json()).toEqual({
      id: ids.toB1,
      letterNo: '和组转〔2026〕12号',
      status: 'pending',
      issuedOn: '2026-06-10',
      validUntil: '2026-07-10',
      validityDays: 30,
      member: {
        name: '李晓梅',
        gender: 'female',
        age: 35,
        ethnicity: '回族',
        standing: 'probationary',
        idNumber: `${ID_NUMBER.slice(0, 6)}********${ID_NUMBER.slice(14)}`,
        idNumberWhole: false,
      },
      fromOrgName: '和平社区第一党支部',
      toOrgName: '光明社区第一党支部',
      receivedOn: null,
    });
  });

  it('prints the ID number whole only for an org administrator over the member', async () => {
    const admin = (await letterOf(w.as.admin_a, ids.toB1)).json();
    expect(admin.member).toMatchObject({ idNumber: ID_NUMBER, idNumberWhole: true });
    expect((await letterOf(w.as.city_admin, ids.toB1)).json().member.idNumberWhole).toBe(true);
    // The receiving side's administrator sees the letter, but the member is not theirs until received.
    const receiving = (await letterOf(w.as.admin_b, ids.toB1)).json();
    expect(receiving.member).toMatchObject({ idNumberWhole: false });
    expect(receiving.member.idNumber).not.toBe(ID_NUMBER);
    // A secretary, even of the sending side, never prints it whole.
    expect((await letterOf(w.as.sec_b1, ids.toB1)).json().member.idNumberWhole).toBe(false);
  });

  it('audits every letter handed out, with whether the ID number was whole', async () => {
    const before = (await auditRows(w.t.deps.db, 'transfer.print')).length;
    expectStatus(await letterOf(w.as.admin_a, ids.toB1), 200);
    expectStatus(await letterOf(w.as.sec_a1, ids.toB1), 200);
    const rows = await auditRows(w.t.deps.db, 'transfer.print');
    expect(rows).toHaveLength(before + 2);
    const [bySecretary, byAdmin] = rows;
    expect(bySecretary).toMatchObject({
      actorUsername: 'sec_a1',
      role: 'secretary',
      entityType: 'transfer',
      entityId: String(ids.toB1),
      orgId: w.tree.branchA1.id,
    });
    expect(bySecretary?.diff).toMatchObject({ note: { letterNo: '和组转〔2026〕12号', wholeId: false } });
    expect(byAdmin).toMatchObject({ actorUsername: 'admin_a', role: 'org_admin' });
    expect(byAdmin?.diff).toMatchObject({ note: { wholeId: true } });
    expect(JSON.stringify(rows.map((r) => r.diff))).not.toContain(ID_NUMBER);
  });

  it('prints a letter out of the deployment to the name typed, as 正式党员', async () => {
    const letter = (await letterOf(w.as.admin_a, ids.out)).json();
    expect(letter).toMatchObject({
      status: 'completed_out',
      toOrgName: '外省某县委组织部',
      receivedOn: null,
      member: { name: '赵远行', standing: 'full', gender: 'male', ethnicity: '汉族' },
    });
  });

  it('fills the return slip once received, and then lets the receiving administrator print the number whole', async () => {
    const t = (await w.as.sec_b1.get(`/api/transfers/${ids.toB1}`)).json();
    const res = await w.as.sec_b1.post(`/api/transfers/${ids.toB1}/receive`, {
      version: t.version,
      receivedOn: '2026-06-12',
    });
    expectStatus(res, 200);
    const letter = (await letterOf(w.as.admin_b, ids.toB1)).json();
    expect(letter).toMatchObject({ status: 'received', receivedOn: '2026-06-12' });
    expect(letter.member).toMatchObject({ idNumber: ID_NUMBER, idNumberWhole: true });
    // The letter still says what it said on the day it was issued.
    expect(letter).toMatchObject({ fromOrgName: '和平社区第一党支部', member: { standing: 'probationary' } });
  });

  it('answers 404 outside both sides of the transfer, and writes no audit row', async () => {
    const before = (await auditRows(w.t.deps.db, 'transfer.print')).length;
    expectStatus(await letterOf(w.as.sec_b1, ids.toA2), 404);
    expectStatus(await letterOf(w.as.admin_b, ids.toA2), 404);
    expectStatus(await letterOf(w.as.admin_b, ids.out), 404);
    expectStatus(await letterOf(w.as.sec_a1, 999_999), 404);
    expect(await auditRows(w.t.deps.db, 'transfer.print')).toHaveLength(before);
  });

  it('answers 403 to roles that read no member, and 401 without a session', async () => {
    expectStatus(await letterOf(w.as.sysadmin, ids.toB1), 403);
    expectStatus(await letterOf(w.as.member, ids.toB1), 403);
    expectStatus(await w.t.anon.get(`/api/transfers/${ids.toB1}/letter`), 401);
  });
});

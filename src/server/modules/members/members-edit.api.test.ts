import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows } from '../../testing/actors.ts';
import {
  createMember,
  expectRule,
  expectStatus,
  idFor,
  issuePaths,
  orgStats,
  type RosterWorld,
  startRosterWorld,
} from '../../testing/fixtures/members.ts';

let w: RosterWorld;
const patch = (id: number, body: Record<string, unknown>, client = w.as.admin_a) =>
  client.patch(`/api/members/${id}`, body);

beforeAll(async () => {
  w = await startRosterWorld();
});
afterAll(() => w.t.close());

describe('PATCH /api/members/:id: access', () => {
  let id: number;
  beforeAll(async () => {
    id = (await createMember(w.as.sec_a1, w.tree.branchA1.id)).id;
  });

  it('answers 401 without a session, 403 to the system administrator, 404 outside the scope', async () => {
    expectStatus(await w.t.anon.patch(`/api/members/${id}`, { version: 1 }), 401);
    expectStatus(await patch(id, { version: 1 }, w.as.sysadmin), 403);
    expectStatus(await patch(id, { version: 1, category: 'retired' }, w.as.sec_b1), 404);
    expectStatus(await patch(id, { version: 1, category: 'retired' }, w.as.admin_b), 404);
  });

  it('answers 400 with field paths for a malformed body', async () => {
    expect(issuePaths(await patch(id, { category: 'king', person: { birthDate: '1990-02-30' } }))).toEqual(
      expect.arrayContaining(['body.version', 'body.category', 'body.person.birthDate']),
    );
  });

  it('answers 409 for a stale version', async () => {
    expectStatus(await patch(id, { version: 1, isHardship: true }), 200);
    const res = await patch(id, { version: 1, isHardship: false });
    expectStatus(res, 409);
    expect(res.json().error.details.reason).toBe('stale_version');
  });
});

describe('PATCH /api/members/:id: person fields', () => {
  it('renames, keeps the pinyin search keys in step and audits before and after', async () => {
    const m = await createMember(w.as.admin_a, w.tree.branchA1.id, {}, { name: '赵一' });
    const res = await patch(m.id, { version: m.version, person: { name: '钱二', address: '幸福路2号' } });
    expectStatus(res, 200);
    expect(res.json()).toMatchObject({ name: '钱二', address: '幸福路2号', version: m.version + 1 });
    expect(
      (await w.as.admin_a.get('/api/members?q=qe')).json().items.map((i: { id: number }) => i.id),
    ).toContain(m.id);
    const [row] = await auditRows(w.t.deps.db, 'member.update', m.id);
    // Names stay (the audit must say whose record changed); the address is masked (sensitive-fields.ts).
    expect(row?.diff).toEqual({
      before: { name: '赵一', address: '和平****' },
      after: { name: '钱二', address: '幸福****' },
    });
  });

  it('takes masked values sent back untouched as no change', async () => {
    const m = await createMember(w.as.admin_a, w.tree.branchA1.id);
    const res = await patch(m.id, {
      version: m.version,
      person: { idNumber: m.idNumber, phoneMobile: m.phoneMobile, education: '22' },
    });
    expectStatus(res, 200);
    expect(res.json()).toMatchObject({ idNumber: m.idNumber, phoneMobile: m.phoneMobile, education: '22' });
  });

  it('changes the ID number, re-deriving birth date and gender, and audits it redacted', async () => {
    const m = await createMember(w.as.admin_a, w.tree.branchA1.id);
    const idNumber = idFor('1980-10-10', 'female');
    const res = await patch(m.id, { version: m.version, person: { idNumber } });
    expect(res.json()).toMatchObject({ birthDate: '1980-10-10', gender: 'female' });
    const [row] = await auditRows(w.t.deps.db, 'member.update', m.id);
    expect(row?.diff).toMatchObject({
      before: { idNumber: '[已隐藏]' },
      after: { idNumber: '[已隐藏]', gender: 'female' },
    });
    expect(JSON.stringify(row)).not.toContain(idNumber);
  });

  it('refuses a contradicting birth date, an ID number taken by another person, and clearing the number', async () => {
    const m = await createMember(w.as.admin_a, w.tree.branchA1.id);
    const other = await createMember(w.as.admin_a, w.tree.branchA1.id, {}, { idNumber: idFor('1977-07-07') });
    const revealed = (await w.as.admin_a.get(`/api/members/${other.id}?reveal=idNumber`)).json().idNumber;
    expect(
      issuePaths(await patch(m.id, { version: m.version, person: { birthDate: '1985-01-01' } })),
    ).toEqual(['body.person.birthDate']);
    const taken = await patch(m.id, { version: m.version, person: { idNumber: revealed } });
    expectStatus(taken, 409);
    expect(taken.json().error.details.reason).toBe('id_number_taken');
    expect(issuePaths(await patch(m.id, { version: m.version, person: { idNumber: '' } }))).toEqual([
      'body.person.idNumber',
    ]);
  });

  it('refuses a birth date that makes the member younger than 18 on admission', async () => {
    const m = await createMember(
      w.as.admin_a,
      w.tree.branchA1.id,
      {},
      { idNumber: '', birthDate: '1980-01-01', gender: 'male' },
    );
    expectRule(
      await patch(m.id, { version: m.version, person: { birthDate: '1995-01-01' } }),
      'admission_under_18',
    );
  });
});

describe('PATCH /api/members/:id: counted fields', () => {
  it('moves the rollup and records a category change as an event', async () => {
    const m = await createMember(w.as.admin_a, w.tree.branchA2.id, {}, { ethnicity: '01' });
    const before = await orgStats(w.t.deps.db, w.tree.branchA2.id);
    const res = await patch(m.id, {
      version: m.version,
      category: 'retired',
      isMobile: true,
      outflowDestination: '广东省深圳市',
      person: { ethnicity: '03' },
    });
    expectStatus(res, 200);
    const after = await orgStats(w.t.deps.db, w.tree.branchA2.id);
    expect(after.category_retired).toBe((before.category_retired ?? 0) + 1);
    expect(after.category_employed).toBe((before.category_employed ?? 0) - 1);
    expect(after.mobile).toBe((before.mobile ?? 0) + 1);
    expect(after.ethnicity_minority).toBe((before.ethnicity_minority ?? 0) + 1);
    expect(after.member_count).toBe(before.member_count);
    expect(res.json().events.at(-1)).toMatchObject({
      kind: 'category_changed',
      fromValue: 'employed',
      toValue: 'retired',
      effectiveOn: '2026-06-15',
    });
  });

  it('clears the outflow destination when the member is no longer mobile', async () => {
    const m = await createMember(w.as.admin_a, w.tree.branchA2.id, {
      isMobile: true,
      outflowDestination: '上海',
    });
    const res = await patch(m.id, { version: m.version, isMobile: false });
    expect(res.json()).toMatchObject({ isMobile: false, outflowDestination: null });
  });
});

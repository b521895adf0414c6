import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows } from '../../testing/actors.ts';
import {
  createMember,
  expectRule,
  expectStatus,
  idFor,
  issuePaths,
  memberBody,
  orgStats,
  type RosterWorld,
  startRosterWorld,
} from '../../testing/fixtures/members.ts';

let w: RosterWorld;

beforeAll(async () => {
  w = await startRosterWorld();
});
afterAll(() => w.t.close());

describe('POST /api/members: who may record a member', () => {
  it('answers 401 without a session', async () => {
    expectStatus(await w.t.anon.post('/api/members', memberBody(w.tree.branchA1.id)), 401);
  });

  it('answers 403 to the system administrator, who runs the platform but not party data (三员分立)', async () => {
    expectStatus(await w.as.sysadmin.post('/api/members', memberBody(w.tree.branchA1.id)), 403);
  });

  it('answers 403 to a member account', async () => {
    expectStatus(await w.as.member.post('/api/members', memberBody(w.tree.branchA1.id)), 403);
  });

  it('answers 404 when the branch lies outside the actor’s subtree', async () => {
    expectStatus(await w.as.sec_a1.post('/api/members', memberBody(w.tree.branchB1.id)), 404);
    expectStatus(await w.as.admin_a.post('/api/members', memberBody(w.tree.branchB1.id)), 404);
  });
});

describe('POST /api/members: recording', () => {
  it('records person and member, derives birth date and gender from the ID number, answers masked', async () => {
    const idNumber = idFor('1986-02-03', 'female');
    const m = await createMember(
      w.as.sec_a1,
      w.tree.groupA1.id,
      {},
      { idNumber, phoneMobile: '138 1111 2222' },
    );
    expect(m).toMatchObject({
      birthDate: '1986-02-03',
      gender: 'female',
      idNumber: `${idNumber.slice(0, 6)}********${idNumber.slice(14)}`,
      phoneMobile: '138****2222',
      orgId: w.tree.groupA1.id,
      status: 'full',
      revealed: false,
      warnings: [],
      can: { edit: true, reveal: false, changeStatus: true, transfer: true },
    });
    expect(m.events).toMatchObject([{ kind: 'registered', effectiveOn: '2010-07-01', toValue: 'full' }]);
  });

  it('writes an audit row without the ID number', async () => {
    const idNumber = idFor('1979-09-09');
    const m = await createMember(w.as.admin_a, w.tree.branchA1.id, {}, { name: '李审计', idNumber });
    const [row] = await auditRows(w.t.deps.db, 'member.create', m.id);
    expect(row).toMatchObject({ actorUsername: 'admin_a', role: 'org_admin', orgId: w.tree.branchA1.id });
    expect(row?.diff).toMatchObject({ after: { name: '李审计', idNumber: '[已隐藏]' } });
    expect(JSON.stringify(row?.diff)).not.toContain(idNumber);
  });

  it('counts the new member in the rollup of its org', async () => {
    const before = (await orgStats(w.t.deps.db, w.tree.branchA2.id)).member_count ?? 0;
    await createMember(w.as.admin_a, w.tree.branchA2.id, {
      status: 'probationary',
      admittedOn: '2026-01-10',
      confirmedOn: null,
    });
    const after = await orgStats(w.t.deps.db, w.tree.branchA2.id);
    expect(after.member_count).toBe(before + 1);
    expect(after.status_probationary).toBeGreaterThan(0);
  });

  it('accepts a legacy 15-digit number with a warning', async () => {
    const full = idFor('1962-05-06');
    const legacy = `${full.slice(0, 6)}${full.slice(8, 17)}`;
    const m = await createMember(
      w.as.admin_a,
      w.tree.branchA1.id,
      { admittedOn: '1990-01-01', confirmedOn: '1991-01-01' },
      { idNumber: legacy },
    );
    expect(m.warnings).toMatchObject([{ reason: 'id_legacy_15' }]);
    expect(m.birthDate).toBe('1962-05-06');
  });

  it('records a member without an ID number when birth date and gender are given', async () => {
    const m = await createMember(
      w.as.admin_a,
      w.tree.branchA1.id,
      {},
      { idNumber: '', birthDate: '1970-01-01', gender: 'male' },
    );
    expect(m).toMatchObject({ idNumber: null, birthDate: '1970-01-01', can: { reveal: false } });
  });
});

describe('POST /api/members: invalid input answers 400 with the field', () => {
  it.each<[string, Record<string, unknown>, string]>([
    ['a wrong check character', { idNumber: '11010519491231002Y' }, 'body.person.idNumber'],
    ['an impossible birth date in the number', { idNumber: '110105199902300012' }, 'body.person.idNumber'],
    [
      'a birth date the number contradicts',
      { idNumber: idFor('1985-04-12'), birthDate: '1985-04-13' },
      'body.person.birthDate',
    ],
    [
      'a gender the number contradicts',
      { idNumber: idFor('1985-04-12', 'male'), gender: 'female' },
      'body.person.gender',
    ],
    ['an unknown ethnicity code', { ethnicity: '77' }, 'body.person.ethnicity'],
    ['an unknown education code', { education: 'XX' }, 'body.person.education'],
    ['a bad mobile number', { phoneMobile: '123' }, 'body.person.phoneMobile'],
  ])('refuses %s', async (_what, person, path) => {
    const res = await w.as.admin_a.post('/api/members', memberBody(w.tree.branchA1.id, {}, person));
    expect(issuePaths(res)).toEqual([path]);
    expect(res.json().error.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('refuses a body that breaks the contract, naming every field', async () => {
    const res = await w.as.admin_a.post('/api/members', { person: {}, orgId: 'x', status: 'left' });
    expect(issuePaths(res)).toEqual(
      expect.arrayContaining([
        'body.person.name',
        'body.orgId',
        'body.status',
        'body.category',
        'body.admittedOn',
      ]),
    );
  });
});

describe('POST /api/members: the rules (422)', () => {
  it.each<[string, Record<string, unknown>, string]>([
    ['placed in a community committee', { orgId: 0 }, 'member_org_not_branch'],
    ['admitted before 18', { admittedOn: '2002-04-11', confirmedOn: '2003-04-11' }, 'admission_under_18'],
    [
      'admitted in the future',
      { admittedOn: '2026-06-16', status: 'probationary', confirmedOn: null },
      'admitted_in_future',
    ],
    ['full without confirmation date', { confirmedOn: null }, 'confirmed_on_required'],
    ['confirmed within the probation year', { confirmedOn: '2011-06-30' }, 'confirmed_too_early'],
    ['probationary with a confirmation date', { status: 'probationary' }, 'probationary_has_confirmed_on'],
  ])('refuses a member %s', async (_what, extra, reason) => {
    const body = memberBody(w.tree.branchA1.id, extra);
    if (extra.orgId === 0) body.orgId = w.tree.communityA1.id;
    expectRule(await w.as.admin_a.post('/api/members', body), reason);
  });

  it('accepts a confirmation on the day of admission between 1969-04-01 and 1977-08-11', async () => {
    const m = await createMember(
      w.as.admin_a,
      w.tree.branchA1.id,
      { admittedOn: '1975-03-01', confirmedOn: '1975-03-01' },
      { idNumber: idFor('1950-01-01') },
    );
    expect(m).toMatchObject({ confirmedOn: '1975-03-01', probationEndsOn: null });
  });
});

describe('POST /api/members: one person per ID number (keyed hash)', () => {
  it('refuses the same number again, telling an actor in scope that the member exists', async () => {
    const idNumber = idFor('1981-11-11');
    const m = await createMember(w.as.sec_a1, w.tree.branchA1.id, {}, { idNumber });
    const res = await w.as.sec_a1.post('/api/members', memberBody(w.tree.branchA1.id, {}, { idNumber }));
    expectStatus(res, 409);
    expect(res.json().error).toMatchObject({ details: { reason: 'id_number_taken', memberId: m.id } });
    expect(res.json().error.message).toContain('已登记为党员');
  });

  it('answers an actor outside that member’s scope neutrally, and audits the hit', async () => {
    const idNumber = idFor('1982-12-12');
    const m = await createMember(w.as.sec_a1, w.tree.branchA1.id, {}, { idNumber });
    const before = (await auditRows(w.t.deps.db, 'member.id_conflict')).length;
    const res = await w.as.sec_b1.post('/api/members', memberBody(w.tree.branchB1.id, {}, { idNumber }));
    expectStatus(res, 409);
    expect(res.json().error.details).toEqual({ reason: 'id_number_taken', field: 'person.idNumber' });
    expect(res.json().error.message).toBe('该公民身份号码已登记，请联系上级组织部门');
    expect(res.body).not.toContain(w.tree.branchA1.name);
    const hits = await auditRows(w.t.deps.db, 'member.id_conflict');
    expect(hits).toHaveLength(before + 1);
    expect(hits[0]).toMatchObject({
      entityType: 'person',
      entityId: String(m.personId),
      actorUsername: 'sec_b1',
    });
  });

  it('sees the 15- and 18-digit forms of one number as the same person', async () => {
    const full = idFor('1960-03-03');
    await createMember(
      w.as.admin_a,
      w.tree.branchA1.id,
      { admittedOn: '1990-01-01', confirmedOn: '1991-01-01' },
      { idNumber: full },
    );
    const legacy = `${full.slice(0, 6)}${full.slice(8, 17)}`;
    const body = memberBody(
      w.tree.branchA1.id,
      { admittedOn: '1990-01-01', confirmedOn: '1991-01-01' },
      { idNumber: legacy },
    );
    const res = await w.as.admin_a.post('/api/members', body);
    expectStatus(res, 409);
    expect(res.json().error.details.reason).toBe('id_number_taken');
  });
});

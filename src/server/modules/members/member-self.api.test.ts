import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows } from '../../testing/actors.ts';
import {
  createMember,
  expectStatus,
  idFor,
  issuePaths,
  linkUser,
  type RosterWorld,
  startRosterWorld,
} from '../../testing/fixtures/members.ts';
import { createUser, TEST_PASSWORD } from '../../testing/fixtures.ts';
import { loginAs, type TestClient } from '../../testing/test-app.ts';

let w: RosterWorld;
let own: { id: number; version: number; personId: number };
let unlinked: TestClient;
const idNumber = idFor('1990-09-09', 'female');

beforeAll(async () => {
  w = await startRosterWorld();
  own = await createMember(
    w.as.sec_a1,
    w.tree.branchA1.id,
    {},
    { name: '周敏', idNumber, phoneMobile: '13712345678', phoneLandline: '010-87654321' },
  );
  await linkUser(w.t.deps.db, 'member', own.personId);
  await createUser(w.t.deps.db, {
    username: 'lonely',
    orgId: w.tree.branchA1.id,
    roles: [{ role: 'member' }],
  });
  unlinked = await loginAs(w.t, 'lonely', TEST_PASSWORD);
});
afterAll(() => w.t.close());

describe('GET /api/me/member', () => {
  it('answers 401 without a session', async () => {
    expectStatus(await w.t.anon.get('/api/me/member'), 401);
  });

  it('shows a member their own record whole, with history and no staff actions', async () => {
    const res = await w.as.member.get('/api/me/member');
    expectStatus(res, 200);
    expect(res.json()).toMatchObject({
      id: own.id,
      name: '周敏',
      idNumber,
      phoneMobile: '13712345678',
      phoneLandline: '010-87654321',
      revealed: true,
      events: [{ kind: 'registered' }],
      can: { edit: false, reveal: false, changeStatus: false, transfer: false },
    });
  });

  it('answers 404 to a member account linked to no person', async () => {
    expectStatus(await unlinked.get('/api/me/member'), 404);
  });

  it('answers 403 to staff roles without member.self: self-service is not a back door', async () => {
    expectStatus(await w.as.sec_a1.get('/api/me/member'), 403);
    expectStatus(await w.as.sysadmin.get('/api/me/member'), 403);
  });

  it('gives the member account no org scope at all', async () => {
    expectStatus(await w.as.member.get('/api/members'), 403);
    expectStatus(await w.as.member.get(`/api/members/${own.id}`), 403);
    expectStatus(await w.as.member.get('/api/transfers'), 403);
  });
});

describe('PATCH /api/me/member', () => {
  it('answers 401 without a session and 404 without a linked person', async () => {
    expectStatus(await w.t.anon.patch('/api/me/member', { version: 1 }), 401);
    expectStatus(await unlinked.patch('/api/me/member', { version: 1, phoneMobile: '13700000000' }), 404);
  });

  it('answers 400 with the field for a bad phone number or a missing version', async () => {
    expect(issuePaths(await w.as.member.patch('/api/me/member', { phoneMobile: '1370000' }))).toEqual([
      'body.version',
    ]);
    const res = await w.as.member.patch('/api/me/member', { version: own.version, phoneMobile: '1370000' });
    expect(issuePaths(res)).toEqual(['body.phoneMobile']);
  });

  it('changes phones and address, normalized, and audits the change', async () => {
    const res = await w.as.member.patch('/api/me/member', {
      version: own.version,
      phoneMobile: '137-0000-1111',
      phoneLandline: '',
      address: '光明路8号',
    });
    expectStatus(res, 200);
    expect(res.json()).toMatchObject({
      phoneMobile: '13700001111',
      phoneLandline: null,
      address: '光明路8号',
      version: own.version + 1,
    });
    const [row] = await auditRows(w.t.deps.db, 'member.self_update', own.id);
    expect(row).toMatchObject({ actorUsername: 'member', role: 'member' });
    // The audit administrator sees what changed, masked as lists show it, never the numbers or the address.
    expect(row?.diff).toMatchObject({
      before: { phoneMobile: '137****5678', address: '和平****' },
      after: { phoneMobile: '137****1111', address: '光明****' },
    });
    expect(JSON.stringify(row?.diff)).not.toMatch(/13712345678|13700001111|和平路1号|光明路8号/);
  });

  it('changes only the fields sent (one field does not wipe the others)', async () => {
    const current = (await w.as.member.get('/api/me/member')).json();
    const res = await w.as.member.patch('/api/me/member', {
      version: current.version,
      phoneLandline: '010-66668888',
    });
    expectStatus(res, 200);
    expect(res.json()).toMatchObject({
      phoneMobile: current.phoneMobile,
      phoneLandline: '010-66668888',
      address: current.address,
    });
    const cleared = await w.as.member.patch('/api/me/member', { version: current.version + 1, address: '' });
    expect(cleared.json()).toMatchObject({ phoneLandline: '010-66668888', address: null });
  });

  it('answers 409 for a stale version', async () => {
    const res = await w.as.member.patch('/api/me/member', { version: 1, address: '旧地址' });
    expectStatus(res, 409);
  });
});

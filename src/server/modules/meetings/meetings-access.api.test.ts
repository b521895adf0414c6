import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMeeting, meetingBody } from '../../testing/fixtures/meetings.ts';
import {
  createMember,
  expectStatus,
  type RosterWorld,
  startRosterWorld,
} from '../../testing/fixtures/members.ts';
import type { HttpMethod, TestClient } from '../../testing/test-app.ts';

let w: RosterWorld;
let m: { id: number; version: number };
let memberId: number;

beforeAll(async () => {
  w = await startRosterWorld();
  memberId = (await createMember(w.as.sec_a1, w.tree.branchA1.id)).id;
  m = await createMeeting(w.as.sec_a1, w.tree.branchA1.id);
});
afterAll(() => w.t.close());

/** Every endpoint of a meeting, with a body that would pass validation. */
const endpoints = (): [HttpMethod, string, unknown][] => [
  ['GET', `/api/meetings/${m.id}`, undefined],
  ['PATCH', `/api/meetings/${m.id}`, { version: m.version, topic: '改' }],
  ['DELETE', `/api/meetings/${m.id}?version=${m.version}`, undefined],
  ['POST', `/api/meetings/${m.id}/hold`, { version: m.version, heldStart: '2026-06-12T09:00:00+08:00' }],
  ['POST', `/api/meetings/${m.id}/close`, { version: m.version }],
  ['POST', `/api/meetings/${m.id}/reopen`, { version: m.version, reason: '更正' }],
  ['GET', `/api/meetings/${m.id}/attendance`, undefined],
  [
    'PUT',
    `/api/meetings/${m.id}/attendance`,
    { version: m.version, attendees: [{ memberId, attendance: 'present' }] },
  ],
  ['GET', `/api/meetings/${m.id}/check-in-code`, undefined],
];

const send = (client: TestClient, [method, url, body]: [HttpMethod, string, unknown]) =>
  client.send(method, url, body);

describe('the scope of meetings (org_life.read, org_life.manage)', () => {
  it('answers 404 to actors whose scope does not hold the meeting’s org', async () => {
    for (const client of [w.as.sec_b1, w.as.admin_b]) {
      for (const e of endpoints())
        expect([e[0], e[1], (await send(client, e)).statusCode]).toEqual([e[0], e[1], 404]);
      expectStatus(await client.post('/api/meetings', meetingBody(w.tree.branchA1.id)), 404);
      expectStatus(await client.get(`/api/meetings?orgId=${w.tree.branchA1.id}`), 404);
    }
  });

  it('answers 403 to roles without the permission (a member, the system administrator)', async () => {
    for (const client of [w.as.member, w.as.sysadmin]) {
      for (const e of endpoints())
        expect([e[0], e[1], (await send(client, e)).statusCode]).toEqual([e[0], e[1], 403]);
      expectStatus(await client.post('/api/meetings', meetingBody(w.tree.branchA1.id)), 403);
      expectStatus(await client.get('/api/meetings'), 403);
      expectStatus(await client.get('/api/meetings/policy'), 403);
    }
  });

  it('answers 401 without a session', async () => {
    for (const e of endpoints())
      expect([e[0], e[1], (await send(w.t.anon, e)).statusCode]).toEqual([e[0], e[1], 401]);
    expectStatus(await w.t.anon.post('/api/meetings', meetingBody(w.tree.branchA1.id)), 401);
    expectStatus(await w.t.anon.get('/api/meetings'), 401);
    expectStatus(await w.t.anon.get('/api/meetings/policy'), 401);
  });

  it('lets the org_admin above read and change it, and shows the secretary’s `can` flags', async () => {
    const read = await w.as.admin_a.get(`/api/meetings/${m.id}`);
    expectStatus(read, 200);
    expect(read.json().can).toMatchObject({ edit: true, hold: true });
    expectStatus(await w.as.city_admin.get(`/api/meetings/${m.id}/attendance`), 200);
    const res = await w.as.admin_a.patch(`/api/meetings/${m.id}`, { version: m.version, place: '会议室' });
    expectStatus(res, 200);
    m = res.json();
  });
});

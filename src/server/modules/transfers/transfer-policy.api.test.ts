import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RosterWorld, startRosterWorld } from '../../testing/fixtures/members.ts';

let w: RosterWorld;
beforeAll(async () => {
  w = await startRosterWorld();
});
afterAll(() => w.t.close());

describe('GET /api/transfers/policy: the validity a letter gets by default', () => {
  it('answers 401 without a session', async () => {
    expect((await w.t.anon.get('/api/transfers/policy')).statusCode).toBe(401);
  });

  it('answers 403 to those who issue no letters', async () => {
    expect((await w.as.member.get('/api/transfers/policy')).statusCode).toBe(403);
    expect((await w.as.sysadmin.get('/api/transfers/policy')).statusCode).toBe(403);
  });

  it('shows the issuer the configured validity, which the system administrator sets', async () => {
    expect((await w.as.sec_a1.get('/api/transfers/policy')).json()).toEqual({ transferValidityMonths: 3 });
    const current = (await w.as.sysadmin.get('/api/settings/org')).json();
    const saved = await w.as.sysadmin.put('/api/settings/org', {
      value: { transferValidityMonths: 6 },
      version: current.version,
    });
    expect(saved.statusCode).toBe(200);
    expect((await w.as.sec_a1.get('/api/transfers/policy')).json()).toEqual({ transferValidityMonths: 6 });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows } from '../../testing/actors.ts';
import {
  createMember,
  expectRule,
  expectStatus,
  idFor,
  issuePaths,
  memberBody,
  type RosterWorld,
  startRosterWorld,
} from '../../testing/fixtures/members.ts';

/**
 * Registering a member applies the status path's 转正 rule (docs/membership.md §3.2): 转正日 is the end of the
 * 预备期, or of a documented extension; old records judged by the 党章 of their day are accepted with warnings,
 * answered and recorded (§3.3). Status changes accepted with a warning: an early extension (§3.4), 停止党籍 before
 * six months of lost contact (§6). And the one set of required fields (docs/official-forms.md §6.3).
 */
let w: RosterWorld;

beforeAll(async () => {
  w = await startRosterWorld();
});
afterAll(() => w.t.close());

const old = (birth: string) => ({ idNumber: idFor(birth) });
const reasons = (m: { warnings: { reason: string }[] }) => m.warnings.map((x) => x.reason);

describe('POST /api/members: the 转正 date', () => {
  it('refuses a 转正 date after the end of the 预备期 (the meeting day, not the anniversary)', async () => {
    const body = memberBody(w.tree.branchA1.id, { admittedOn: '2010-07-01', confirmedOn: '2011-07-15' });
    const res = await w.as.sec_a1.post('/api/members', body);
    expectRule(res, 'confirmed_not_at_probation_end');
    expect(res.json().error.details).toMatchObject({ expected: '2011-07-01' });
  });

  it('refuses a 转正 date years later without an extension, as the status path would', async () => {
    const body = memberBody(w.tree.branchA1.id, { admittedOn: '2010-07-01', confirmedOn: '2014-03-01' });
    expectRule(await w.as.sec_a1.post('/api/members', body), 'confirmed_not_at_probation_end');
  });

  it('accepts the end of a documented extension, and stores it as the end of the 预备期', async () => {
    const m = await createMember(w.as.sec_a1, w.tree.branchA1.id, {
      admittedOn: '2010-07-01',
      probationEndsOn: '2012-01-01',
      confirmedOn: '2012-01-01',
    });
    expect(m).toMatchObject({ confirmedOn: '2012-01-01', probationEndsOn: '2012-01-01', warnings: [] });
  });

  it('refuses an extension outside 6–12 months', async () => {
    const body = memberBody(w.tree.branchA1.id, {
      admittedOn: '2010-07-01',
      probationEndsOn: '2011-10-01',
      confirmedOn: '2011-10-01',
    });
    expectRule(await w.as.sec_a1.post('/api/members', body), 'probation_extension_out_of_range');
  });

  it('accepts a pre-1956 record with a 候补期 of 3 months, with a warning answered and audited', async () => {
    const m = await createMember(
      w.as.admin_a,
      w.tree.branchA1.id,
      { admittedOn: '1950-05-01', confirmedOn: '1950-08-01', category: 'retired' },
      { ...old('1925-03-01'), workPost: '501' },
    );
    expect(reasons(m)).toEqual(['confirmed_under_old_rules']);
    expect(m.warnings[0].message).toMatch(/候补期3个月/);
    const [audit] = await auditRows(w.t.deps.db, 'member.create');
    expect(audit?.diff).toMatchObject({ note: { warnings: ['confirmed_under_old_rules'] } });
    // Recorded with the member: the page shows it again later.
    const again = (await w.as.admin_a.get(`/api/members/${m.id}`)).json();
    expect(reasons(again)).toEqual(['confirmed_under_old_rules']);
    const registered = again.events.find((e: { kind: string }) => e.kind === 'registered');
    expect(registered).toBeDefined();
  });

  it('accepts a 1970 record confirmed on admission (no 预备期 then), with a warning', async () => {
    const m = await createMember(
      w.as.admin_a,
      w.tree.branchA1.id,
      { admittedOn: '1970-05-01', confirmedOn: '1970-05-01', category: 'retired' },
      { ...old('1940-03-01'), workPost: '502' },
    );
    expect(m.probationEndsOn).toBeNull();
    expect(reasons(m)).toEqual(['confirmed_under_old_rules']);
  });

  it('answers no date warning for a record by today’s rule', async () => {
    const m = await createMember(w.as.sec_a1, w.tree.branchA1.id);
    expect(m.warnings).toEqual([]);
  });
});

describe('POST /api/members: required fields, the same as the form and the import', () => {
  it.each(['ethnicity', 'education', 'workPost'])(
    'refuses a new member without %s (400 on the field)',
    async (field) => {
      const res = await w.as.sec_a1.post('/api/members', memberBody(w.tree.branchA1.id, {}, { [field]: '' }));
      expect(issuePaths(res)).toEqual([`body.person.${field}`]);
      expect(JSON.stringify(res.json().error.details)).toMatch(/请填写/);
    },
  );
});

describe('POST /api/members/:id/events: accepted with a warning', () => {
  it('an extension decided well before the 预备期 ends: answered, kept on the history row and audited', async () => {
    const m = await createMember(w.as.sec_a1, w.tree.branchA1.id, {
      status: 'probationary',
      admittedOn: '2026-01-10',
      confirmedOn: null,
    });
    const res = await w.as.sec_a1.post(`/api/members/${m.id}/events`, {
      version: m.version,
      kind: 'extend_probation',
      effectiveOn: '2026-06-01',
      probationEndsOn: '2027-07-10',
    });
    expectStatus(res, 200);
    expect(reasons(res.json())).toEqual(['extension_decided_early']);
    const [audit] = await auditRows(w.t.deps.db, 'member.status_change');
    expect(audit?.diff).toMatchObject({
      note: { kind: 'extend_probation', warnings: ['extension_decided_early'] },
    });
  });

  it('停止党籍 sooner than six months after contact was lost', async () => {
    const m = await createMember(w.as.sec_a1, w.tree.branchA1.id);
    const lost = await w.as.sec_a1.post(`/api/members/${m.id}/events`, {
      version: m.version,
      kind: 'mark_unreachable',
      effectiveOn: '2026-05-01',
      lostContactOn: '2026-03-01',
    });
    expectStatus(lost, 200);
    const res = await w.as.sec_a1.post(`/api/members/${m.id}/events`, {
      version: lost.json().version,
      kind: 'suspend',
      effectiveOn: '2026-06-01',
      reason: '经查找仍无法联系',
    });
    expectStatus(res, 200);
    expect(reasons(res.json())).toEqual(['suspended_before_six_months']);
  });

  it('is still refused to an actor out of scope (404)', async () => {
    const m = await createMember(w.as.sec_a1, w.tree.branchA1.id);
    const res = await w.as.admin_b.post(`/api/members/${m.id}/events`, {
      version: m.version,
      kind: 'suspend',
      effectiveOn: '2026-06-01',
      reason: '出国定居',
    });
    expectStatus(res, 404);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createMember,
  expectStatus,
  issuePaths,
  type RosterWorld,
  startRosterWorld,
} from '../../testing/fixtures/members.ts';

/**
 * An edit keeps the record as complete as the form and the import require (issue 9; docs/official-forms.md §6.3):
 * 民族, 学历 and 工作岗位 of a 预备党员 or 正式党员 may be changed, never cleared; optional fields (phones, address) may
 * be; a 失联 or 停止党籍 member's may be cleared (the same set, the same statuses as the import).
 */
let w: RosterWorld;
const patch = (id: number, body: Record<string, unknown>) => w.as.sec_a1.patch(`/api/members/${id}`, body);

beforeAll(async () => {
  w = await startRosterWorld();
});
afterAll(() => w.t.close());

describe('PATCH /api/members/:id: the fields required in good standing', () => {
  it.each([
    ['民族', 'ethnicity', null],
    ['学历', 'education', ''],
    ['工作岗位', 'workPost', '   '],
  ])(
    'refuses to clear %s of a 正式党员, with its message, and changes nothing',
    async (label, field, value) => {
      const m = await createMember(w.as.sec_a1, w.tree.branchA1.id);
      const res = await patch(m.id, { version: m.version, person: { [field]: value } });
      expectStatus(res, 400);
      expect(res.json().error.details.reason).toBe('standing_field_required');
      expect(issuePaths(res)).toEqual([`body.person.${field}`]);
      expect(res.json().error.message).toBe(`请填写${label}：预备党员、正式党员的此项不能清空`);
      const after = (await w.as.sec_a1.get(`/api/members/${m.id}`)).json();
      expect(after.version).toBe(m.version);
      expect(after[field]).not.toBeNull();
    },
  );

  it('refuses it for a 预备党员 too', async () => {
    const m = await createMember(w.as.sec_a1, w.tree.branchA1.id, {
      status: 'probationary',
      admittedOn: '2026-01-15',
      confirmedOn: null,
    });
    const res = await patch(m.id, { version: m.version, person: { workPost: null } });
    expectStatus(res, 400);
    expect(res.json().error.details.reason).toBe('standing_field_required');
  });

  it('changes them, and clears an optional field, in one edit', async () => {
    const m = await createMember(w.as.sec_a1, w.tree.branchA1.id);
    expect(m.phoneMobile).not.toBeNull();
    const res = await patch(m.id, {
      version: m.version,
      person: { ethnicity: '03', education: '11', workPost: '502', phoneMobile: null, address: '' },
    });
    expectStatus(res, 200);
    expect(res.json()).toMatchObject({
      ethnicity: '03',
      education: '11',
      workPost: '502',
      phoneMobile: null,
      address: null,
    });
  });

  it('leaves a field not sent as it is', async () => {
    const m = await createMember(w.as.sec_a1, w.tree.branchA1.id);
    const res = await patch(m.id, { version: m.version, person: { address: '幸福路9号' } });
    expectStatus(res, 200);
    expect(res.json()).toMatchObject({
      ethnicity: m.ethnicity,
      education: m.education,
      workPost: m.workPost,
    });
  });

  it('lets the fields of a 失联 member be cleared: they may be unknown', async () => {
    const m = await createMember(w.as.sec_a1, w.tree.branchA1.id);
    const lost = await w.as.sec_a1.post(`/api/members/${m.id}/events`, {
      version: m.version,
      kind: 'mark_unreachable',
      effectiveOn: '2026-06-01',
    });
    expectStatus(lost, 200);
    const res = await patch(m.id, { version: lost.json().version, person: { education: null } });
    expectStatus(res, 200);
    expect(res.json()).toMatchObject({ status: 'unreachable', education: null });
  });
});

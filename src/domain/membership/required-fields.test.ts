import { describe, expect, it } from 'vitest';
import { MEMBER_STATUSES } from './member-status.ts';
import { checkStandingFieldsKept, needsFullRecord } from './required-fields.ts';

describe('checkStandingFieldsKept (docs/official-forms.md §6.3)', () => {
  it('refuses a field sent empty for a member in good standing, naming the field', () => {
    for (const value of [null, '', '  ']) {
      expect(checkStandingFieldsKept('full', { education: value })).toMatchObject({
        ok: false,
        field: 'education',
        denial: {
          reason: 'standing_field_required',
          message: '请填写学历：预备党员、正式党员的此项不能清空',
        },
      });
    }
  });

  it('allows a change, a field not sent, and any clearing for the statuses that may lack them', () => {
    expect(checkStandingFieldsKept('probationary', { ethnicity: '03', workPost: undefined })).toEqual({
      ok: true,
    });
    for (const status of MEMBER_STATUSES)
      expect(checkStandingFieldsKept(status, { ethnicity: null }).ok).toBe(!needsFullRecord(status));
  });
});

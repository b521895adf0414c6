import { describe, expect, it } from 'vitest';
import { checkLeaving, checkNewPost, headPost, isActiveOn, type PostTenure } from './leadership.ts';

const secretary = (startedOn: string, leftOn: string | null = null): PostTenure => ({
  post: 'secretary',
  startedOn,
  leftOn,
});

describe('isActiveOn', () => {
  it.each([
    ['2024-12-31', false],
    ['2025-01-01', true],
    ['2026-05-31', true],
    ['2026-06-01', false],
  ])('a secretary from 2025-01-01 who left on 2026-06-01, on %s: %s', (day, expected) => {
    expect(isActiveOn(secretary('2025-01-01', '2026-06-01'), day)).toBe(expected);
  });
});

describe('headPost', () => {
  it('is the 党小组长 for a group and the 书记 elsewhere', () => {
    expect(headPost('group')).toBe('group_leader');
    expect(headPost('branch')).toBe('secretary');
    expect(headPost('committee')).toBe('secretary');
  });
});

describe('checkNewPost', () => {
  it('allows one sitting secretary at a time', () => {
    expect(checkNewPost('branch', 'secretary', '2026-01-01', [secretary('2024-01-01')])).toMatchObject({
      ok: false,
      reason: 'post_already_filled',
    });
    expect(
      checkNewPost('branch', 'secretary', '2026-01-01', [secretary('2024-01-01', '2025-12-31')]).ok,
    ).toBe(true);
  });

  it('allows several committee members', () => {
    const members: PostTenure[] = [{ post: 'committee_member', startedOn: '2024-01-01', leftOn: null }];
    expect(checkNewPost('committee', 'committee_member', '2026-01-01', members).ok).toBe(true);
  });

  it('gives a 党小组 a 组长 only, and a 组长 only to a 党小组', () => {
    expect(checkNewPost('group', 'secretary', '2026-01-01', [])).toMatchObject({
      ok: false,
      reason: 'post_not_for_group',
    });
    expect(checkNewPost('group', 'group_leader', '2026-01-01', []).ok).toBe(true);
    expect(checkNewPost('branch', 'group_leader', '2026-01-01', [])).toMatchObject({
      ok: false,
      reason: 'group_leader_only_in_group',
    });
  });
});

describe('checkLeaving', () => {
  it('refuses leaving twice or before starting', () => {
    expect(checkLeaving(secretary('2025-01-01', '2026-01-01'), '2026-02-01')).toMatchObject({
      reason: 'post_already_left',
    });
    expect(checkLeaving(secretary('2025-01-01'), '2024-12-31')).toMatchObject({
      reason: 'left_before_start',
    });
    expect(checkLeaving(secretary('2025-01-01'), '2025-01-01').ok).toBe(true);
  });
});

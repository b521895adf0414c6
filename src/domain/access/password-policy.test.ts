import { describe, expect, it } from 'vitest';
import { checkPassword, checkPasswordChange } from './password-policy.ts';

describe('checkPassword', () => {
  it.each<[string, string, boolean, string?]>([
    ['Abcdef1!', 'wang', true],
    ['abcdef12', 'wang', false, 'password_too_simple'],
    ['ABCDEF12', 'wang', false, 'password_too_simple'],
    ['abcdEFGH', 'wang', false, 'password_too_simple'],
    ['abcdEF12', 'wang', true],
    ['abcd12!@', 'wang', true],
    ['Ab1!', 'wang', false, 'password_too_short'],
    ['Abc1!xy', 'wang', false, 'password_too_short'],
    ['Wang2026!', 'wang', false, 'password_contains_username'],
    ['xxWANGxx1!', 'wang', false, 'password_contains_username'],
    ['党建Abcd1234', 'wang', true],
  ])('%s for user %s → %s', (password, username, ok, reason) => {
    const d = checkPassword(password, username);
    expect(d.ok).toBe(ok);
    if (!d.ok) {
      expect(d.reason).toBe(reason);
      expect(d.message).toMatch(/密码/);
    }
  });

  it('refuses keeping the same password on a change', () => {
    expect(checkPasswordChange('Abcdef1!', 'Abcdef1!', 'wang')).toMatchObject({
      reason: 'password_unchanged',
    });
    expect(checkPasswordChange('Abcdef1!', 'Bcdefg2@', 'wang').ok).toBe(true);
  });
});

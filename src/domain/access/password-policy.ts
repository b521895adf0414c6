import { allow, type Decision, deny } from '../shared/index.ts';
import type { AccessReason } from './reasons.ts';

/**
 * Password policy (GB/T 22239 等级保护 practice, as the issue states it): at least 8 characters, at least
 * three of lower case, upper case, digit and symbol, and not containing the username.
 */
export const PASSWORD_MIN_LENGTH = 8;

export type CharacterClass = 'lower' | 'upper' | 'digit' | 'symbol';

export function characterClasses(password: string): Set<CharacterClass> {
  const classes = new Set<CharacterClass>();
  for (const ch of password) {
    if (/[a-z]/.test(ch)) classes.add('lower');
    else if (/[A-Z]/.test(ch)) classes.add('upper');
    else if (/[0-9]/.test(ch)) classes.add('digit');
    else if (!/\s/.test(ch)) classes.add('symbol');
  }
  return classes;
}

export function checkPassword(password: string, username: string): Decision<AccessReason> {
  if ([...password].length < PASSWORD_MIN_LENGTH) {
    return deny('password_too_short', `密码至少${PASSWORD_MIN_LENGTH}位`);
  }
  if (characterClasses(password).size < 3) {
    return deny('password_too_simple', '密码须包含小写字母、大写字母、数字、符号中的至少三种');
  }
  if (username.length > 0 && password.toLowerCase().includes(username.toLowerCase())) {
    return deny('password_contains_username', '密码不能包含用户名');
  }
  return allow;
}

export function checkPasswordChange(current: string, next: string, username: string): Decision<AccessReason> {
  if (current === next) return deny('password_unchanged', '新密码不能与当前密码相同');
  return checkPassword(next, username);
}

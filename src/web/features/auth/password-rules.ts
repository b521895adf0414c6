import type { FormRule } from 'antd';
import { checkPassword } from '../../../domain/access/index.ts';

/** The password policy as the user reads it (the rule itself is src/domain/access/password-policy.ts). */
export const PASSWORD_POLICY_TEXT =
  '至少8位，包含小写字母、大写字母、数字、符号中的至少三种，且不能包含用户名';

/** Checks a new password in the browser with the same rule the server applies. */
export function newPasswordRule(username: string): FormRule {
  return {
    validator: async (_rule, value: string | undefined) => {
      if (!value) throw new Error('请输入新密码');
      const decision = checkPassword(value, username);
      if (!decision.ok) throw new Error(decision.message);
    },
  };
}

/** The confirmation must repeat the field `field`. */
export function confirmRule(field: string, label = '两次输入的新密码不一致'): FormRule {
  return ({ getFieldValue }) => ({
    validator: async (_rule, value: string | undefined) => {
      if (!value) throw new Error('请再次输入新密码');
      if (value !== getFieldValue(field)) throw new Error(label);
    },
  });
}

import { describe, expect, it } from 'vitest';
import { IdSchema, optionalText, patchText, text } from '../../contracts/common.ts';
import { CreateMemberBody } from '../../contracts/members.ts';
import { SecurityPolicySchema } from '../../contracts/settings.ts';
import { CreateUserBody, UpdateUserBody } from '../../contracts/users.ts';
import { z } from '../../contracts/zod-zh.ts';
import { contractRules, fieldLimits, requiredMessage } from './contract-rules.ts';

describe('form rules from a contract field', () => {
  it('takes the maximum length and its Chinese message from a required text', () => {
    expect(contractRules(CreateUserBody.shape.name, { required: '请输入姓名' })).toEqual([
      { required: true, whitespace: true, message: '请输入姓名' },
      { max: 50, message: '不能超过50个字符' },
    ]);
  });

  it('sees through optional, nullable and transformed fields (PATCH bodies, optional texts)', () => {
    expect(contractRules(UpdateUserBody.shape.name)).toEqual([{ max: 50, message: '不能超过50个字符' }]);
    expect(contractRules(optionalText(200))).toEqual([{ max: 200, message: '不能超过200个字符' }]);
    expect(contractRules(patchText(200).optional())).toEqual([{ max: 200, message: '不能超过200个字符' }]);
    expect(contractRules(CreateMemberBody.shape.person.shape.address)).toEqual([
      { max: 200, message: '不能超过200个字符' },
    ]);
  });

  it('keeps a pattern with the message the contract gives it', () => {
    const [, pattern] = contractRules(CreateUserBody.shape.username, { required: '请输入用户名' });
    expect(pattern).toEqual({
      pattern: /^[a-z][a-z0-9_.-]{2,31}$/,
      message: '用户名须以小写字母开头，3–32位，只含小写字母、数字、下划线、点、连字符',
    });
  });

  it('says 不能超过N个字符 where the contract has no message of its own', () => {
    expect(contractRules(z.string().max(64))).toEqual([{ max: 64, message: '不能超过64个字符' }]);
  });

  it('gives the bounds of a number, whole numbers when the contract says int', () => {
    expect(contractRules(SecurityPolicySchema.shape.lockoutThreshold)).toEqual([
      { type: 'integer', min: 3, max: 20, message: '请填写 3–20 之间的整数' },
    ]);
    expect(fieldLimits(SecurityPolicySchema.shape.sessionIdleMinutes)).toMatchObject({
      min: 5,
      max: 480,
      integer: true,
    });
    // positive(): 0 < n, so 1 ≤ n for a whole number.
    expect(fieldLimits(IdSchema)).toMatchObject({ min: 1, max: 2_147_483_647, integer: true });
  });

  it('asks for a value of any other kind with the bare required rule (antd checks extra keys as text)', () => {
    expect(contractRules(SecurityPolicySchema.shape.lockoutThreshold, { required: '请填写' })[0]).toEqual({
      required: true,
      message: '请填写',
    });
  });

  it('adds no limit the contract does not have', () => {
    expect(contractRules(z.enum(['a', 'b']), { required: '请选择' })).toEqual([
      { required: true, message: '请选择' },
    ]);
    expect(contractRules(z.string())).toEqual([]);
    expect(fieldLimits(text(10))).toMatchObject({ minLength: { value: 1, message: '不能为空' } });
  });

  it('reads which fields the contract requires, with its message (one set for the form, the API and the import)', () => {
    const person = CreateMemberBody.shape.person.shape;
    expect(requiredMessage(person.ethnicity)).toBe('请填写民族');
    expect(requiredMessage(person.education)).toBe('请填写学历');
    expect(requiredMessage(person.workPost)).toBe('请填写工作岗位');
    expect(requiredMessage(person.phoneMobile)).toBeUndefined();
    expect(requiredMessage(person.address)).toBeUndefined();
    expect(requiredMessage(CreateMemberBody.shape.probationEndsOn)).toBeUndefined();
    expect(requiredMessage(optionalText(10))).toBeUndefined();
    expect(requiredMessage(patchText(10))).toBeUndefined();
  });
});

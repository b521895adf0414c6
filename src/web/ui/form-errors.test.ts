import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/api-error.ts';
import { mapServerErrors } from './form-errors.ts';

const invalid = (issues: { path: (string | number)[]; message: string }[]) =>
  new ApiError(400, 'invalid_input', '输入有误，请检查标出的字段', { reason: 'invalid_input', issues });

describe('mapServerErrors', () => {
  it('puts body issues on the fields after `body`, grouping messages per field', () => {
    const { fields, unmapped } = mapServerErrors(
      invalid([
        { path: ['body', 'name'], message: '不能为空' },
        { path: ['body', 'name'], message: '不能超过100个字符' },
        { path: ['body', 'establishedOn'], message: '日期格式应为 YYYY-MM-DD' },
      ]),
    );
    expect(fields).toEqual([
      { name: ['name'], errors: ['不能为空', '不能超过100个字符'] },
      { name: ['establishedOn'], errors: ['日期格式应为 YYYY-MM-DD'] },
    ]);
    expect(unmapped).toEqual([]);
  });

  it('keeps nested paths for list fields (Form.List)', () => {
    const { fields } = mapServerErrors(
      invalid([{ path: ['body', 'roles', 1, 'orgId'], message: '请选择组织' }]),
    );
    expect(fields).toEqual([{ name: ['roles', 1, 'orgId'], errors: ['请选择组织'] }]);
  });

  it('drops a prefix when the form edits part of the body (settings value)', () => {
    const { fields } = mapServerErrors(
      invalid([{ path: ['value', 'urgentMonths'], message: '紧急提醒的提前量不能大于一般提醒' }]),
      { prefix: ['value'] },
    );
    expect(fields).toEqual([{ name: ['urgentMonths'], errors: ['紧急提醒的提前量不能大于一般提醒'] }]);
  });

  it('reports issues about fields the form does not have, and query or path issues, as messages', () => {
    const { fields, unmapped } = mapServerErrors(
      invalid([
        { path: ['body', 'version'], message: '版本号无效' },
        { path: ['query', 'page'], message: '页码无效' },
        { path: ['body'], message: '请求体不能为空' },
        { path: ['body', 'name'], message: '不能为空' },
      ]),
      { knownFields: ['name'] },
    );
    expect(fields).toEqual([{ name: ['name'], errors: ['不能为空'] }]);
    expect(unmapped).toEqual(['版本号无效', '页码无效', '请求体不能为空']);
  });

  it('puts a rule violation that belongs to one field on that field', () => {
    const error = new ApiError(422, 'rule_violation', '当前密码不正确', { reason: 'wrong_current_password' });
    expect(
      mapServerErrors(error, { reasonFields: { wrong_current_password: 'currentPassword' } }).fields,
    ).toEqual([{ name: ['currentPassword'], errors: ['当前密码不正确'] }]);
    const conflict = new ApiError(409, 'conflict', '用户名已被使用', { reason: 'username_taken' });
    expect(mapServerErrors(conflict, { reasonFields: { username_taken: 'username' } }).fields).toEqual([
      { name: ['username'], errors: ['用户名已被使用'] },
    ]);
    expect(mapServerErrors(conflict).fields).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { fieldLabel, formatFieldValue, type RefNames } from './field-labels.ts';

const names: RefNames = {
  orgs: { '2': '甲区委', '3': '甲一街道党工委', '449': '和平社区第一党支部' },
  members: { '314': '张三' },
  persons: {},
  users: { '7': '李四' },
};

describe('a recorded change as a person reads it', () => {
  it('names the records it mentions by id, and says so when a record is not the reader’s to name', () => {
    expect(fieldLabel('parentId')).toBe('上级组织');
    expect(formatFieldValue('parentId', 3, names)).toBe('甲一街道党工委');
    expect(formatFieldValue('memberId', '314', names)).toBe('张三');
    expect(formatFieldValue('userId', 7, names)).toBe('李四');
    expect(formatFieldValue('toOrgId', 99, names)).toBe('#99（无权查看或已不存在）');
    expect(formatFieldValue('orgId', 3)).toBe('#3（无权查看或已不存在）');
  });

  it('reads an org path as names from the reader’s top down, never as 1.2.3.449', () => {
    expect(formatFieldValue('path', '1.2.3.449', names)).toBe(
      '… / 甲区委 / 甲一街道党工委 / 和平社区第一党支部',
    );
    expect(formatFieldValue('path', '2.3', names)).toBe('甲区委 / 甲一街道党工委');
    expect(formatFieldValue('path', '1.5', names)).toBe('#5（无权查看或已不存在）');
  });

  it('keeps the other values as before', () => {
    expect(formatFieldValue('kind', 'branch')).toBe('党支部');
    expect(formatFieldValue('mustChangePassword', true)).toBe('是');
    expect(formatFieldValue('name', '新名')).toBe('新名');
  });
});

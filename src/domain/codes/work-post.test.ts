import { describe, expect, it } from 'vitest';
import {
  OCCUPATIONS,
  occupationOf,
  WORK_POST_GROUPS,
  WORK_POST_NODES,
  WORK_POSTS,
  type WorkPostCode,
  workPostGroup,
  workPostName,
  workPostOwnership,
  workPostTopGroup,
} from './work-post.ts';

describe('workPostName', () => {
  it('reads a leaf by its name, a student leaf by its long form, an unknown code as nothing', () => {
    expect(workPostName('502')).toBe('退休人员');
    expect(workPostName('011')).toBe('公务员');
    expect(workPostName('301')).toBe('研究生毕业年级学生');
    expect(workPostName('322')).toBe('大学专科一年级学生');
    expect(workPostName('33')).toBe('中等专业学校学生');
    expect(workPostName('4')).toBeUndefined();
    const names = WORK_POSTS.map((p) => workPostName(p.code));
    expect(new Set(names).size).toBe(WORK_POSTS.length);
  });
});

describe('工作岗位 tree', () => {
  it('has 49 leaves, each under a known node, and no group 4', () => {
    expect(WORK_POSTS).toHaveLength(49);
    const nodes = new Set<string>(WORK_POST_NODES.map((n) => n.code));
    for (const p of WORK_POSTS) expect(nodes.has(p.parent)).toBe(true);
    expect(nodes.has('4')).toBe(false);
  });

  it.each<[string, number]>([
    ['0', 15],
    ['1', 4],
    ['2', 1],
    ['3', 12],
    ['5', 4],
    ['6', 13],
  ])('group %s has %i leaves', (group, count) => {
    expect(WORK_POSTS.filter((p) => workPostTopGroup(p.code) === group)).toHaveLength(count);
  });

  it('keeps the long names whole', () => {
    const names = WORK_POSTS.map((p) => p.name);
    expect(names.some((n) => n.includes('…'))).toBe(false);
    expect(WORK_POSTS.find((p) => p.code === '606')?.name).toBe('（转业）待安置、学生毕业未就业的人员');
  });
});

describe('workPostGroup (党统 row), workPostOwnership and occupationOf (bulletin 职业)', () => {
  it('puts every leaf in exactly one 党统 row', () => {
    const grouped = WORK_POST_GROUPS.flatMap((g) => g.codes);
    expect(grouped).toHaveLength(49);
    expect([...grouped].sort()).toEqual(WORK_POSTS.map((p) => p.code).sort());
  });

  it.each<[WorkPostCode, string, string | null, string]>([
    ['011', 'government_staff', 'public', 'government_staff'],
    ['012', 'government_staff', 'public', 'government_staff'],
    ['0211', 'institution_manager', 'public', 'manager'],
    ['0212', 'institution_professional', 'public', 'professional'],
    ['0213', 'enterprise_manager', 'public', 'manager'],
    ['0214', 'enterprise_professional', 'public', 'professional'],
    ['0215', 'enterprise_manager', 'non_public', 'manager'],
    ['0216', 'enterprise_professional', 'non_public', 'professional'],
    ['0217', 'non_enterprise_manager', 'non_public', 'manager'],
    ['0218', 'non_enterprise_professional', 'non_public', 'professional'],
    ['0311', 'skilled_worker', 'public', 'worker'],
    ['0312', 'skilled_worker', 'non_public', 'worker'],
    ['0313', 'skilled_worker', 'non_public', 'worker'],
    ['0314', 'skilled_worker', 'public', 'worker'],
    ['0315', 'skilled_worker', 'public', 'worker'],
    ['11', 'farmer', null, 'farmer'],
    ['123', 'farmer', null, 'farmer'],
    ['2', 'military', null, 'other'],
    ['301', 'student', null, 'student'],
    ['35', 'student', null, 'student'],
    ['502', 'retired', null, 'retired'],
    ['602', 'other', null, 'other'],
    ['613', 'other', null, 'other'],
  ])('%s → %s, %s, %s', (code, group, ownership, occupation) => {
    expect(workPostGroup(code)).toBe(group);
    expect(workPostOwnership(code)).toBe(ownership);
    expect(occupationOf(code)).toBe(occupation);
  });

  it('uses the bulletin labels', () => {
    expect(OCCUPATIONS.map((o) => o.label)).toEqual([
      '工人（工勤技能人员）',
      '农牧渔民',
      '企事业单位、社会组织专业技术人员',
      '企事业单位、社会组织管理人员',
      '党政机关工作人员',
      '学生',
      '其他职业人员',
      '离退休人员',
    ]);
  });
});

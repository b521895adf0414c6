import { describe, expect, it } from 'vitest';
import { permissionsOf, type Role } from '../../domain/access/index.ts';
import { fallbackNav, homePath, navLeaves, visibleNav } from './navigation.ts';

const labelsFor = (...roles: Role[]) => {
  const permissions = [...new Set(roles.flatMap((r) => permissionsOf(r)))];
  return navLeaves(visibleNav(permissions)).map((l) => l.label);
};

describe('the side menu by permission', () => {
  it('shows each role only what it can use', () => {
    expect(labelsFor('system_admin')).toEqual(['工作台', '组织管理', '用户与权限', '参数配置']);
    expect(labelsFor('org_admin')).toEqual([
      '工作台',
      '组织管理',
      '党员名册',
      '待审批决定',
      '自行脱党情形',
      '组织关系转接',
      '增减台账',
      '导入记录',
      '会议',
      '组织生活达标',
      '民主评议',
      '谈心谈话',
      '党费收缴',
      '收缴统计',
      '减免审批',
      '党费基数',
      '用户与权限',
    ]);
    expect(labelsFor('secretary')).toEqual([
      '工作台',
      '组织管理',
      '党员名册',
      '待审批决定',
      '自行脱党情形',
      '组织关系转接',
      '增减台账',
      '导入记录',
      '会议',
      '组织生活达标',
      '民主评议',
      '谈心谈话',
      '党费收缴',
      '收缴统计',
      '减免审批',
      '党费基数',
    ]);
    expect(labelsFor('member')).toEqual([]);
  });

  it('keeps the three administrators apart (三员分立)', () => {
    expect(labelsFor('audit_admin')).toEqual(['审计日志']);
    expect(labelsFor('security_admin')).toEqual(['工作台', '用户与权限', '参数配置']);
  });

  it('drops the 系统管理 group when none of its entries is usable', () => {
    const groups = visibleNav(permissionsOf('secretary')).map((i) => i.label);
    expect(groups).toEqual(['工作台', '组织管理', '党员管理', '组织生活', '党费管理']);
  });

  it('opens on the first usable page; a 党员 on their own record; anyone else on the personal settings', () => {
    expect(homePath(permissionsOf('audit_admin'))).toBe('/system/audit');
    // The security administrator's 工作台 warns about weakened security settings first.
    expect(homePath(permissionsOf('security_admin'))).toBe('/workbench');
    expect(homePath(permissionsOf('secretary'))).toBe('/workbench');
    expect(homePath(permissionsOf('member'))).toBe('/m/me');
    expect(homePath([])).toBe('/profile');
    // A secretary who is also a member works at the desk first.
    expect(homePath([...permissionsOf('secretary'), ...permissionsOf('member')])).toBe('/workbench');
  });

  it('offers a 党员 with no module their own record and 个人设置', () => {
    expect(fallbackNav(permissionsOf('member')).map((l) => l.label)).toEqual(['我的党员档案', '个人设置']);
    expect(fallbackNav([]).map((l) => l.label)).toEqual(['个人设置']);
  });
});

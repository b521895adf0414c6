import type { Permission } from '../../domain/access/index.ts';

export type NavKey =
  | 'workbench'
  | 'orgs'
  | 'members'
  | 'decisions'
  | 'lapseCases'
  | 'transfers'
  | 'ledger'
  | 'imports'
  | 'meetings'
  | 'compliance'
  | 'appraisals'
  | 'talks'
  | 'duesSheet'
  | 'duesSummary'
  | 'duesReductions'
  | 'duesBases'
  | 'users'
  | 'settings'
  | 'audit'
  | 'profile'
  | 'me';

export type NavLeaf = {
  readonly key: NavKey;
  readonly label: string;
  readonly path: string;
  /** Shown only when the user holds every one of these… */
  readonly allOf?: readonly Permission[];
  /** …and at least one of these. */
  readonly anyOf?: readonly Permission[];
};

export type NavGroup = {
  readonly key: string;
  readonly label: string;
  readonly children: readonly NavLeaf[];
};
export type NavItem = NavLeaf | NavGroup;

/** Where the personal settings live: every signed-in user has them, so it is the last resort home page. */
export const PROFILE_PATH = '/profile';

/** A member's own page, built for a phone (docs/design.md §4.4: `/m/…`). */
export const MEMBER_HOME_PATH = '/m/me';

/** Shown in the side menu only when nothing else is: personal settings are otherwise in the user menu. */
export const PROFILE_NAV: NavLeaf = { key: 'profile', label: '个人设置', path: PROFILE_PATH };

/** A 党员's own record, in the side menu of an account that has nothing else (also in the user menu). */
export const MEMBER_SELF_NAV: NavLeaf = {
  key: 'me',
  label: '我的党员档案',
  path: MEMBER_HOME_PATH,
  allOf: ['member.self'],
};

/** The side menu of an account without any module: their own record when they are a 党员, and 个人设置. */
export function fallbackNav(permissions: readonly string[]): NavLeaf[] {
  return [...(canUse(MEMBER_SELF_NAV, permissions) ? [MEMBER_SELF_NAV] : []), PROFILE_NAV];
}

/**
 * The side menu (docs/design.md §4.1), each entry with the permissions that make its page usable. Modules
 * appear as they are built; an entry the user cannot use is never shown.
 */
export const NAV: readonly NavItem[] = [
  // The security administrator's 工作台 holds security warnings, no party figures (SecurityWorkbenchPage).
  { key: 'workbench', label: '工作台', path: '/workbench', anyOf: ['workbench.read', 'settings.security'] },
  // 组织管理 is the party work on the tree. The 安全管理员 also reads orgs, but only to choose where a role
  // applies (三员分立): the menu needs the business figures too, which the three administrators lack.
  { key: 'orgs', label: '组织管理', path: '/orgs', allOf: ['org.read', 'workbench.read'] },
  {
    key: 'memberGroup',
    label: '党员管理',
    children: [
      { key: 'members', label: '党员名册', path: '/members', allOf: ['member.read'] },
      // The approval is recorded by the level above a 党支部 (member.manage there; docs/membership.md §12).
      {
        key: 'decisions',
        label: '待审批决定',
        path: '/member-decisions',
        allOf: ['member.read', 'member.manage'],
      },
      // 党章第九条 cases: handled on the member's page (docs/membership.md §6).
      { key: 'lapseCases', label: '自行脱党情形', path: '/lapse-cases', allOf: ['member.read'] },
      { key: 'transfers', label: '组织关系转接', path: '/member-transfers', allOf: ['member.read'] },
      { key: 'ledger', label: '增减台账', path: '/member-ledger', allOf: ['member.read'] },
      { key: 'imports', label: '导入记录', path: '/member-imports', allOf: ['member.manage'] },
    ],
  },
  {
    key: 'orgLife',
    label: '组织生活',
    children: [
      { key: 'meetings', label: '会议', path: '/meetings', allOf: ['org_life.read'] },
      { key: 'compliance', label: '组织生活达标', path: '/org-life/compliance', allOf: ['org_life.read'] },
      { key: 'appraisals', label: '民主评议', path: '/org-life/appraisals', allOf: ['org_life.read'] },
      { key: 'talks', label: '谈心谈话', path: '/org-life/talks', allOf: ['org_life.read'] },
    ],
  },
  {
    key: 'dues',
    label: '党费管理',
    children: [
      { key: 'duesSheet', label: '党费收缴', path: '/dues/sheet', allOf: ['dues.read'] },
      { key: 'duesSummary', label: '收缴统计', path: '/dues/summary', allOf: ['dues.read'] },
      { key: 'duesReductions', label: '减免审批', path: '/dues/reductions', allOf: ['dues.read'] },
      // Pay is personal data (docs/dues.md §11): the page needs dues.base, narrowed by the server to the own branch.
      { key: 'duesBases', label: '党费基数', path: '/dues/bases', allOf: ['dues.base'] },
    ],
  },
  {
    key: 'system',
    label: '系统管理',
    children: [
      { key: 'users', label: '用户与权限', path: '/system/users', allOf: ['user.read'] },
      {
        key: 'settings',
        label: '参数配置',
        path: '/system/settings',
        anyOf: ['settings.security', 'settings.system'],
      },
      { key: 'audit', label: '审计日志', path: '/system/audit', allOf: ['audit.read'] },
    ],
  },
];

export function isGroup(item: NavItem): item is NavGroup {
  return 'children' in item;
}

export function canUse(leaf: NavLeaf, permissions: readonly string[]): boolean {
  const all = leaf.allOf ?? [];
  const any = leaf.anyOf ?? [];
  return (
    all.every((p) => permissions.includes(p)) &&
    (any.length === 0 || any.some((p) => permissions.includes(p)))
  );
}

/** The menu as this user sees it: unusable entries dropped, and groups left empty dropped with them. */
export function visibleNav(permissions: readonly string[]): NavItem[] {
  const out: NavItem[] = [];
  for (const item of NAV) {
    if (isGroup(item)) {
      const children = item.children.filter((c) => canUse(c, permissions));
      if (children.length > 0) out.push({ ...item, children });
    } else if (canUse(item, permissions)) {
      out.push(item);
    }
  }
  return out;
}

export function navLeaves(items: readonly NavItem[]): NavLeaf[] {
  return items.flatMap((item) => (isGroup(item) ? [...item.children] : [item]));
}

export function findNavLeaf(key: NavKey): NavLeaf {
  const leaf = navLeaves(NAV).find((l) => l.key === key);
  if (!leaf) throw new Error(`no menu entry ${key}`);
  return leaf;
}

/**
 * The first page the user may use. With no menu at all: a 党员 opens on their own record (phone first), anyone
 * else on the personal settings.
 */
export function homePath(permissions: readonly string[]): string {
  const first = navLeaves(visibleNav(permissions))[0]?.path;
  if (first) return first;
  return permissions.includes('member.self') ? MEMBER_HOME_PATH : PROFILE_PATH;
}

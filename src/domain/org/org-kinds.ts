import { allow, type Decision, deny } from '../shared/index.ts';
import type { OrgReason } from './reasons.ts';

/**
 * 组织类别 (GLOSSARY.md, Organizations; docs/organizations.md §1). Order is from the top of a deployment down.
 */
export const ORG_KINDS = [
  'local_committee',
  'working_committee',
  'committee',
  'general_branch',
  'branch',
  'joint_branch',
  'temporary_branch',
  'floating_branch',
  'group',
] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

export const ORG_KIND_LABELS: Record<OrgKind, string> = {
  local_committee: '地方党委',
  working_committee: '党工委',
  committee: '基层党委',
  general_branch: '党总支',
  branch: '党支部',
  joint_branch: '联合党支部',
  temporary_branch: '临时党支部',
  floating_branch: '流动党员党支部',
  group: '党小组',
};

/**
 * The kinds of 党支部 (docs/organizations.md §1, §4; 支部工作条例第四、五条): a unit's own branch, a 联合党支部 of
 * several small units, a 临时党支部 for a temporary task, a 流动党员党支部 where 流动党员 concentrate. Each holds
 * members and 党小组 as a 党支部 does.
 */
export const BRANCH_KINDS = ['branch', 'joint_branch', 'temporary_branch', 'floating_branch'] as const;
export type BranchKind = (typeof BRANCH_KINDS)[number];

export function isBranchKind(kind: OrgKind): kind is BranchKind {
  return (BRANCH_KINDS as readonly OrgKind[]).includes(kind);
}

/**
 * 组织类别 codes of the national system (docs/official-forms.md §2.2): 611 党委, 621 党总支部, 631 党支部,
 * 632 联合党支部, 931 临时党支部. A 流动党员党支部 has no code of its own in the lists seen and is a 党支部 (631);
 * 地方党委, 党工委 and 党小组 have no settled code (null).
 */
export const ORG_KIND_CODES: Record<OrgKind, string | null> = {
  local_committee: null,
  working_committee: null,
  committee: '611',
  general_branch: '621',
  branch: '631',
  joint_branch: '632',
  temporary_branch: '931',
  floating_branch: '631',
  group: null,
};

/** 单位类型 (GLOSSARY.md; docs/organizations.md §1.1). */
export const SECTORS = [
  'community',
  'government',
  'institution',
  'state_enterprise',
  'private_enterprise',
  'social_organization',
  'other',
] as const;
export type Sector = (typeof SECTORS)[number];

export const SECTOR_LABELS: Record<Sector, string> = {
  community: '社区',
  government: '党政机关',
  institution: '事业单位',
  state_enterprise: '国有企业',
  private_enterprise: '非公有制企业',
  social_organization: '社会组织',
  other: '其他',
};

/**
 * Which kinds may sit directly under which (GLOSSARY.md; 党章第二十九至三十二条 on the levels of
 * organisation; 支部工作条例第四、十三条): a 党小组 only inside a 党支部 and nothing below it; a 党支部
 * (of any kind, BRANCH_KINDS) never above a 党总支 or 基层党委; a 党总支 holds only 党支部; 地方党委 and 党工委 are the upper levels.
 */
const BRANCH_PARENTS: readonly OrgKind[] = [
  'local_committee',
  'working_committee',
  'committee',
  'general_branch',
];
const ALLOWED_PARENTS: Record<OrgKind, readonly OrgKind[]> = {
  local_committee: ['local_committee'],
  working_committee: ['local_committee'],
  committee: ['local_committee', 'working_committee', 'committee'],
  general_branch: ['local_committee', 'working_committee', 'committee'],
  branch: BRANCH_PARENTS,
  joint_branch: BRANCH_PARENTS,
  temporary_branch: BRANCH_PARENTS,
  floating_branch: BRANCH_PARENTS,
  group: BRANCH_KINDS,
};

export function allowedParentKinds(kind: OrgKind): readonly OrgKind[] {
  return ALLOWED_PARENTS[kind];
}

export function allowedChildKinds(parent: OrgKind): OrgKind[] {
  return ORG_KINDS.filter((kind) => ALLOWED_PARENTS[kind].includes(parent));
}

/** May an org of `child` kind sit directly under one of `parent` kind? */
export function checkNesting(parent: OrgKind, child: OrgKind): Decision<OrgReason> {
  if (ALLOWED_PARENTS[child].includes(parent)) return allow;
  const message =
    child === 'group'
      ? '党小组只能设在党支部之下'
      : parent === 'group'
        ? '党小组之下不能再设组织'
        : isBranchKind(parent)
          ? `${ORG_KIND_LABELS[parent]}之下只能设党小组`
          : `${ORG_KIND_LABELS[parent]}之下不能设${ORG_KIND_LABELS[child]}`;
  return deny('nesting_not_allowed', message, {
    article: '党章第二十九至三十二条；支部工作条例第四、十三条',
    details: { parentKind: parent, childKind: child },
  });
}

/**
 * Changing an org's kind must keep both its own place and every direct child's place valid.
 */
export function checkKindChange(
  parentKind: OrgKind | null,
  newKind: OrgKind,
  childKinds: readonly OrgKind[],
): Decision<OrgReason> {
  if (parentKind === null && newKind !== 'local_committee') {
    return deny('root_must_be_local_committee', '最上级组织只能是地方党委');
  }
  if (parentKind !== null) {
    const own = checkNesting(parentKind, newKind);
    if (!own.ok) return own;
  }
  for (const child of new Set(childKinds)) {
    const d = checkNesting(newKind, child);
    if (!d.ok) return d;
  }
  return allow;
}

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
  'group',
] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

export const ORG_KIND_LABELS: Record<OrgKind, string> = {
  local_committee: '地方党委',
  working_committee: '党工委',
  committee: '基层党委',
  general_branch: '党总支',
  branch: '党支部',
  group: '党小组',
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
 * never above a 党总支 or 基层党委; a 党总支 holds only 党支部; 地方党委 and 党工委 are the upper levels.
 */
const ALLOWED_PARENTS: Record<OrgKind, readonly OrgKind[]> = {
  local_committee: ['local_committee'],
  working_committee: ['local_committee'],
  committee: ['local_committee', 'working_committee', 'committee'],
  general_branch: ['local_committee', 'working_committee', 'committee'],
  branch: ['local_committee', 'working_committee', 'committee', 'general_branch'],
  group: ['branch'],
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
        : parent === 'branch'
          ? '党支部之下只能设党小组'
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

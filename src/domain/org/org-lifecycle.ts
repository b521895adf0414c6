import { isWithin } from '../access/index.ts';
import type { IsoDate } from '../shared/index.ts';
import { allow, type Decision, deny, firstDenial } from '../shared/index.ts';
import { checkNesting, type OrgKind } from './org-kinds.ts';
import type { OrgReason } from './reasons.ts';

/**
 * The life of an org in the tree: founding, moving and dissolution (docs/organizations.md §3). Founding and
 * dissolution are effective-dated facts: a date in the future would record something that has not
 * happened yet, and history is kept, never deleted (docs/design.md §1.4).
 */

/** The place an org takes or leaves in the tree, as the rules need it. */
export type OrgPlace = {
  readonly path: string;
  readonly kind: OrgKind;
  readonly parentId: number | null;
  readonly establishedOn: IsoDate | null;
  readonly dissolvedOn: IsoDate | null;
};

/** Nothing is set up under, moved into or recorded for an org that has been dissolved. */
export function checkOrgOpen(org: Pick<OrgPlace, 'dissolvedOn'>, what = '该组织'): Decision<OrgReason> {
  if (org.dissolvedOn !== null) {
    return deny('org_dissolved', `${what}已于${org.dissolvedOn}撤销，不能再办理此事项`, {
      details: { dissolvedOn: org.dissolvedOn },
    });
  }
  return allow;
}

/** The founding date is a fact already happened, and comes before any dissolution. */
export function checkEstablishedOn(
  establishedOn: IsoDate,
  dissolvedOn: IsoDate | null,
  today: IsoDate,
): Decision<OrgReason> {
  if (establishedOn > today) {
    return deny('established_in_future', '成立日期不能晚于今天');
  }
  if (dissolvedOn !== null && establishedOn > dissolvedOn) {
    return deny('established_after_dissolved', '成立日期不能晚于撤销日期');
  }
  return allow;
}

/**
 * A new org is set up under an org that still exists, at a level the nesting rules allow, on a date that
 * has passed (every new 基层组织 is approved by the level above: 党章第三十条).
 */
export function checkNewOrg(
  parent: Pick<OrgPlace, 'kind' | 'dissolvedOn'>,
  kind: OrgKind,
  establishedOn: IsoDate,
  today: IsoDate,
): Decision<OrgReason> {
  const open = checkOrgOpen(parent, '上级组织');
  if (!open.ok) return open;
  const nesting = checkNesting(parent.kind, kind);
  if (!nesting.ok) return nesting;
  return checkEstablishedOn(establishedOn, null, today);
}

/**
 * Moving an org (调整隶属关系) takes its whole subtree along. The top of the deployment stays where it is;
 * an org never goes under itself or its own descendants (the tree would become a loop); the new parent
 * must still exist and accept this kind below it.
 */
export function checkMove(
  org: OrgPlace & { readonly id: number },
  newParent: OrgPlace & { readonly id: number },
): Decision<OrgReason> {
  if (org.parentId === null) {
    return deny('root_cannot_move', '最上级组织不能调整隶属关系');
  }
  if (isWithin(newParent.path, org.path)) {
    return deny('move_into_own_subtree', '不能将组织调整到其自身或其下级组织之下');
  }
  if (org.dissolvedOn !== null) {
    return deny('org_dissolved', '已撤销的组织不能调整隶属关系', {
      details: { dissolvedOn: org.dissolvedOn },
    });
  }
  if (org.parentId === newParent.id) {
    return deny('already_under_parent', '该组织已隶属于所选上级组织');
  }
  return firstDenial(checkOrgOpen(newParent, '新的上级组织'), checkNesting(newParent.kind, org.kind));
}

/**
 * Dissolving an org (撤销) is recorded with its date and reason and keeps its history. Its sub-orgs are
 * dissolved or moved first (platform rule: no branch or member is left under an org that no longer
 * exists); the top of the deployment is never dissolved; the date lies between founding and today.
 */
export function checkDissolve(
  org: OrgPlace,
  activeChildCount: number,
  dissolvedOn: IsoDate,
  today: IsoDate,
): Decision<OrgReason> {
  if (org.parentId === null) {
    return deny('root_cannot_dissolve', '最上级组织不能撤销');
  }
  if (org.dissolvedOn !== null) {
    return deny('already_dissolved', `该组织已于${org.dissolvedOn}撤销`);
  }
  if (activeChildCount > 0) {
    return deny(
      'has_active_children',
      `该组织尚有${activeChildCount}个下级组织未撤销，请先撤销或调整下级组织`,
      {
        details: { activeChildCount },
      },
    );
  }
  if (dissolvedOn > today) {
    return deny('dissolved_in_future', '撤销日期不能晚于今天');
  }
  if (org.establishedOn !== null && dissolvedOn < org.establishedOn) {
    return deny('dissolved_before_established', '撤销日期不能早于成立日期', {
      details: { establishedOn: org.establishedOn },
    });
  }
  return allow;
}

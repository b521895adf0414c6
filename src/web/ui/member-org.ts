import { isBranchKind } from '../../domain/org/index.ts';
import type { OrgSearchHit } from '../api/orgs.ts';

/** A member is placed in a 党支部 or a 党小组 inside one (issue: member roster §1): other orgs are not offered. */
export function memberOrgDisabledReason(hit: OrgSearchHit): string | undefined {
  if (hit.dissolvedOn) return '该组织已撤销';
  return isBranchKind(hit.kind) || hit.kind === 'group' ? undefined : '党员只能编入党支部或党小组';
}

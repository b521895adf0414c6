import type { OrgKind } from './org-kinds.ts';

/**
 * 党组织总数 as the official statistics count it (docs/organizations.md §1): every 党组织 of the subtree but the 党小组,
 * which is a part of its 党支部, not an org of its own; the 工作台 lists 党小组 apart.
 */
export function countsAsPartyOrg(kind: OrgKind): boolean {
  return kind !== 'group';
}

/** The 党组织总数 of counts by kind (党小组 left out). */
export function partyOrgTotal(counts: Partial<Record<OrgKind, number>>): number {
  return Object.entries(counts).reduce(
    (n, [kind, c]) => (countsAsPartyOrg(kind as OrgKind) ? n + (c ?? 0) : n),
    0,
  );
}

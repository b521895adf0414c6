import type { z } from 'zod';
import type { LedgerQuery, LedgerView } from '../../../contracts/members.ts';
import type { Actor } from '../../../domain/access.ts';
import { ledgerFromMoves } from '../../../domain/membership-ledger.ts';
import type { Deps } from '../../deps.ts';
import { getOrgRef } from '../orgs/org-refs.ts';
import { ledgerMoves } from './ledger.repo.ts';
import { memberReadScope } from './member-access.ts';

/**
 * 增减台账 of an org's subtree for a period, derived from the member events (DESIGN.md §2.4): opening count,
 * increases and decreases by kind, closing count. Needs `member.read` over the org (404 outside the scope).
 */
export async function getLedger(
  deps: Deps,
  actor: Actor,
  orgId: number,
  query: z.output<typeof LedgerQuery>,
): Promise<LedgerView> {
  const org = await getOrgRef(deps.db, memberReadScope(actor, deps.clock.today()), orgId, '党组织');
  const moves = await ledgerMoves(deps.db, { roots: [org.path] }, query.from, query.to);
  return { orgId: org.id, orgName: org.name, from: query.from, to: query.to, ...ledgerFromMoves(moves) };
}

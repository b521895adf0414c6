import type { UserView } from '../../../contracts/users.ts';
import { recordAudit } from '../../audit/audit.ts';
import { type Ctx, inTransaction } from '../../context.ts';
import { endSessionsOfUser, removeSecondFactorOfUser } from '../auth/index.ts';
import { loadManageable } from './users.access.ts';
import { viewOf } from './users.service.ts';

/**
 * Resets a user's second factor after a lost phone (重置双因素认证): the key and the recovery codes are removed and
 * the user's sessions end; an account that must have a second factor enrols a new one at its next login. 三员分立
 * decides who may (account-duties.ts): the security administrator, on anyone's account but their own.
 */
export async function resetSecondFactor(ctx: Ctx, input: { id: number }): Promise<UserView> {
  const { id } = input;
  return inTransaction(ctx, async (tx) => {
    const { user, role } = await loadManageable(tx, id, 'user.reset_second_factor', 'reset_second_factor');
    await removeSecondFactorOfUser(tx, id);
    await endSessionsOfUser(tx, id);
    await recordAudit(tx, {
      action: 'user.second_factor_reset',
      entityType: 'user',
      entityId: id,
      orgId: user.orgId,
      role,
      before: { totpEnabledAt: user.totpEnabledAt },
      after: { totpEnabledAt: null },
      note: { recoveryCodesRemoved: true, sessionsEnded: true },
    });
    return viewOf(tx, id);
  });
}

import type { WorkCtx } from '../../context.ts';
import { deleteSessionsOfUser, revokeTokensOfUser } from './auth.repo.ts';
import { removeTotp } from './second-factor.repo.ts';

/**
 * Ends every session of a user, in the caller's transaction (ctx.db): after an administrator resets the password
 * or deactivates the account, nobody stays logged in with the old credentials.
 */
export async function endSessionsOfUser(ctx: Pick<WorkCtx, 'db'>, userId: number): Promise<void> {
  await deleteSessionsOfUser(ctx.db, userId);
}

/** Revokes the user's personal API tokens (deactivation, password change or reset); answers how many were valid. */
export async function revokeApiTokensOfUser(
  ctx: Pick<WorkCtx, 'db' | 'at'>,
  userId: number,
): Promise<number> {
  return revokeTokensOfUser(ctx.db, userId, ctx.at);
}

/**
 * Removes the user's second factor and recovery codes, in the caller's transaction: a reset by the security
 * administrator or by the recovery command. An account that must have one enrols again at its next login.
 */
export async function removeSecondFactorOfUser(
  ctx: Pick<WorkCtx, 'db' | 'at'>,
  userId: number,
): Promise<void> {
  await removeTotp(ctx.db, userId, ctx.at);
}

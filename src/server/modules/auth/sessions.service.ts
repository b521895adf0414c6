import type { Db } from '../../db/client.ts';
import { deleteSessionsOfUser, revokeTokensOfUser } from './auth.repo.ts';
import { removeTotp } from './second-factor.repo.ts';

/**
 * Ends every session of a user, in the caller's transaction: after an administrator resets the password
 * or deactivates the account, nobody stays logged in with the old credentials.
 */
export async function endSessionsOfUser(tx: Db, userId: number): Promise<void> {
  await deleteSessionsOfUser(tx, userId);
}

/** Revokes the user's personal API tokens (deactivation, password change or reset); answers how many were valid. */
export async function revokeApiTokensOfUser(tx: Db, userId: number, at: Date): Promise<number> {
  return revokeTokensOfUser(tx, userId, at);
}

/**
 * Removes the user's second factor and recovery codes, in the caller's transaction: a reset by the security
 * administrator or by the recovery command. An account that must have one enrols again at its next login.
 */
export async function removeSecondFactorOfUser(tx: Db, userId: number, at: Date): Promise<void> {
  await removeTotp(tx, userId, at);
}

import type { Db } from '../../db/client.ts';
import { deleteSessionsOfUser, revokeTokensOfUser } from './auth.repo.ts';

/**
 * Ends every session of a user, in the caller's transaction: after an administrator resets the password
 * or deactivates the account, nobody stays logged in with the old credentials.
 */
export async function endSessionsOfUser(tx: Db, userId: number): Promise<void> {
  await deleteSessionsOfUser(tx, userId);
}

/** Revokes the user's personal API tokens (on deactivation); answers how many were still valid. */
export async function revokeApiTokensOfUser(tx: Db, userId: number, at: Date): Promise<number> {
  return revokeTokensOfUser(tx, userId, at);
}

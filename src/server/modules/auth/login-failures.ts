import { afterFailedLogin, isLocked, type SecurityPolicy } from '../../../domain/access/index.ts';
import { type RefusalEntry, recordAudit } from '../../audit/audit.ts';
import { type AnonCtx, inTransaction, type WorkCtx } from '../../context.ts';
import { AppError, unauthenticated } from '../../errors.ts';
import { verifyAgainstNothing } from '../../security/passwords.ts';
import { getSecurityPolicy } from '../settings/index.ts';
import { deleteSessionsOfUser, saveLoginState } from './auth.repo.ts';
import {
  findUnknownFailure,
  lockLoginState,
  lockUnknownFailure,
  purgeUnknownFailures,
  saveUnknownFailure,
} from './second-factor.repo.ts';

/**
 * Failed proofs of identity and the lockout they lead to (security-policy.ts): a wrong password at login, a wrong
 * current password in 修改密码, a wrong second-factor code. They share the account's one counter, so that no path
 * gives an attacker more guesses than the login does. Names that match no account are counted the same way.
 */
export const invalidCredentials = () => unauthenticated('invalid_credentials', '用户名或密码错误');

export function lockedError(lockedUntil: Date) {
  return new AppError('unauthenticated', '连续登录失败次数过多，账号已临时锁定，请稍后再试或联系管理员解锁', {
    reason: 'account_locked',
    lockedUntil: lockedUntil.toISOString(),
  });
}

/** Unknown names are forgotten after this long without a failure (and never while locked). */
const UNKNOWN_NAME_RETENTION_MS = 30 * 24 * 3_600_000;

type Account = { readonly id: number; readonly orgId: number };
type FailureEntry = Omit<RefusalEntry, 'entityType' | 'entityId' | 'orgId'>;

/**
 * Counts one failure against the account, in its own transaction (a refusal must not roll its record back), and
 * audits it; the failure that reaches the threshold locks the account and, when asked, ends its sessions (a
 * session that guesses its own password or code is not the owner's). Answers whether the account is now locked.
 */
export async function countAccountFailure(
  ctx: WorkCtx,
  account: Account,
  entry: FailureEntry,
  options: { endSessionsOnLock?: boolean } = {},
): Promise<{ locked: boolean; lockedUntil: Date | null }> {
  const now = ctx.at;
  const policy = await getSecurityPolicy(ctx.db);
  return inTransaction(ctx, async (tx) => {
    const current = await lockLoginState(tx.db, account.id);
    const next = afterFailedLogin(current, now, policy);
    const justLocked = !isLocked(current, now) && isLocked(next, now);
    await saveLoginState(tx.db, account.id, next);
    const about = { entityType: 'user' as const, entityId: account.id, orgId: account.orgId };
    await recordAudit(tx, { ...entry, ...about });
    if (justLocked) {
      if (options.endSessionsOnLock) await deleteSessionsOfUser(tx.db, account.id);
      await recordAudit(tx, {
        action: 'auth.account_locked',
        ...about,
        role: entry.role ?? null,
        note: {
          lockedUntil: next.lockedUntil?.toISOString(),
          threshold: policy.lockoutThreshold,
          ...(options.endSessionsOnLock ? { sessionsEnded: true } : {}),
        },
      });
    }
    return { locked: isLocked(next, now), lockedUntil: next.lockedUntil };
  });
}

/** The form of a typed name that is counted: what a person would consider the same name. */
export function normalizeLoginName(username: string): string {
  return username.normalize('NFKC').trim().toLowerCase();
}

/**
 * Refuses a login on a name that matches no account exactly as a real account would be refused: the same
 * password-hashing time, the same counter and threshold, the same `account_locked` answer with the same
 * lockedUntil. Only a keyed hash of the name is kept, in the counter and in the audit note.
 */
export async function refuseUnknownName(
  ctx: AnonCtx,
  input: { username: string; password: string },
  policy: SecurityPolicy,
): Promise<never> {
  const now = ctx.at;
  const nameHash = ctx.idCipher.keyedHash('login_name', normalizeLoginName(input.username));
  const note = { nameHash: nameHash.slice(0, 16) };
  const audit = { entityType: 'user', entityId: null, orgId: null } as const;
  const known = await findUnknownFailure(ctx.db, nameHash);
  if (known && isLocked(known, now)) {
    await inTransaction(ctx, (tx) =>
      recordAudit(tx, {
        action: 'auth.login_failed',
        ...audit,
        note: { ...note, reason: 'account_locked' },
      }),
    );
    throw lockedError(known.lockedUntil as Date);
  }
  await verifyAgainstNothing(input.password);
  const next = await inTransaction(ctx, async (tx) => {
    const current = await lockUnknownFailure(tx.db, nameHash, now);
    const state = afterFailedLogin(current, now, policy);
    await saveUnknownFailure(tx.db, nameHash, state, now);
    await purgeUnknownFailures(tx.db, new Date(now.getTime() - UNKNOWN_NAME_RETENTION_MS), now);
    await recordAudit(tx, {
      action: 'auth.login_failed',
      ...audit,
      note: { ...note, reason: 'unknown_user' },
    });
    if (!isLocked(current, now) && isLocked(state, now)) {
      await recordAudit(tx, {
        action: 'auth.account_locked',
        ...audit,
        note: { ...note, unknownName: true, lockedUntil: state.lockedUntil?.toISOString() },
      });
    }
    return state;
  });
  throw isLocked(next, now) ? lockedError(next.lockedUntil as Date) : invalidCredentials();
}

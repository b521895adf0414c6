import type { AuditNoteReason } from '../../../contracts/audit.ts';
import { checkCodeStep, codeKind, isLocked } from '../../../domain/access/index.ts';
import type { AnonCtx } from '../../context.ts';
import { AppError, type ErrorReason } from '../../errors.ts';
import type { IdCipher } from '../../security/crypto.ts';
import type { UserRow } from './auth.repo.ts';
import { countAccountFailure, lockedError } from './login-failures.ts';
import { recoveryCodeHash } from './recovery-codes.ts';
import { claimTotpStep, consumeRecoveryCode } from './second-factor.repo.ts';
import { matchTotp } from './totp.ts';

export type CodeKind = 'totp' | 'recovery_code';
/** A refused code: its reason is both an error reason and an audited refusal's (AUDIT_NOTE_REASONS). */
type Outcome =
  | { ok: true; kind: CodeKind }
  | { ok: false; reason: ErrorReason & AuditNoteReason; message: string };

const WRONG_CODE = { ok: false, reason: 'invalid_second_factor', message: '验证码不正确' } as const;

/** The account's TOTP key, opened with the deployment key (bound to the account: `totp:<id>`). */
export function totpSecretOf(cipher: IdCipher, user: Pick<UserRow, 'id' | 'totpSecret'>): Buffer | null {
  return user.totpSecret ? cipher.openSecret(user.totpSecret, `totp:${user.id}`) : null;
}

async function checkTotp(ctx: AnonCtx, user: UserRow, code: string): Promise<Outcome> {
  const secret = totpSecretOf(ctx.idCipher, user);
  const step = secret ? matchTotp(secret, code, ctx.at) : null;
  if (step === null) return WRONG_CODE;
  const decision = checkCodeStep(step, user.totpLastStep);
  // The conditional update settles two requests racing with the same code: one wins.
  if (!decision.ok || !(await claimTotpStep(ctx.db, user.id, step))) {
    return {
      ok: false,
      reason: 'code_already_used',
      message: decision.ok ? '该验证码已使用过' : decision.message,
    };
  }
  return { ok: true, kind: 'totp' };
}

async function checkRecoveryCode(ctx: AnonCtx, user: UserRow, code: string): Promise<Outcome> {
  if (!user.totpEnabledAt) return WRONG_CODE;
  const used = await consumeRecoveryCode(ctx.db, user.id, recoveryCodeHash(ctx.idCipher, code), ctx.at);
  return used ? { ok: true, kind: 'recovery_code' } : WRONG_CODE;
}

export type CodeRequest = {
  readonly code: string;
  /** Whether a recovery code may stand in for the TOTP code here. */
  readonly acceptRecoveryCode: boolean;
  /** What the code was for, in the audit note of a failure. */
  readonly during: 'login' | 'regenerate_recovery_codes' | 'disable';
  readonly role: string | null;
};

/**
 * Checks a second-factor code of the account and consumes it (a TOTP step, or a recovery code). A wrong code is
 * audited and counts toward the lockout like a wrong password: 6 digits allow a million guesses, the lockout
 * allows a handful. The failure that locks the account ends its sessions. Answers the kind of code accepted.
 */
export async function requireSecondFactorCode(
  ctx: AnonCtx,
  user: UserRow,
  request: CodeRequest,
): Promise<CodeKind> {
  if (isLocked(user, ctx.at)) throw lockedError(user.lockedUntil as Date);
  const kind = codeKind(request.code);
  const outcome =
    kind === 'totp'
      ? await checkTotp(ctx, user, request.code)
      : request.acceptRecoveryCode
        ? await checkRecoveryCode(ctx, user, request.code)
        : WRONG_CODE;
  if (outcome.ok) return outcome.kind;
  const failure = await countAccountFailure(
    ctx,
    user,
    {
      action: 'auth.second_factor_failed',
      role: request.role,
      note: { reason: outcome.reason, during: request.during, kind },
    },
    { endSessionsOnLock: true },
  );
  if (failure.locked) throw lockedError(failure.lockedUntil as Date);
  throw new AppError('rule_violation', outcome.message, { reason: outcome.reason });
}

import { PENDING_STEPS, ROLES } from '../domain/access/index.ts';
import { IsoDateSchema } from './common.ts';
import { z } from './zod-zh.ts';

export const LoginBody = z.object({
  username: z.string().trim().min(1, '请输入用户名').max(64),
  password: z.string().min(1, '请输入密码').max(256),
});

export const AssignmentView = z.object({
  id: z.number().int(),
  role: z.enum(ROLES),
  orgId: z.number().int(),
  orgName: z.string(),
  orgPath: z.string(),
  endsOn: IsoDateSchema.nullable(),
});
export type AssignmentView = z.infer<typeof AssignmentView>;

export const MeView = z.object({
  id: z.number().int(),
  username: z.string(),
  name: z.string(),
  orgId: z.number().int(),
  mustChangePassword: z.boolean(),
  assignments: z.array(AssignmentView),
  /** Every permission the user holds somewhere, so that the web can show menus. */
  permissions: z.array(z.string()),
  via: z.enum(['session', 'token']),
  /** What the session must do before anything else: enter the code, change the password, enrol; null: nothing. */
  pendingStep: z.enum(PENDING_STEPS).nullable(),
  secondFactor: z.object({ enabled: z.boolean(), required: z.boolean() }),
});
export type MeView = z.infer<typeof MeView>;

/** A 6-digit TOTP code, or a recovery code (where one is accepted). */
export const SecondFactorCodeBody = z.object({
  code: z.string().trim().min(1, '请输入验证码').max(64),
});

export const SecondFactorStatus = z.object({
  enabled: z.boolean(),
  required: z.boolean(),
  enabledAt: z.string().nullable(),
  recoveryCodesLeft: z.number().int(),
});
export type SecondFactorStatus = z.infer<typeof SecondFactorStatus>;

/** A new key for the authenticator app: the otpauth:// URI (for the QR code) and its base32 text. */
export const SecondFactorEnrolment = z.object({ secret: z.string(), uri: z.string() });
export type SecondFactorEnrolment = z.infer<typeof SecondFactorEnrolment>;

/** Recovery codes: shown this once, stored hashed. */
export const RecoveryCodesView = z.object({ recoveryCodes: z.array(z.string()) });
export type RecoveryCodesView = z.infer<typeof RecoveryCodesView>;

export const ChangePasswordBody = z.object({
  currentPassword: z.string().min(1, '请输入当前密码').max(256),
  newPassword: z.string().min(1, '请输入新密码').max(256),
});

export const CreateTokenBody = z.object({
  name: z.string().trim().min(1, '请填写用途').max(64),
  expiresOn: IsoDateSchema.nullish(),
});

export const TokenView = z.object({
  id: z.number().int(),
  name: z.string(),
  prefix: z.string(),
  expiresOn: IsoDateSchema.nullable(),
  lastUsedAt: z.string().nullable(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
});
export type TokenView = z.infer<typeof TokenView>;

export const CreatedToken = TokenView.extend({
  /** The secret itself: shown once, never again. */
  token: z.string(),
});

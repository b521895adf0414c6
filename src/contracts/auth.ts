import { ROLES } from '../domain/roles.ts';
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
});
export type MeView = z.infer<typeof MeView>;

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

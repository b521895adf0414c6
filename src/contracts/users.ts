import { ACCOUNT_ACTIONS, ROLES } from '../domain/access/index.ts';
import { AssignmentView } from './auth.ts';
import { IdSchema, IsoDateSchema, PageQuery, pageOf, text, VersionSchema } from './common.ts';
import { z } from './zod-zh.ts';

export const RoleSchema = z.enum(ROLES);

export const USER_STATUSES = ['active', 'locked', 'deactivated'] as const;

export const UserView = z.object({
  id: z.number().int(),
  username: z.string(),
  name: z.string(),
  orgId: z.number().int(),
  orgName: z.string(),
  status: z.enum(USER_STATUSES),
  mustChangePassword: z.boolean(),
  lockedUntil: z.string().nullable(),
  deactivatedAt: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  /** Whether the account has a second factor (TOTP) enrolled. */
  secondFactorEnabled: z.boolean(),
  createdAt: z.string(),
  version: z.number().int(),
  assignments: z.array(AssignmentView),
  /** What the viewer may do with this account (scope, 三员分立, not their own): the page's buttons. */
  can: z.record(z.enum(ACCOUNT_ACTIONS), z.boolean()),
});
export type UserView = z.infer<typeof UserView>;
export const UserPage = pageOf(UserView);

export const UserListQuery = PageQuery.extend({
  /** Matches username or name. */
  q: z.string().trim().max(64).optional(),
  /** Accounts whose home org lies in this subtree (must be in scope). */
  orgId: IdSchema.optional(),
  role: RoleSchema.optional(),
  status: z.enum(USER_STATUSES).optional(),
});

export const USERNAME_PATTERN = /^[a-z][a-z0-9_.-]{2,31}$/;

export const RoleGrantBody = z.object({
  role: RoleSchema,
  orgId: IdSchema,
  endsOn: IsoDateSchema.nullish(),
});

export const CreateUserBody = z.object({
  username: z
    .string()
    .trim()
    .regex(USERNAME_PATTERN, '用户名须以小写字母开头，3–32位，只含小写字母、数字、下划线、点、连字符'),
  name: text(50),
  orgId: IdSchema,
  /** A temporary password; the user must change it at first login. */
  initialPassword: z.string().min(1, '请设置初始密码').max(256),
  roles: z.array(RoleGrantBody).max(20).default([]),
});

export const UpdateUserBody = z.object({
  version: VersionSchema,
  name: text(50).optional(),
  orgId: IdSchema.optional(),
});

export const ResetPasswordBody = z.object({
  /** Leave empty to have one generated. Either way the user must change it at next login. */
  temporaryPassword: z.string().min(1).max(256).optional(),
});
export const ResetPasswordResult = z.object({ temporaryPassword: z.string() });

export const VersionBody = z.object({ version: VersionSchema });

export const AssignmentParams = z.object({ id: IdSchema, assignmentId: IdSchema });

import { ErrorReasonSchema } from './errors.ts';
import { MemberSelection } from './member-batch.ts';
import { z } from './zod-zh.ts';

/**
 * Accounts for members (开通账号, docs/security.md §2.1): the account of one member as the member page shows it,
 * one opened, and the filter of a bulk opening.
 */
export const MemberAccountView = z.object({
  /** The member's active account, if one is linked. */
  account: z
    .object({
      username: z.string(),
      /** Still has the initial password (must change it at first login). */
      mustChangePassword: z.boolean(),
    })
    .nullable(),
  /** May the reader open an account for this member now. */
  canOpen: z.boolean(),
  /** Why not, when the reader may open accounts but not this one (already linked, left, their own record). */
  refusal: z.object({ reason: ErrorReasonSchema, message: z.string() }).nullable(),
});

/** An account just opened: the initial password is answered this once and never stored in clear. */
export const OpenedMemberAccount = z.object({
  memberId: z.number().int(),
  name: z.string(),
  username: z.string(),
  initialPassword: z.string(),
});

/**
 * A bulk opening (批量开通账号): the roster's selection (members ticked, or the filter: a branch is `{ filter: {
 * orgId } }`). Members that already have an account or have left are skipped and listed in the workbook with the
 * reason.
 */
export const OpenMemberAccountsBody = z.object({ selection: MemberSelection });

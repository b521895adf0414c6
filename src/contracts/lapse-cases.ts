import {
  LAPSE_CASE_STATUSES,
  LAPSE_CAUSES,
  LAPSE_OUTCOMES,
  LAPSE_STEP_KEYS,
  type LapseStepKey,
} from '../domain/membership/index.ts';
import { IdSchema, IsoDateSchema, optionalText, VersionSchema } from './common.ts';
import { z } from './zod-zh.ts';

/**
 * 党章第九条 cases (自行脱党情形, docs/membership.md §6): opened by the branch from a member's 6-month to-do, each step
 * of the procedure dated, closed with the branch's outcome; never changing the member's status.
 */
export const LapseCauseSchema = z.enum(LAPSE_CAUSES);
export const LapseCaseStatusSchema = z.enum(LAPSE_CASE_STATUSES);
export const LapseOutcomeSchema = z.enum(LAPSE_OUTCOMES);
export const LapseStepKeySchema = z.enum(LAPSE_STEP_KEYS as [LapseStepKey, ...LapseStepKey[]]);

export const OpenLapseCaseBody = z.object({
  memberId: IdSchema,
  cause: LapseCauseSchema,
});

export const LapseStepBody = z.object({
  version: VersionSchema,
  key: LapseStepKeySchema,
  /** The day the step was taken: not in the future, not before the case was opened. */
  on: IsoDateSchema,
  note: optionalText(500),
});

export const CloseLapseCaseBody = z.object({
  version: VersionSchema,
  outcome: LapseOutcomeSchema,
  /** The valid reason (required for `valid_reason`), or a note on the decision. */
  note: optionalText(1000),
  /** The deadline of 限期改正 (required for `rectification`, only for it). */
  deadline: IsoDateSchema.nullish(),
});

export const LapseCaseListQuery = z.object({
  /** Cases of members in this org's subtree (must be in scope); the whole scope by default. */
  orgId: IdSchema.optional(),
  memberId: IdSchema.optional(),
  status: LapseCaseStatusSchema.optional(),
  cause: LapseCauseSchema.optional(),
});

export const LapseCaseView = z.object({
  id: z.number().int(),
  memberId: z.number().int(),
  memberName: z.string(),
  /** The member's org now (the case follows them), and the 党支部 the case was opened in. */
  orgId: z.number().int(),
  orgName: z.string(),
  openedInOrgName: z.string(),
  cause: LapseCauseSchema,
  /** The run of months the case is about (`YYYY-MM`). */
  runFrom: z.string(),
  runTo: z.string(),
  openedOn: IsoDateSchema,
  status: LapseCaseStatusSchema,
  outcome: LapseOutcomeSchema.nullable(),
  outcomeNote: z.string().nullable(),
  deadline: IsoDateSchema.nullable(),
  closedOn: IsoDateSchema.nullable(),
  /** The procedure, each step with what was recorded. */
  steps: z.array(
    z.object({
      key: LapseStepKeySchema,
      label: z.string(),
      on: IsoDateSchema.nullable(),
      note: z.string().nullable(),
    }),
  ),
  /** Whether the actor may record steps and close it (member.manage over the member, the case open). */
  can: z.object({ change: z.boolean() }),
  version: z.number().int(),
});
export type LapseCaseView = z.infer<typeof LapseCaseView>;

export const LapseCaseList = z.object({ items: z.array(LapseCaseView) });

/** For the member's page: their cases, and whether a case may be opened for each cause (and why not). */
export const MemberLapseCases = z.object({
  items: z.array(LapseCaseView),
  causes: z.array(
    z.object({
      cause: LapseCauseSchema,
      /** The 6-month to-do that allows a case, with the run it names; null when there is none. */
      finding: z.object({ message: z.string(), runFrom: z.string(), runTo: z.string() }).nullable(),
      canOpen: z.boolean(),
      /** Why a case cannot be opened, in Chinese; null when it can. */
      why: z.string().nullable(),
    }),
  ),
});
export type MemberLapseCases = z.infer<typeof MemberLapseCases>;

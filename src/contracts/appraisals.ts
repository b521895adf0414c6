import { MEMBER_STATUSES } from '../domain/membership/index.ts';
import {
  APPRAISAL_CASE_STATUSES,
  APPRAISAL_GRADES,
  APPRAISAL_MEASURES,
  APPRAISAL_STATUSES,
} from '../domain/org-life/index.ts';
import { IdSchema, IsoDateSchema, optionalText, patchText, text, VersionSchema } from './common.ts';
import { z } from './zod-zh.ts';

/**
 * 民主评议党员 (docs/organizational-life.md §5, §5.1, §5.2): a round per branch and year, its participants, their
 * self-assessments, peer votes and grades, the close and the follow-up cases of the two lower grades.
 */
export const AppraisalGradeSchema = z.enum(APPRAISAL_GRADES);
export const AppraisalStatusSchema = z.enum(APPRAISAL_STATUSES);
export const AppraisalMeasureSchema = z.enum(APPRAISAL_MEASURES);
export const AppraisalCaseStatusSchema = z.enum(APPRAISAL_CASE_STATUSES);

const YearSchema = z.coerce.number().int().min(1949, '年度不正确').max(2100, '年度不正确');
const CountSchema = z.number().int().min(0, '票数不能为负').max(100_000, '票数过大');

/** Counts per grade: 优秀, 合格, 基本合格, 不合格. */
export const GradeCountsSchema = z.object({
  excellent: CountSchema,
  qualified: CountSchema,
  basically_qualified: CountSchema,
  unqualified: CountSchema,
});

export const AppraisalListQuery = z.object({
  /** Rounds of the branches in this org's subtree (must be in scope); the whole scope by default. */
  orgId: IdSchema.optional(),
  year: YearSchema.optional(),
});

export const CreateAppraisalBody = z
  .object({
    orgId: IdSchema,
    year: YearSchema,
    /** The day it is held: participants derive from the roster on this day. */
    heldOn: IsoDateSchema,
    note: optionalText(500),
  })
  .refine((b) => b.heldOn.startsWith(`${b.year}-`), {
    message: '评议日期应在所选年度内',
    path: ['heldOn'],
  });

export const UpdateParticipantBody = z.object({
  /** The round's version as read. */
  version: VersionSchema,
  selfAssessment: patchText(2000),
  peerVotes: GradeCountsSchema.nullish(),
  /** null clears the grade. */
  grade: AppraisalGradeSchema.nullish(),
  gradeNote: patchText(500),
});

export const CloseAppraisalBody = z.object({ version: VersionSchema });
export const ReopenAppraisalBody = z.object({ version: VersionSchema, reason: text(500) });

export const ParticipantParams = z.object({ id: IdSchema, memberId: IdSchema });

const CaseStepSchema = z.object({ on: IsoDateSchema, note: optionalText(500) });

export const CreateCaseBody = z.object({
  memberId: IdSchema,
  measure: AppraisalMeasureSchema,
  openedOn: IsoDateSchema,
  /** The deadline of a 限期改正. */
  deadlineOn: IsoDateSchema.nullish(),
  note: optionalText(1000),
});

export const UpdateCaseBody = z.object({
  version: VersionSchema,
  /** The steps recorded so far, by the step's key (replaces the stored ones). */
  steps: z.record(z.string().max(40), CaseStepSchema).optional(),
  status: AppraisalCaseStatusSchema.optional(),
  deadlineOn: IsoDateSchema.nullish(),
  note: patchText(1000),
});

export const DeleteCaseQuery = z.object({ version: z.coerce.number().int().positive() });

export const AppraisalCaseView = z.object({
  id: z.number().int(),
  roundId: z.number().int(),
  memberId: z.number().int(),
  memberName: z.string(),
  measure: AppraisalMeasureSchema,
  status: AppraisalCaseStatusSchema,
  openedOn: IsoDateSchema,
  deadlineOn: IsoDateSchema.nullable(),
  /** The measure's procedure, each step with what was recorded. */
  steps: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      on: IsoDateSchema.nullable(),
      note: z.string().nullable(),
    }),
  ),
  /** 劝退 and 除名: the status change is made on the member's page (出党), never here. */
  changesStatusOnMemberPage: z.boolean(),
  note: z.string().nullable(),
  version: z.number().int(),
});
export type AppraisalCaseView = z.infer<typeof AppraisalCaseView>;

export const AppraisalParticipantView = z.object({
  memberId: z.number().int(),
  name: z.string(),
  /** Status on the round's date. */
  memberStatus: z.enum(MEMBER_STATUSES),
  graded: z.boolean(),
  selfAssessment: z.string().nullable(),
  /** Counts entered from the paper tally. */
  peerVotes: GradeCountsSchema.nullable(),
  /** Counts of the members' own ballots. */
  ballotVotes: GradeCountsSchema,
  grade: AppraisalGradeSchema.nullable(),
  gradeNote: z.string().nullable(),
  /** The measures its grade calls for (基本合格, 不合格). */
  measures: z.array(AppraisalMeasureSchema),
});

const WarningSchema = z.object({ reason: z.string(), message: z.string() });

export const AppraisalSummary = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  year: z.number().int(),
  heldOn: IsoDateSchema,
  status: AppraisalStatusSchema,
  participants: z.number().int(),
  graded: z.number().int(),
  gradeCounts: GradeCountsSchema,
  /** Open follow-up cases. */
  openCases: z.number().int(),
  /** The one-third check on 优秀 (a warning, never a block). */
  warnings: z.array(WarningSchema),
  version: z.number().int(),
});
export type AppraisalSummary = z.infer<typeof AppraisalSummary>;

export const AppraisalList = z.object({ items: z.array(AppraisalSummary) });

export const AppraisalView = AppraisalSummary.extend({
  note: z.string().nullable(),
  closedAt: z.string().nullable(),
  reopenReason: z.string().nullable(),
  items: z.array(AppraisalParticipantView),
  cases: z.array(AppraisalCaseView),
  can: z.object({ manage: z.boolean() }),
});
export type AppraisalView = z.infer<typeof AppraisalView>;

/** A member's own part (member.self): the open rounds they take part in, their self-assessment and ballots. */
export const OwnAppraisalView = z.object({
  id: z.number().int(),
  orgName: z.string(),
  year: z.number().int(),
  heldOn: IsoDateSchema,
  status: AppraisalStatusSchema,
  selfAssessment: z.string().nullable(),
  /** The other participants, with the grade this member gave each (null: not yet). */
  peers: z.array(
    z.object({ memberId: z.number().int(), name: z.string(), myVote: AppraisalGradeSchema.nullable() }),
  ),
});
export const OwnAppraisalList = z.object({ items: z.array(OwnAppraisalView) });

export const OwnAppraisalBody = z.object({
  selfAssessment: patchText(2000),
  /** One ballot per person: each replaces the member's earlier one about that person. */
  ballots: z
    .array(z.object({ subjectMemberId: IdSchema, grade: AppraisalGradeSchema }))
    .max(1000)
    .optional(),
});

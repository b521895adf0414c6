import { VOTE_CHOICES, VOTE_SUBJECTS } from '../domain/org-life/index.ts';
import { IdSchema, text } from './common.ts';
import { z } from './zod-zh.ts';

/**
 * The votes of a closed 支部党员大会 (docs/organizational-life.md §3): totals of a secret ballot, or one ballot per
 * voting member (present, or given in writing by one absent). Checked against the quorum and the majority of the
 * voting members 应到会; `passed` is computed, never claimed.
 */
export const VoteSubjectSchema = z.enum(VOTE_SUBJECTS);
export const VoteChoiceSchema = z.enum(VOTE_CHOICES);

const Count = z.number().int().min(0).max(100_000);

export const VoteTallyBody = z.object({
  inFavour: Count,
  against: Count,
  abstain: Count,
  /** 书面表达的赞成意见 of voting members absent. */
  writtenInFavour: Count.default(0),
});

export const BallotBody = z.object({
  memberId: IdSchema,
  choice: VoteChoiceSchema,
  /** Given in writing before the meeting by a voting member who was absent. */
  written: z.boolean().default(false),
});

export const CreateVoteBody = z
  .object({
    subject: VoteSubjectSchema,
    /** The member voted on (admission, 转正, extension, disposal), if any. */
    subjectMemberId: IdSchema.nullish().transform((v) => v ?? null),
    title: text(200),
    secretBallot: z.boolean(),
    /** The totals, for a secret ballot (无记名投票). */
    tally: VoteTallyBody.optional(),
    /** One per voting member, for an open vote. */
    ballots: z.array(BallotBody).max(5000).optional(),
  })
  .refine((b) => (b.secretBallot ? b.tally !== undefined : b.ballots !== undefined), {
    message: '无记名投票请填写票数，记名表决请逐人登记',
    path: ['secretBallot'],
  })
  .refine((b) => !b.ballots || new Set(b.ballots.map((x) => x.memberId)).size === b.ballots.length, {
    message: '每人只能投一票',
    path: ['ballots'],
  });

export const BallotView = z.object({
  memberId: z.number().int(),
  name: z.string(),
  choice: VoteChoiceSchema,
  written: z.boolean(),
});

export const VoteView = z.object({
  id: z.number().int(),
  meetingId: z.number().int(),
  subject: VoteSubjectSchema,
  subjectMemberId: z.number().int().nullable(),
  subjectMemberName: z.string().nullable(),
  title: z.string(),
  secretBallot: z.boolean(),
  inFavour: z.number().int(),
  against: z.number().int(),
  abstain: z.number().int(),
  writtenInFavour: z.number().int(),
  /** Voting members 应到会 and present when it was recorded. */
  entitled: z.number().int(),
  present: z.number().int(),
  passed: z.boolean(),
  recordedAt: z.string(),
  ballots: z.array(BallotView),
});
export type VoteView = z.infer<typeof VoteView>;

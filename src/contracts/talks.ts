import { TALK_PAIRINGS } from '../domain/org-life/index.ts';
import {
  IdSchema,
  IsoDateSchema,
  optionalText,
  PageQuery,
  patchText,
  text,
  VersionSchema,
} from './common.ts';
import { z } from './zod-zh.ts';

/**
 * 谈心谈话 (docs/organizational-life.md §5.3; 支部工作条例第十九条): who talked with whom, when, about what; and the
 * yearly coverage of the required pairings of a branch.
 */
export const TalkPairingSchema = z.enum(TALK_PAIRINGS);

const YearSchema = z.coerce.number().int().min(1949, '年度不正确').max(2100, '年度不正确');

export const TalkListQuery = PageQuery.extend({
  /** Talks of the branches in this org's subtree (must be in scope); the whole scope by default. */
  orgId: IdSchema.optional(),
  year: YearSchema.optional(),
  /** Talks this member took part in. */
  memberId: IdSchema.optional(),
});

export const CreateTalkBody = z.object({
  orgId: IdSchema,
  talkedOn: IsoDateSchema,
  memberId: IdSchema,
  partnerId: IdSchema,
  topic: text(200),
  summary: optionalText(2000),
});

export const UpdateTalkBody = z.object({
  version: VersionSchema,
  talkedOn: IsoDateSchema.optional(),
  memberId: IdSchema.optional(),
  partnerId: IdSchema.optional(),
  topic: text(200).optional(),
  summary: patchText(2000),
});

export const DeleteTalkQuery = z.object({ version: z.coerce.number().int().positive() });

export const TalkView = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  talkedOn: IsoDateSchema,
  memberId: z.number().int(),
  memberName: z.string(),
  partnerId: z.number().int(),
  partnerName: z.string(),
  topic: z.string(),
  summary: z.string().nullable(),
  can: z.object({ edit: z.boolean() }),
  version: z.number().int(),
});
export type TalkView = z.infer<typeof TalkView>;

export const TalkPage = z.object({ items: z.array(TalkView), total: z.number().int() });

export const TalkCoverageQuery = z.object({ orgId: IdSchema, year: YearSchema });

const PersonRef = z.object({ memberId: z.number().int(), name: z.string() });

export const TalkCoverageView = z.object({
  orgId: z.number().int(),
  orgName: z.string(),
  year: z.number().int(),
  /** The day the roster and the committee posts are read on: the year's last day, or today in the current year. */
  asOf: IsoDateSchema,
  pairings: z.array(TalkPairingSchema),
  /** The branch's members that day, with the committee posts they hold. */
  people: z.array(PersonRef.extend({ secretary: z.boolean(), committee: z.boolean() })),
  required: z.number().int(),
  covered: z.number().int(),
  missing: z.array(z.object({ a: PersonRef, b: PersonRef })),
});
export type TalkCoverageView = z.infer<typeof TalkCoverageView>;

/** The branch's members a talk may be recorded between (the form's choices). */
export const TalkMembersQuery = z.object({ orgId: IdSchema });
export const TalkMemberList = z.object({ items: z.array(PersonRef) });

import {
  FINDING_KINDS,
  type FindingKind,
  LEADERSHIP_POSTS,
  ORG_KINDS,
  SECTORS,
  SEVERITIES,
} from '../domain/org/index.ts';
import { IdSchema, IsoDateSchema, optionalText, PageQuery, pageOf, text, VersionSchema } from './common.ts';
import { z } from './zod-zh.ts';

export const OrgKindSchema = z.enum(ORG_KINDS);
export const SectorSchema = z.enum(SECTORS);
export const LeadershipPostSchema = z.enum(LEADERSHIP_POSTS);

/** A boolean flag in a query string: `true`/`1` or `false`/`0`. */
const QueryFlag = z
  .enum(['true', 'false', '1', '0'])
  .optional()
  .transform((v) => v === 'true' || v === '1');

/** The kind of a finding (closed: the findings table checks it), and its Chinese name. */
export const FindingKindSchema = z.enum(FINDING_KINDS);
export const FINDING_KIND_LABELS: Record<FindingKind, string> = {
  term_expired: '任期已届满',
  term_expiring: '任期即将届满',
  head_vacant: '书记空缺',
  branch_too_few_members: '正式党员不足3名',
  branch_needs_committee: '应设支部委员会',
  branch_too_large: '党员超过50名',
  probation_ending: '预备期即将届满',
  probation_overdue: '预备期已满未转正',
  unreachable_long: '失联满6个月',
  suspended_long: '停止党籍满2年',
  member_unplaced: '党员未编入党支部',
  transfer_awaiting: '组织关系待接收',
  transfer_overdue: '介绍信已过有效期',
  departed_member_account: '党员已离开但账号仍可用',
  decision_awaiting_approval: '决定待上级批准',
  decision_approval_overdue: '超过3个月未批准',
  org_life_due: '组织生活即将到期',
  org_life_missing: '组织生活未达要求',
  org_life_not_closed: '会议已召开未办结',
  org_life_absent: '党员长期未参加组织生活',
  org_life_lapse: '连续6个月未参加组织生活',
  dues_arrears: '党员欠缴党费',
  dues_lapse: '连续6个月未交纳党费',
  dues_base_missing: '未核定党费基数',
};

export const FindingView = z.object({
  kind: FindingKindSchema,
  severity: z.enum(SEVERITIES),
  message: z.string(),
  article: z.string(),
  date: IsoDateSchema.nullable(),
  days: z.number().int().nullable(),
  /**
   * Whom it is about, for a finding about one member, transfer or member's account of the org (absent: the org
   * itself); `id` is the member's, the transfer's or the account's.
   */
  subject: z
    .object({ type: z.enum(['member', 'transfer', 'account']), id: z.number().int(), name: z.string() })
    .optional(),
});
export type FindingView = z.infer<typeof FindingView>;

/** One node of the tree, as the lazy tree and lists show it. */
export const OrgSummary = z.object({
  id: z.number().int(),
  parentId: z.number().int().nullable(),
  name: z.string(),
  kind: OrgKindSchema,
  sector: SectorSchema,
  code: z.string().nullable(),
  dissolvedOn: IsoDateSchema.nullable(),
  /** Direct children that are not dissolved. */
  childCount: z.number().int(),
});
export type OrgSummary = z.infer<typeof OrgSummary>;

export const LeadershipView = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  post: LeadershipPostSchema,
  holderName: z.string(),
  startedOn: IsoDateSchema,
  /** The committee's term (届) the post belongs to; null for a 党小组长 or an appointed head. */
  termId: z.number().int().nullable(),
  /** The end of that term: the holder serves its remainder. */
  endsOn: IsoDateSchema.nullable(),
  leftOn: IsoDateSchema.nullable(),
  leftReason: z.string().nullable(),
  /** Holding the post today. */
  active: z.boolean(),
  version: z.number().int(),
});
export type LeadershipView = z.infer<typeof LeadershipView>;

/** A committee's term (届): elected on a day for a term, with its documents; ended by the next 换届. */
export const CommitteeTermView = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  electedOn: IsoDateSchema,
  endsOn: IsoDateSchema,
  electionDocNo: z.string().nullable(),
  electionDocDate: IsoDateSchema.nullable(),
  approvalDocNo: z.string().nullable(),
  approvalDocDate: IsoDateSchema.nullable(),
  /** The day the next term was elected; null for the current term. */
  endedOn: IsoDateSchema.nullable(),
  version: z.number().int(),
});
export type CommitteeTermView = z.infer<typeof CommitteeTermView>;

export const OrgDetail = OrgSummary.extend({
  path: z.string(),
  establishedOn: IsoDateSchema.nullable(),
  approvalDocNo: z.string().nullable(),
  dissolutionReason: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Root first, the org itself excluded; `inScope` tells the web whether it may link there. */
  ancestors: z.array(z.object({ id: z.number().int(), name: z.string(), inScope: z.boolean() })),
  findings: z.array(FindingView),
  leadership: z.array(LeadershipView),
  /** The default term length of a new committee here (党章第三十一条; CFG). */
  defaultTermYears: z.number().int(),
  /** Whether this kind's committee is elected for a term (届); 党工委, 临时党支部 and 党小组 are not. */
  electedTerm: z.boolean(),
  /** The current term (届) of the committee, if one is recorded. */
  currentTerm: CommitteeTermView.nullable(),
  /** What the current user may do here, so that the web shows only the actions that will succeed. */
  can: z.object({ manage: z.boolean(), manageLeadership: z.boolean() }),
});
export type OrgDetail = z.infer<typeof OrgDetail>;

export const OrgSearchItem = OrgSummary.extend({
  /** Names from the top of the actor's scope down to the parent: `甲区委 / 甲一街道党工委`. */
  pathNames: z.string(),
});
export const OrgSearchPage = pageOf(OrgSearchItem);

export const OrgSearchQuery = PageQuery.extend({
  q: z.string().trim().max(100).optional(),
  /** Limit to this subtree (it must be in scope). */
  rootId: IdSchema.optional(),
  kind: OrgKindSchema.optional(),
  includeDissolved: QueryFlag,
});

export const ChildrenQuery = z.object({ includeDissolved: QueryFlag });

export const CreateOrgBody = z.object({
  parentId: IdSchema,
  name: text(100),
  kind: OrgKindSchema,
  sector: SectorSchema,
  code: optionalText(50),
  establishedOn: IsoDateSchema,
  approvalDocNo: optionalText(100),
});

export const UpdateOrgBody = z.object({
  version: VersionSchema,
  name: text(100).optional(),
  kind: OrgKindSchema.optional(),
  sector: SectorSchema.optional(),
  code: optionalText(50).optional(),
  establishedOn: IsoDateSchema.optional(),
  approvalDocNo: optionalText(100).optional(),
});

export const MoveOrgBody = z.object({ parentId: IdSchema, version: VersionSchema });

export const DissolveOrgBody = z.object({
  version: VersionSchema,
  dissolvedOn: IsoDateSchema,
  reason: text(500),
});

/** The kind of an org's history row (closed: org_events.kind is checked by the database), and its Chinese name. */
export const ORG_EVENT_KIND_LABELS = {
  established: '成立',
  updated: '修改信息',
  moved: '调整隶属关系',
  dissolved: '撤销',
} as const satisfies Record<string, string>;
export type OrgEventKind = keyof typeof ORG_EVENT_KIND_LABELS;
export const ORG_EVENT_KINDS = Object.keys(ORG_EVENT_KIND_LABELS) as [OrgEventKind, ...OrgEventKind[]];
export const OrgEventKindSchema = z.enum(ORG_EVENT_KINDS);

export const OrgEventView = z.object({
  id: z.number().int(),
  kind: OrgEventKindSchema,
  effectiveOn: IsoDateSchema,
  details: z.record(z.string(), z.unknown()),
  actorId: z.number().int().nullable(),
  recordedAt: z.string(),
});

/**
 * A new post holder. In a committee elected for a term this is a 补选: the post joins the current term and serves
 * its remainder; a 党小组长 is designated and has no term.
 */
export const CreatePostBody = z.object({
  post: LeadershipPostSchema,
  holderName: text(50),
  startedOn: IsoDateSchema,
});

export const UpdatePostBody = z.object({
  version: VersionSchema,
  holderName: text(50).optional(),
  startedOn: IsoDateSchema.optional(),
});

/** The approval document of the level above: number and date together, or neither. */
const approvalPair = {
  check: (b: { approvalDocNo?: string | null; approvalDocDate?: string | null }) =>
    (b.approvalDocNo == null) === (b.approvalDocDate == null),
  issue: { message: '上级批准文件须同时填写文号和日期', path: ['approvalDocNo'] },
};

/**
 * 换届: the new committee elected on a day, with its election document (number and date) and its members; ends
 * the current term and every post of it. `endsOn` defaults to the org's term length (CFG); a term outside 3–5
 * years, or an election more than a year early, needs the approval document of the level above.
 */
export const RenewTermBody = z
  .object({
    electedOn: IsoDateSchema,
    endsOn: IsoDateSchema.optional(),
    electionDocNo: text(100),
    electionDocDate: IsoDateSchema,
    approvalDocNo: optionalText(100),
    approvalDocDate: IsoDateSchema.nullable().optional(),
    posts: z
      .array(z.object({ post: LeadershipPostSchema, holderName: text(50) }))
      .min(1, '请至少录入一名当选的委员会成员')
      .max(15),
  })
  .refine(approvalPair.check, approvalPair.issue);

export const RenewTermResult = z.object({ term: CommitteeTermView, posts: z.array(LeadershipView) });

export const EndPostBody = z.object({
  version: VersionSchema,
  leftOn: IsoDateSchema,
  leftReason: text(200),
});

export const FindingListQuery = PageQuery.extend({
  /** The subtree to look in; defaults to the whole scope. */
  orgId: IdSchema.optional(),
  kind: FindingKindSchema.optional(),
  severity: z.enum(SEVERITIES).optional(),
});

export const OrgFindingItem = z.object({
  org: z.object({ id: z.number().int(), name: z.string(), kind: OrgKindSchema, pathNames: z.string() }),
  finding: FindingView,
});
export const OrgFindingPage = pageOf(OrgFindingItem);

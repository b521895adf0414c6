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
};

export const FindingView = z.object({
  kind: FindingKindSchema,
  severity: z.enum(SEVERITIES),
  message: z.string(),
  article: z.string(),
  date: IsoDateSchema.nullable(),
  days: z.number().int().nullable(),
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
  endsOn: IsoDateSchema,
  extensionDocNo: z.string().nullable(),
  leftOn: IsoDateSchema.nullable(),
  leftReason: z.string().nullable(),
  /** Holding the post today. */
  active: z.boolean(),
  version: z.number().int(),
});
export type LeadershipView = z.infer<typeof LeadershipView>;

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
  /** The default term length for a new post here (党章第三十一条; CFG). */
  defaultTermYears: z.number().int(),
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

export const OrgEventView = z.object({
  id: z.number().int(),
  kind: z.enum(['established', 'updated', 'moved', 'dissolved']),
  effectiveOn: IsoDateSchema,
  details: z.record(z.string(), z.unknown()),
  actorId: z.number().int().nullable(),
  recordedAt: z.string(),
});

export const CreatePostBody = z.object({
  post: LeadershipPostSchema,
  holderName: text(50),
  startedOn: IsoDateSchema,
  /** Defaults to the start plus the org's default term length. */
  endsOn: IsoDateSchema.optional(),
  extensionDocNo: optionalText(100),
});

export const UpdatePostBody = z.object({
  version: VersionSchema,
  holderName: text(50).optional(),
  startedOn: IsoDateSchema.optional(),
  endsOn: IsoDateSchema.optional(),
  extensionDocNo: optionalText(100).optional(),
});

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

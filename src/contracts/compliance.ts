import { BRANCH_KINDS } from '../domain/org/index.ts';
import { MEETING_KINDS, parsePeriodKey, RULE_SET_LIMITS } from '../domain/org-life/index.ts';
import { IdSchema, IsoDateSchema, text, VersionSchema } from './common.ts';
import { OrgKindSchema } from './orgs.ts';
import { z } from './zod-zh.ts';

/**
 * 组织生活达标 (docs/organizational-life.md §7): a subtree's figures for a period, its children's, the org's own
 * findings, the heat map of a year, and the exemptions (免于考核) approved by the level above.
 */

const count = z.number().int();

export const PeriodKeySchema = z
  .string()
  .refine((k) => parsePeriodKey(k) !== null, { message: '考核期间格式应为 2026、2026-Q3 或 2026-09' })
  .meta({ description: '考核期间：年 2026、季度 2026-Q3 或月份 2026-09', example: '2026-Q3' });

export const ComplianceQuery = z.object({ period: PeriodKeySchema });
export const HeatmapQuery = z.object({
  year: z.coerce.number().int().min(2000, '年份超出范围').max(2100, '年份超出范围'),
});

export const CADENCES = ['month', 'quarter', 'year'] as const;
export const CADENCE_LABELS: Record<(typeof CADENCES)[number], string> = {
  month: '每月',
  quarter: '每季度',
  year: '每年',
};
export const MeetingKindSchema = z.enum(MEETING_KINDS);

/**
 * A subtree's (or one org's) figures for a period: requirements judged (`checks`: periods over, or already met),
 * met, the rate (met / checks; null when nothing was judged yet), and the findings by kind (未达要求, 已召开未办结,
 * 即将到期).
 */
export const ComplianceFigures = z.object({
  rate: z.number().min(0).max(1).nullable(),
  checks: count,
  met: count,
  missing: count,
  notClosed: count,
  due: count,
});

const OrgRef = z.object({ id: z.number().int(), name: z.string(), kind: OrgKindSchema });
const ChildRef = OrgRef.extend({ dissolved: z.boolean() });

export const COMPLIANCE_FINDING_KINDS = [
  'missing',
  'not_closed',
  'due',
  'quorum_not_reached',
  'no_minutes',
] as const;
export const COMPLIANCE_FINDING_KIND_LABELS: Record<(typeof COMPLIANCE_FINDING_KINDS)[number], string> = {
  missing: '未达要求',
  not_closed: '已召开未办结',
  due: '即将到期',
  quorum_not_reached: '表决时未达到法定人数',
  no_minutes: '已办结但无会议记录',
};

/** One finding of the org itself: a requirement (missing, not_closed, due) or a meeting (quorum, minutes). */
export const ComplianceFindingView = z.object({
  kind: z.enum(COMPLIANCE_FINDING_KINDS),
  requirementId: z.string().nullable(),
  meetingKind: MeetingKindSchema.nullable(),
  /** The requirement's own period (a month of the quarter asked), or the meeting's. */
  period: z.string(),
  periodLabel: z.string(),
  group: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  required: count.nullable(),
  closed: count.nullable(),
  /** The meetings concerned: held but not closed, or the meeting of a vote or without minutes. */
  meetingIds: z.array(z.number().int()),
  article: z.string(),
  message: z.string(),
});

export const ComplianceChild = z.object({ org: ChildRef, figures: ComplianceFigures });

/** `GET /api/orgs/:id/compliance?period=`: the subtree, each direct child's subtree, and the org's own findings. */
export const ComplianceView = z.object({
  org: OrgRef,
  period: z.string(),
  periodLabel: z.string(),
  asOf: IsoDateSchema,
  figures: ComplianceFigures,
  /** The org's own figures (not its subtree's): a branch's requirements. */
  ownFigures: ComplianceFigures,
  children: z.array(ComplianceChild),
  findings: z.array(ComplianceFindingView),
  /** Whether the actor may approve an exemption for this org (org_life.exempt, scope strictly above it). */
  canExempt: z.boolean(),
});

export const HeatmapCell = ComplianceFigures.extend({ period: z.string() });
export const HeatmapRow = z.object({ org: ChildRef, cells: z.array(HeatmapCell) });

/** `GET /api/orgs/:id/compliance/heatmap?year=`: the org's subtree and each direct child's × the 12 months. */
export const HeatmapView = z.object({
  org: OrgRef,
  year: z.number().int(),
  asOf: IsoDateSchema,
  months: z.array(z.string()),
  total: z.array(HeatmapCell),
  rows: z.array(HeatmapRow),
});

export const ExemptionBody = z.object({
  requirementId: z.string().trim().min(1, '请选择考核要求').max(80),
  period: PeriodKeySchema,
  /** A 党小组 of the branch, for a requirement counted per group. */
  groupId: IdSchema.nullish(),
  reason: text(500),
});
export const ExemptionParams = z.object({ id: IdSchema, exemptionId: IdSchema });
export const ExemptionListQuery = z.object({
  year: z.coerce.number().int().min(2000, '年份超出范围').max(2100, '年份超出范围').optional(),
});

export const ExemptionView = z.object({
  id: z.number().int(),
  org: OrgRef,
  requirementId: z.string(),
  requirementLabel: z.string(),
  period: z.string(),
  periodLabel: z.string(),
  group: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  reason: z.string(),
  approvedBy: z.object({ id: z.number().int(), name: z.string() }),
  approvedAt: z.string(),
  canDelete: z.boolean(),
});
export const ExemptionList = z.object({ items: z.array(ExemptionView) });

export const BranchKindSchema = z.enum(BRANCH_KINDS);

export const RequirementView = z.object({
  id: z.string(),
  label: z.string(),
  meetingKind: MeetingKindSchema,
  cadence: z.enum(CADENCES),
  minCount: count,
  /** The 党支部 kinds it applies to. */
  appliesTo: z.array(BranchKindSchema),
  needsCommittee: z.boolean(),
  perGroup: z.boolean(),
  byHead: z.boolean(),
  article: z.string(),
  local: z.boolean(),
});
export const RULE_SET_STATUSES = ['current', 'history', 'future'] as const;
/** `GET /api/compliance/rules`: the deployment's versions of the rules (CFG), the one in force today marked. */
export const RuleSetView = z.object({
  version: z.string(),
  validFrom: IsoDateSchema,
  inForce: z.boolean(),
  /** 现行 (in force today), 历史 (past), 待生效 (not yet in force). */
  status: z.enum(RULE_SET_STATUSES),
  /** Not yet in force: may be changed or deleted (docs/organizational-life.md §7.2). */
  editable: z.boolean(),
  /** Whether the version is stored (false: the built-in default, none stored yet). */
  stored: z.boolean(),
  /** The optimistic lock of a change (PUT); 0 for the built-in default. */
  revision: count,
  oneMeetingManyKinds: z.boolean(),
  reminderDays: count,
  requirements: z.array(RequirementView),
});
export const RuleSetList = z.object({
  items: z.array(RuleSetView),
  /** Whether the actor may create, change and delete versions (settings.system). */
  can: z.object({ edit: z.boolean() }),
});

const { minCount, reminderDays } = RULE_SET_LIMITS;
/** One requirement of a version as written (docs/organizational-life.md §7.2). */
export const RequirementBody = z.object({
  id: z
    .string()
    .trim()
    .min(1, '请填写要求的标识')
    .max(80, '不能超过80个字符')
    .regex(/^[a-z][a-z0-9_]*$/, '标识只能由小写英文字母、数字和下划线组成，以字母开头'),
  meetingKind: MeetingKindSchema,
  cadence: z.enum(CADENCES),
  minCount: z
    .number()
    .int('请填写整数')
    .min(minCount.min, `最少次数为${minCount.min}至${minCount.max}次`)
    .max(minCount.max, `最少次数为${minCount.min}至${minCount.max}次`),
  appliesTo: z.array(BranchKindSchema).min(1, '请至少选择一类党支部').max(BRANCH_KINDS.length),
  needsCommittee: z.boolean(),
  perGroup: z.boolean(),
  byHead: z.boolean(),
  article: z.string().trim().max(200, '不能超过200个字符'),
  local: z.boolean(),
});
/** `POST /api/compliance/rules`: a new version, from the first day of a month after today. */
export const RuleSetBody = z.object({
  version: text(60).meta({ description: '版本名称，如“2027-本市细则”' }),
  validFrom: IsoDateSchema.meta({ description: '生效日期：今后某月的1日' }),
  oneMeetingManyKinds: z.boolean(),
  reminderDays: z
    .number()
    .int('请填写整数')
    .min(reminderDays.min, `提前提醒天数为${reminderDays.min}至${reminderDays.max}天`)
    .max(reminderDays.max, `提前提醒天数为${reminderDays.min}至${reminderDays.max}天`),
  requirements: z.array(RequirementBody).min(1, '请至少填写一项考核要求').max(50, '考核要求不能超过50项'),
});
/** `PUT /api/compliance/rules/:version`: a version not yet in force, as read (`revision`). */
export const RuleSetUpdateBody = RuleSetBody.extend({
  revision: VersionSchema,
});
export const RuleSetParams = z.object({ version: z.string().min(1).max(60) });

import { ORG_KINDS } from '../domain/org/index.ts';
import { IsoDateSchema } from './common.ts';
import { OrgKindSchema } from './orgs.ts';
import { z } from './zod-zh.ts';

const count = z.number().int();

/** One bucket of a breakdown: a key of the official list, its Chinese label and how many members. */
export const StatBucket = z.object({ key: z.string(), label: z.string(), count });
const Breakdown = z.array(StatBucket);

const OrgRef = z.object({ id: z.number().int(), name: z.string(), kind: OrgKindSchema });

/** The key figures of a direct child's whole subtree, for drill-down charts. */
export const ChildStats = z.object({
  org: OrgRef.extend({ dissolved: z.boolean() }),
  memberCount: count,
  full: count,
  probationary: count,
  female: count,
  /** 少数民族 (01 汉族, 91 and 92 not counted). */
  minority: count,
  /** 大专及以上. */
  collegeOrAbove: count,
  /** 35岁及以下, as of `asOf`. */
  age35OrBelow: count,
  /** 离退休人员 (工作岗位 5xx). */
  retired: count,
  mobile: count,
  hardship: count,
});

/**
 * Statistics of an org's whole subtree (docs/membership.md §9): the members counted in 党员总数 (预备、正式、失联;
 * docs/membership.md §1), with 停止党籍 as a figure of its own beside the total, outside it; not 出党, 去世 or 转出.
 * Every breakdown adds up to `memberCount`; age bands are as of `asOf` (today).
 */
export const OrgStatsView = z.object({
  org: OrgRef,
  asOf: IsoDateSchema,
  /** 党员总数 (docs/membership.md §1). */
  memberCount: count,
  /** 停止党籍: on the branches' rosters, outside 党员总数 (a decrease in 党统 T1). */
  suspendedCount: count,
  /** Members placed in this org itself (a branch's own roster, without its 党小组). */
  ownMemberCount: count,
  byStatus: Breakdown,
  byGender: Breakdown,
  /** 汉族 / 少数民族 / 其他 (91 其他族, 92 外国血统) / 未知. */
  byEthnicity: Breakdown,
  /** The official bands ≤30, 31–35 … 56–60, ≥61, and 未知. */
  byAgeBand: Breakdown,
  /** 学历 bands of the 党统 tables, and 未知. */
  byEducation: Breakdown,
  /** 大专及以上: 研究生 + 大学本科 + 大学专科. */
  collegeOrAbove: count,
  /** 工作岗位 → the 党统 rows, and 未知. */
  byWorkPost: Breakdown,
  /** 入党时间 in the four official periods. */
  byAdmissionPeriod: Breakdown,
  /** 人员类别. */
  byCategory: Breakdown,
  /** 流动党员. */
  mobile: count,
  /** 困难党员. */
  hardship: count,
  /** Orgs of the subtree that are not dissolved, the org itself included, by kind. */
  orgCounts: z.record(z.enum(ORG_KINDS), count),
  /** Each direct child (not dissolved, or still holding members), in the tree's order. */
  children: z.array(ChildStats),
});
export type OrgStatsView = z.infer<typeof OrgStatsView>;
export type ChildStats = z.infer<typeof ChildStats>;

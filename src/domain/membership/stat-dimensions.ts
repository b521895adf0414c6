import type { EthnicityKind } from '../codes/index.ts';
import { EDUCATION_BANDS, WORK_POST_GROUPS } from '../codes/index.ts';
import { ADMISSION_PERIOD_LABELS, ADMISSION_PERIODS } from './admission-periods.ts';
import { AGE_BANDS, type AgeBand, type StatKey, type StatVector } from './member-stats.ts';
import {
  COUNTED_STATUSES,
  MEMBER_CATEGORIES,
  MEMBER_CATEGORY_LABELS,
  MEMBER_STATUS_LABELS,
  type MemberStatus,
} from './member-status.ts';

/**
 * How the roster figures are shown (docs/membership.md §9): each
 * dimension is a list of buckets in the official order, each bucket one rollup key with its Chinese label.
 * Every member counted in 党员总数 (docs/membership.md §1) falls in exactly one bucket of every dimension, so each dimension adds up to
 * the member count; `unknown` buckets hold members whose record lacks the value.
 */
export type StatBucket = { readonly key: string; readonly statKey: StatKey; readonly label: string };

export const AGE_BAND_LABELS: Record<AgeBand, string> = {
  '30_below': '30岁及以下',
  '31_35': '31至35岁',
  '36_40': '36至40岁',
  '41_45': '41至45岁',
  '46_50': '46至50岁',
  '51_55': '51至55岁',
  '56_60': '56至60岁',
  '61_above': '61岁及以上',
};

export const ETHNICITY_KIND_LABELS: Record<EthnicityKind, string> = {
  han: '汉族',
  minority: '少数民族',
  other: '其他',
};

const UNKNOWN = '未知';

export const STAT_DIMENSIONS = {
  // The statuses counted in 党员总数; 停止党籍 is a figure of its own beside it (`status_suspended`).
  status: (COUNTED_STATUSES as readonly MemberStatus[]).map((s) => ({
    key: s,
    statKey: `status_${s}` as StatKey,
    label: MEMBER_STATUS_LABELS[s],
  })),
  gender: [
    { key: 'male', statKey: 'gender_male', label: '男' },
    { key: 'female', statKey: 'gender_female', label: '女' },
  ],
  ethnicity: [
    ...(['han', 'minority', 'other'] as const).map((k) => ({
      key: k,
      statKey: `ethnicity_${k}` as StatKey,
      label: ETHNICITY_KIND_LABELS[k],
    })),
    { key: 'unknown', statKey: 'ethnicity_unknown', label: UNKNOWN },
  ],
  ageBand: [
    ...AGE_BANDS.map((b) => ({ key: b, statKey: `age_${b}` as StatKey, label: AGE_BAND_LABELS[b] })),
    { key: 'unknown', statKey: 'age_unknown', label: UNKNOWN },
  ],
  education: [
    ...EDUCATION_BANDS.map((b) => ({
      key: b.band,
      statKey: `education_${b.band}` as StatKey,
      label: b.label,
    })),
    { key: 'unknown', statKey: 'education_unknown', label: UNKNOWN },
  ],
  workPost: [
    ...WORK_POST_GROUPS.map((g) => ({
      key: g.group,
      statKey: `work_post_${g.group}` as StatKey,
      label: g.label,
    })),
    { key: 'unknown', statKey: 'work_post_unknown', label: UNKNOWN },
  ],
  admissionPeriod: ADMISSION_PERIODS.map((p) => ({
    key: p,
    statKey: `admitted_${p}` as StatKey,
    label: ADMISSION_PERIOD_LABELS[p],
  })),
  category: MEMBER_CATEGORIES.map((c) => ({
    key: c,
    statKey: `category_${c}` as StatKey,
    label: MEMBER_CATEGORY_LABELS[c],
  })),
} as const satisfies Record<string, readonly StatBucket[]>;

export type StatDimension = keyof typeof STAT_DIMENSIONS;

/** The buckets of one dimension with their counts, in the official order. */
export function breakdown(
  v: StatVector,
  dimension: StatDimension,
): { key: string; label: string; count: number }[] {
  return STAT_DIMENSIONS[dimension].map((b) => ({ key: b.key, label: b.label, count: v[b.statKey] ?? 0 }));
}

/** 大专及以上 of the bulletins (docs/membership.md §9): 研究生 + 大学本科 + 大学专科 (see isCollegeOrAbove). */
export const COLLEGE_OR_ABOVE_KEYS: readonly StatKey[] = [
  'education_postgraduate',
  'education_undergraduate',
  'education_junior_college',
];
/** 35岁及以下, the bulletins' figure for young members: the ≤30 and 31–35 bands. */
export const AGE_35_OR_BELOW_KEYS: readonly StatKey[] = ['age_30_below', 'age_31_35'];

export function sumOf(v: StatVector, keys: readonly StatKey[]): number {
  return keys.reduce((n, k) => n + (v[k] ?? 0), 0);
}

/**
 * The key figures of a child org for drill-down charts: few enough to be summed for every child of the
 * city in one pass. The rollup keys they need are listed in CHILD_FIGURE_KEYS.
 */
export function childFigures(v: StatVector) {
  return {
    memberCount: v.member_count ?? 0,
    full: v.status_full ?? 0,
    probationary: v.status_probationary ?? 0,
    female: v.gender_female ?? 0,
    minority: v.ethnicity_minority ?? 0,
    collegeOrAbove: sumOf(v, COLLEGE_OR_ABOVE_KEYS),
    age35OrBelow: sumOf(v, AGE_35_OR_BELOW_KEYS),
    retired: v.work_post_retired ?? 0,
    mobile: v.mobile ?? 0,
    hardship: v.hardship ?? 0,
  };
}

export const CHILD_FIGURE_KEYS: readonly StatKey[] = [
  'member_count',
  'status_full',
  'status_probationary',
  'gender_female',
  'ethnicity_minority',
  ...COLLEGE_OR_ABOVE_KEYS,
  ...AGE_35_OR_BELOW_KEYS,
  'work_post_retired',
  'mobile',
  'hardship',
];

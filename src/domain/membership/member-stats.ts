import {
  EDUCATION_BANDS,
  type EducationCode,
  type EthnicityCode,
  educationBand,
  ethnicityKind,
  WORK_POST_GROUPS,
  type WorkPostCode,
  workPostGroup,
} from '../codes/index.ts';
import { ageOn } from '../people/index.ts';
import { addDays, addYears, type IsoDate, isIsoDate } from '../shared/index.ts';
import { ADMISSION_PERIODS, admissionPeriod } from './admission-periods.ts';
import {
  type Gender,
  isCounted,
  MEMBER_CATEGORIES,
  type MemberCategory,
  type MemberStatus,
} from './member-status.ts';

/**
 * Subtree statistics of the roster (docs/membership.md §9). Each
 * member on the roster contributes 1 to one key of every dimension; the per-org rollup stores these counts
 * and a subtree's figures are their sums. One list of keys drives the rollup table, the rules and the view.
 */

/** Official age bands of the 党内统计公报 (≤30, 31–35 … 56–60, ≥61), as of a given day. */
export const AGE_BANDS = [
  '30_below',
  '31_35',
  '36_40',
  '41_45',
  '46_50',
  '51_55',
  '56_60',
  '61_above',
] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
/** The ages at which a member enters the next band: a band changes only on these birthdays. */
export const AGE_BAND_STARTS = [31, 36, 41, 46, 51, 56, 61] as const;

export function ageBand(age: number): AgeBand {
  const index = AGE_BAND_STARTS.findIndex((start) => age < start);
  return AGE_BANDS[index === -1 ? AGE_BANDS.length - 1 : index] as AgeBand;
}

export const STAT_KEYS = [
  'member_count',
  'status_probationary',
  'status_full',
  'status_suspended',
  'status_unreachable',
  'gender_male',
  'gender_female',
  'ethnicity_han',
  'ethnicity_minority',
  'ethnicity_other',
  'ethnicity_unknown',
  ...AGE_BANDS.map((b) => `age_${b}` as const),
  'age_unknown',
  ...EDUCATION_BANDS.map((b) => `education_${b.band}` as const),
  'education_unknown',
  ...WORK_POST_GROUPS.map((g) => `work_post_${g.group}` as const),
  'work_post_unknown',
  ...ADMISSION_PERIODS.map((p) => `admitted_${p}` as const),
  ...MEMBER_CATEGORIES.map((c) => `category_${c}` as const),
  'mobile',
  'hardship',
] as const;
export type StatKey = (typeof STAT_KEYS)[number];
export type StatVector = Partial<Record<StatKey, number>>;

/** Keys whose value depends on the day asked: they shift on birthdays. */
export const AGE_KEYS: readonly StatKey[] = STAT_KEYS.filter((k) => k.startsWith('age_'));

/** What the statistics need to know of a member. */
export type StatsMember = {
  readonly orgId: number;
  readonly status: MemberStatus;
  readonly gender: Gender;
  readonly ethnicity: string | null;
  readonly birthDate: IsoDate | null;
  readonly education: string | null;
  readonly workPost: string | null;
  readonly admittedOn: IsoDate;
  readonly category: MemberCategory;
  readonly isMobile: boolean;
  readonly isHardship: boolean;
};

function ageKey(birthDate: IsoDate | null, asOf: IsoDate): StatKey {
  return birthDate === null ? 'age_unknown' : `age_${ageBand(ageOn(birthDate, asOf))}`;
}

/**
 * The keys a member adds 1 to, as of a day. A member counted in 党员总数 (docs/membership.md §1) adds to the total
 * and to one bucket of every dimension; a 停止党籍 member only to `status_suspended`, the figure shown beside the
 * total, outside it; a member who left, died or was transferred out to nothing.
 */
export function memberKeys(m: StatsMember, asOf: IsoDate): StatKey[] {
  if (m.status === 'suspended') return ['status_suspended'];
  if (!isCounted(m.status)) return [];
  const keys: StatKey[] = ['member_count', `status_${m.status}` as StatKey, `gender_${m.gender}`];
  keys.push(m.ethnicity ? `ethnicity_${ethnicityKind(m.ethnicity as EthnicityCode)}` : 'ethnicity_unknown');
  keys.push(ageKey(m.birthDate, asOf));
  keys.push(m.education ? `education_${educationBand(m.education as EducationCode)}` : 'education_unknown');
  keys.push(m.workPost ? `work_post_${workPostGroup(m.workPost as WorkPostCode)}` : 'work_post_unknown');
  keys.push(`admitted_${admissionPeriod(m.admittedOn)}`, `category_${m.category}`);
  if (m.isMobile) keys.push('mobile');
  if (m.isHardship) keys.push('hardship');
  return keys;
}

/** Adds `sign` × the member's keys into `into`. */
export function addMember(into: StatVector, m: StatsMember, asOf: IsoDate, sign: 1 | -1 = 1): StatVector {
  for (const key of memberKeys(m, asOf)) into[key] = (into[key] ?? 0) + sign;
  return into;
}

/** The change a write makes to its orgs' counts: before and after may sit in different orgs. */
export function rosterDelta(
  before: StatsMember | null,
  after: StatsMember | null,
  asOf: IsoDate,
): Map<number, StatVector> {
  const byOrg = new Map<number, StatVector>();
  const at = (orgId: number) => byOrg.get(orgId) ?? byOrg.set(orgId, {}).get(orgId) ?? {};
  if (before) addMember(at(before.orgId), before, asOf, -1);
  if (after) addMember(at(after.orgId), after, asOf, 1);
  for (const [orgId, v] of byOrg) {
    for (const k of Object.keys(v) as StatKey[]) if (v[k] === 0) delete v[k];
    if (Object.keys(v).length === 0) byOrg.delete(orgId);
  }
  return byOrg;
}

/** The in-memory reference: the figures of a set of members as of a day (tests compare the rollup to it). */
export function aggregate(members: Iterable<StatsMember>, asOf: IsoDate): StatVector {
  const total: StatVector = {};
  for (const m of members) addMember(total, m, asOf);
  return total;
}

/**
 * The birth dates whose age band changes on `day` (they reach 31, 36 … 61 that day), so that a rollup kept
 * as of yesterday can be brought to today by moving only those members. A 29 February birthday is reached
 * on 1 March in a common year (see ageOn), so 1 March also takes the 29 February births of those years.
 */
export function bandChangingBirthDates(day: IsoDate): IsoDate[] {
  const yesterday = addDays(day, -1);
  const candidates = AGE_BAND_STARTS.flatMap((age) => {
    const year = String(Number(day.slice(0, 4)) - age).padStart(4, '0');
    return [addYears(day, -age), `${year}-02-29`];
  });
  return [...new Set(candidates)]
    .filter(isIsoDate)
    .filter((birth) => {
      const age = ageOn(birth, day);
      return ageOn(birth, yesterday) === age - 1 && (AGE_BAND_STARTS as readonly number[]).includes(age);
    })
    .sort();
}

/**
 * For each age at which a band starts (31, 36 … 61), the latest birth date that has reached it on `asOf`:
 * a member is in that band or above when born on or before it. Lets a database count age bands with plain
 * date comparisons that agree with ageOn (29 February included).
 */
export function bandStartBirthDates(asOf: IsoDate): { age: number; bornOnOrBefore: IsoDate }[] {
  return AGE_BAND_STARTS.map((age) => {
    let day = addDays(addYears(asOf, -age), 3);
    while (ageOn(day, asOf) < age) day = addDays(day, -1);
    return { age, bornOnOrBefore: day };
  });
}

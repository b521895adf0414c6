import { type SQL, sql } from 'drizzle-orm';
import {
  EDUCATION_BANDS,
  ETHNICITY_CODES,
  ethnicityKind,
  WORK_POST_GROUPS,
} from '../../../domain/codes/index.ts';
import {
  ADMISSION_PERIOD_STARTS,
  AGE_BANDS,
  bandStartBirthDates,
  COUNTED_STATUSES,
  MEMBER_CATEGORIES,
  ROSTER_STATUSES,
  STAT_KEYS,
  type StatKey,
} from '../../../domain/membership/index.ts';
import type { IsoDate } from '../../../domain/shared/index.ts';

/**
 * The rollup keys as SQL over a member row (`m` = members, `p` = persons), generated from the same rules as
 * memberKeys (code lists, bands, period starts, ageOn), so that a recount in the database agrees with the
 * rollup kept by the writers. Used by the full rebuild, and by the benchmark's direct aggregation.
 * Codes are validated when written; an unknown code counts as `unknown` here.
 */
const list = (values: readonly string[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );
const inCodes = (column: SQL, codes: readonly string[]) => sql`${column} in (${list(codes)})`;
const notInCodes = (column: SQL, codes: readonly string[]) =>
  sql`coalesce(${column}, '') not in (${list(codes)})`;

/** Members on the roster: those counted in 党员总数 and the 停止党籍 ones, a figure of their own. */
export const ON_ROSTER = sql`m.status in (${list(ROSTER_STATUSES)})`;
/** Members counted in 党员总数 (docs/membership.md §1): every key but `status_suspended` counts only these. */
export const COUNTED = sql`m.status in (${list(COUNTED_STATUSES)})`;

function ageConditions(asOf: IsoDate): Record<string, SQL> {
  const bounds = bandStartBirthDates(asOf).map((b) => sql`${b.bornOnOrBefore}::date`);
  const out: Record<string, SQL> = {};
  AGE_BANDS.forEach((band, i) => {
    const upper = bounds[i]; // reached the next band's age: out of this band
    const lower = bounds[i - 1]; // reached this band's age
    const parts = [
      lower ? sql`p.birth_date <= ${lower}` : null,
      upper ? sql`p.birth_date > ${upper}` : null,
    ].filter((x): x is SQL => x !== null);
    out[`age_${band}`] = sql.join(parts, sql` and `);
  });
  out.age_unknown = sql`p.birth_date is null`;
  return out;
}

function admissionConditions(): Record<string, SQL> {
  const s = ADMISSION_PERIOD_STARTS;
  const on = sql`m.admitted_on`;
  return {
    admitted_before_prc: sql`${on} < ${s.before_reform}::date`,
    admitted_before_reform: sql`${on} >= ${s.before_reform}::date and ${on} < ${s.before_18th_congress}::date`,
    admitted_before_18th_congress: sql`${on} >= ${s.before_18th_congress}::date and ${on} < ${s.since_18th_congress}::date`,
    admitted_since_18th_congress: sql`${on} >= ${s.since_18th_congress}::date`,
  };
}

function codeConditions(): Record<string, SQL> {
  const out: Record<string, SQL> = {};
  const ethnicity = sql`p.ethnicity`;
  for (const kind of ['han', 'minority', 'other'] as const) {
    out[`ethnicity_${kind}`] = inCodes(
      ethnicity,
      ETHNICITY_CODES.filter((c) => ethnicityKind(c) === kind),
    );
  }
  out.ethnicity_unknown = notInCodes(ethnicity, ETHNICITY_CODES);
  const education = sql`p.education`;
  for (const b of EDUCATION_BANDS) out[`education_${b.band}`] = inCodes(education, b.codes);
  out.education_unknown = notInCodes(
    education,
    EDUCATION_BANDS.flatMap((b) => b.codes),
  );
  const workPost = sql`p.work_post`;
  for (const g of WORK_POST_GROUPS) out[`work_post_${g.group}`] = inCodes(workPost, g.codes);
  out.work_post_unknown = notInCodes(
    workPost,
    WORK_POST_GROUPS.flatMap((g) => g.codes),
  );
  return out;
}

export function statKeyConditions(asOf: IsoDate): Record<StatKey, SQL> {
  const out: Record<string, SQL> = {
    member_count: sql`true`,
    gender_male: sql`p.gender = 'male'`,
    gender_female: sql`p.gender = 'female'`,
    mobile: sql`m.is_mobile`,
    hardship: sql`m.is_hardship`,
    ...ageConditions(asOf),
    ...admissionConditions(),
    ...codeConditions(),
  };
  for (const s of COUNTED_STATUSES) out[`status_${s}`] = sql`m.status = ${s}`;
  for (const c of MEMBER_CATEGORIES) out[`category_${c}`] = sql`m.category = ${c}`;
  for (const key of STAT_KEYS)
    if (!out[key] && key !== 'status_suspended') throw new Error(`no SQL for ${key}`);
  // As memberKeys: a counted member adds to every key, a 停止党籍 member to status_suspended only.
  const counted: Record<string, SQL> = {};
  for (const key of STAT_KEYS) counted[key] = sql`(${COUNTED} and ${out[key]})`;
  counted.status_suspended = sql`m.status = 'suspended'`;
  return counted as Record<StatKey, SQL>;
}

/** `count(*) filter (where …) as key` for every rollup key, in STAT_KEYS order. */
export function countEveryKey(asOf: IsoDate): SQL {
  const conditions = statKeyConditions(asOf);
  return sql.join(
    STAT_KEYS.map((k) => sql`(count(*) filter (where ${conditions[k]}))::int as ${sql.identifier(k)}`),
    sql`, `,
  );
}

export const STAT_COLUMNS = sql.join(
  STAT_KEYS.map((k) => sql.identifier(k)),
  sql`, `,
);

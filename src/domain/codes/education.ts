import type { CodeList } from './coded-cell.ts';

/**
 * 学历 as coded in the 2017 collection template (docs/official-forms.md §5.3). Codes are alphanumeric
 * (`1A`…`2D`) and of one or two characters, so they are strings. `group` is the template's own grouping; 6–9
 * have none.
 */
export const EDUCATION_GROUPS = [
  { code: '1', name: '研究生教育' },
  { code: '2', name: '本专科教育' },
  { code: '4', name: '中等职业学校' },
] as const;
export type EducationGroup = (typeof EDUCATION_GROUPS)[number]['code'];

export const EDUCATIONS = [
  { code: '11', name: '博士研究生', group: '1' },
  { code: '12', name: '硕士研究生', group: '1' },
  { code: '13', name: '硕士生班', group: '1' },
  { code: '1A', name: '中央党校研究生', group: '1' },
  { code: '1B', name: '省（区、市）委党校研究生', group: '1' },
  { code: '21', name: '大学', group: '2' },
  { code: '22', name: '大专', group: '2' },
  { code: '23', name: '大学普通班', group: '2' },
  { code: '24', name: '第二学士学位班', group: '2' },
  { code: '2A', name: '中央党校大学', group: '2' },
  { code: '2B', name: '省（区、市）委党校大学', group: '2' },
  { code: '2C', name: '中央党校大专', group: '2' },
  { code: '2D', name: '省（区、市）委党校大专', group: '2' },
  { code: '41', name: '中等专科', group: '4' },
  { code: '44', name: '职业高中', group: '4' },
  { code: '47', name: '技工学校', group: '4' },
  { code: '6', name: '普通高中', group: null },
  { code: '7', name: '初中', group: null },
  { code: '8', name: '小学', group: null },
  { code: '9', name: '其他', group: null },
] as const;

export type EducationCode = (typeof EDUCATIONS)[number]['code'];
export const EDUCATION_CODES: readonly EducationCode[] = EDUCATIONS.map((e) => e.code);

/**
 * Everyday names met in free-typed rosters, each mapped to the one code it can only mean (21 大学 = 大学本科 and
 * 22 大专 = 大学专科, docs/official-forms.md §5.3 [inf]).
 */
const ALIASES: Partial<Record<EducationCode, readonly string[]>> = {
  '11': ['博士'],
  '12': ['硕士'],
  '21': ['大学本科', '本科'],
  '22': ['大学专科', '专科'],
  '41': ['中专'],
  '6': ['高中'],
};

export const EDUCATION_LIST: CodeList<EducationCode> = {
  label: '学历',
  entries: EDUCATIONS.map((e) => ({ code: e.code, name: e.name, aliases: ALIASES[e.code] ?? [] })),
};

/**
 * The 学历 columns of the 党统 tables (T4, T16; docs/official-forms.md §9.2 [inf], to confirm against an official
 * 指标解释 before the platform generates 党统 figures). 23 大学普通班 (the 1970–1976 intakes) counts as 大学专科,
 * as the statistics' definitions put it (docs/official-forms.md §5.3).
 */
export const EDUCATION_BANDS = [
  { band: 'postgraduate', label: '研究生', codes: ['11', '12', '13', '1A', '1B'] },
  { band: 'undergraduate', label: '大学本科', codes: ['21', '24', '2A', '2B'] },
  { band: 'junior_college', label: '大学专科', codes: ['22', '23', '2C', '2D'] },
  { band: 'secondary_specialized', label: '中专', codes: ['41'] },
  { band: 'high_school', label: '高中、中技', codes: ['44', '47', '6'] },
  { band: 'junior_high_or_below', label: '初中及以下', codes: ['7', '8', '9'] },
] as const satisfies readonly { band: string; label: string; codes: readonly EducationCode[] }[];

export type EducationBand = (typeof EDUCATION_BANDS)[number]['band'];

const BAND_OF: ReadonlyMap<EducationCode, EducationBand> = new Map(
  EDUCATION_BANDS.flatMap((b) => b.codes.map((code) => [code, b.band] as const)),
);

export function educationBand(code: EducationCode): EducationBand {
  const band = BAND_OF.get(code);
  if (!band) throw new Error(`学历代码 ${code} has no statistics band`);
  return band;
}

const COLLEGE_OR_ABOVE: ReadonlySet<EducationBand> = new Set([
  'postgraduate',
  'undergraduate',
  'junior_college',
]);

/** 大专及以上 of the bulletins (docs/official-forms.md §9.2): 研究生 + 大学本科 + 大学专科. */
export function isCollegeOrAbove(code: EducationCode): boolean {
  return COLLEGE_OR_ABOVE.has(educationBand(code));
}

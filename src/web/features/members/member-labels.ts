import {
  type CodeList,
  EDUCATION_BANDS,
  EDUCATION_GROUPS,
  EDUCATION_LIST,
  EDUCATIONS,
  ETHNICITY_LIST,
  findCodeName,
  WORK_POST_LIST,
  WORK_POST_NODES,
  WORK_POSTS,
  workPostName,
} from '../../../domain/codes/index.ts';
import { AGE_BAND_LABELS, AGE_BANDS } from '../../../domain/membership/index.ts';

export const AGE_BAND_OPTIONS = AGE_BANDS.map((b) => ({ value: b, label: AGE_BAND_LABELS[b] }));

/**
 * What a person reads for a code: its name (`汉族`, `退休人员`), never the code, which stays in the exports and
 * the import templates (docs/design.md §4.3). The code lists of src/domain/codes are the one source; an unknown
 * code shows as itself.
 */
export function codeLabel(code: string | null | undefined, list: CodeList): string {
  if (!code) return '—';
  return (list === WORK_POST_LIST ? workPostName(code) : findCodeName(code, list)) ?? code;
}

export const ethnicityLabel = (code: string | null | undefined) => codeLabel(code, ETHNICITY_LIST);
export const educationLabel = (code: string | null | undefined) => codeLabel(code, EDUCATION_LIST);
export const workPostLabel = (code: string | null | undefined) => codeLabel(code, WORK_POST_LIST);

/** An option shows the name; `search` also holds the code, so that typing `502` or `退休` both find it. */
type Option = { value: string; label: string; search: string };
type OptionGroup = { label: string; title: string; options: Option[] };

const optionOf = (entry: { code: string; name: string }, label = entry.name): Option => ({
  value: entry.code,
  label,
  search: `${entry.code} ${label}`,
});

/** 民族 `01 汉族` … `92 外国血统`, searchable by code or name. */
export const ETHNICITY_OPTIONS: Option[] = ETHNICITY_LIST.entries.map((e) => optionOf(e));

/** 学历 grouped as the template groups them (研究生教育, 本专科教育, 中等职业学校, then the rest). */
export const EDUCATION_OPTIONS: (Option | OptionGroup)[] = [
  ...EDUCATION_GROUPS.map((g) => ({
    label: g.name,
    title: g.name,
    options: EDUCATIONS.filter((e) => e.group === g.code).map((e) => optionOf(e)),
  })),
  ...EDUCATIONS.filter((e) => e.group === null).map((e) => optionOf(e)),
];

/** Filter options for 学历: the statistics bands first (大专及以上 among them), then each code. */
export const EDUCATION_FILTER_OPTIONS: (Option | OptionGroup)[] = [
  {
    label: '按统计口径',
    title: '按统计口径',
    options: [
      { value: 'college_or_above', label: '大专及以上', search: '大专及以上' },
      ...EDUCATION_BANDS.map((b) => ({ value: b.band, label: b.label, search: b.label })),
    ],
  },
  { label: '按学历代码', title: '按学历代码', options: EDUCATIONS.map((e) => optionOf(e)) },
];

/** The full path of a 工作岗位 group: `在岗职工 / 机关干部岗位`. */
function nodePath(code: string): string {
  const names: string[] = [];
  let node = WORK_POST_NODES.find((n) => n.code === code);
  while (node) {
    names.unshift(node.name);
    const parent: string | null = node.parent;
    node = parent === null ? undefined : WORK_POST_NODES.find((n) => n.code === parent);
  }
  return names.join(' / ');
}

/** 工作岗位 under the template's tree of groups (`0212 事业单位专业技术岗位` under 在岗职工 / 企事业单位…). */
export const WORK_POST_OPTIONS: OptionGroup[] = [...new Set(WORK_POSTS.map((p) => p.parent as string))].map(
  (parent) => ({
    label: nodePath(parent),
    title: nodePath(parent),
    options: WORK_POSTS.filter((p) => p.parent === parent).map((p) => optionOf(p, workPostName(p.code))),
  }),
);

/** Select search over `代码 名称` (antd's default searches the value only). */
export function matchesCodeOption(input: string, option?: { label?: unknown; search?: unknown }): boolean {
  const text = input.trim().toLowerCase();
  const haystack = typeof option?.search === 'string' ? option.search : option?.label;
  return typeof haystack === 'string' && haystack.toLowerCase().includes(text);
}

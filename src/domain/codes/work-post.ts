import type { CodeList } from './coded-cell.ts';

/**
 * 工作岗位 as coded in the 2017 collection template (docs/official-forms.md §5.4): 49 leaf codes of 1–4
 * characters under a tree of groups. Codes are strings: `011` 公务员 ≠ `11` 农牧渔业生产人员. There is no group 4.
 */
export const WORK_POST_NODES = [
  { code: '0', name: '在岗职工', parent: null },
  { code: '01', name: '机关干部岗位', parent: '0' },
  { code: '02', name: '企事业单位管理、专业技术岗位', parent: '0' },
  // The template's label for 03 was not captured (docs/official-forms.md §5.4); named after its leaves.
  { code: '03', name: '工勤岗位', parent: '0' },
  { code: '1', name: '农牧渔民', parent: null },
  { code: '2', name: '解放军、武警', parent: null },
  { code: '3', name: '学生', parent: null },
  { code: '30', name: '研究生', parent: '3' },
  { code: '31', name: '大学本科学生', parent: '3' },
  { code: '32', name: '大学专科学生', parent: '3' },
  { code: '5', name: '离退休人员', parent: null },
  { code: '6', name: '其他人员', parent: null },
] as const;
export type WorkPostNodeCode = (typeof WORK_POST_NODES)[number]['code'];

/**
 * The leaves, in the template's order. Names are the template's; student leaves are named by year only
 * (`301 毕业年级`), so their aliases carry the long names another system's option list uses
 * (`研究生毕业年级学生`), as do 0314/0315 (`…工勤岗位`). The 610 name is given in full, as that other list
 * has it (docs/official-forms.md §5.4).
 */
export const WORK_POSTS = [
  { code: '011', name: '公务员', parent: '01' },
  { code: '012', name: '参照公务员法管理的工作人员', parent: '01' },
  { code: '0211', name: '事业单位管理岗位', parent: '02' },
  { code: '0212', name: '事业单位专业技术岗位', parent: '02' },
  { code: '0213', name: '公有经济控制企业管理岗位', parent: '02' },
  { code: '0214', name: '公有经济控制企业专业技术岗位', parent: '02' },
  { code: '0215', name: '非公有经济控制企业管理岗位', parent: '02' },
  { code: '0216', name: '非公有经济控制企业专业技术岗位', parent: '02' },
  { code: '0217', name: '民办非企业管理岗位', parent: '02' },
  { code: '0218', name: '民办非企业专业技术岗位', parent: '02' },
  { code: '0311', name: '公有经济控制单位工勤岗位', parent: '03' },
  { code: '0312', name: '非公有企业工勤岗位', parent: '03' },
  { code: '0313', name: '民办非企业工勤岗位', parent: '03' },
  { code: '0314', name: '机关单位工勤岗', parent: '03', aliases: ['机关单位工勤岗位'] },
  { code: '0315', name: '事业单位工勤岗', parent: '03', aliases: ['事业单位工勤岗位'] },
  { code: '11', name: '农牧渔业生产人员', parent: '1' },
  { code: '122', name: '乡村医生', parent: '1' },
  { code: '123', name: '外出务工经商人员', parent: '1' },
  { code: '124', name: '其他农牧渔民', parent: '1' },
  { code: '2', name: '解放军、武警', parent: '2' },
  { code: '301', name: '毕业年级', parent: '30', aliases: ['研究生毕业年级学生'] },
  { code: '302', name: '一年级', parent: '30', aliases: ['研究生一年级学生'] },
  { code: '303', name: '其他年级', parent: '30', aliases: ['研究生其他年级学生'] },
  { code: '311', name: '毕业年级', parent: '31', aliases: ['大学本科毕业年级学生'] },
  { code: '312', name: '一年级', parent: '31', aliases: ['大学本科一年级学生'] },
  { code: '313', name: '其他年级', parent: '31', aliases: ['大学本科其他年级学生'] },
  { code: '321', name: '毕业年级', parent: '32', aliases: ['大学专科毕业年级学生'] },
  { code: '322', name: '一年级', parent: '32', aliases: ['大学专科一年级学生'] },
  { code: '323', name: '其他年级', parent: '32', aliases: ['大学专科其他年级学生'] },
  { code: '33', name: '中等专业学校学生', parent: '3' },
  { code: '34', name: '高中学生', parent: '3' },
  { code: '35', name: '技工学校学生', parent: '3' },
  { code: '501', name: '离休干部', parent: '5' },
  { code: '502', name: '退休人员', parent: '5' },
  { code: '503', name: '退职人员', parent: '5' },
  { code: '504', name: '内部退养职工', parent: '5' },
  { code: '601', name: '大学生村官', parent: '6' },
  { code: '602', name: '社区工作人员', parent: '6' },
  { code: '603', name: '停薪留职人员', parent: '6' },
  { code: '604', name: '个体工商户中的从业人员', parent: '6' },
  { code: '605', name: '自由职业人员', parent: '6' },
  { code: '606', name: '（转业）待安置、学生毕业未就业的人员', parent: '6' },
  { code: '607', name: '公派或因私出国、出境逾期未归的人员', parent: '6' },
  { code: '608', name: '改革后不再保留原机关干部身份，党组织关系仍保留在原单位的人员', parent: '6' },
  { code: '609', name: '企业破产后，领取保险金或被辞退的职工中未重新就业的人员', parent: '6' },
  {
    code: '610',
    name: '由于各种原因，已经离开本人的生产、工作岗位，并已不在本单位从事其他工作，但仍与单位保留劳动关系的职工（不包括内部退养职工）',
    parent: '6',
  },
  { code: '611', name: '党组织关系在人才（劳动）服务中心，不明职业的人员', parent: '6' },
  { code: '612', name: '其他从业人员', parent: '6' },
  { code: '613', name: '其他无业人员', parent: '6' },
] as const satisfies readonly {
  code: string;
  name: string;
  parent: WorkPostNodeCode;
  aliases?: readonly string[];
}[];

export type WorkPostCode = (typeof WORK_POSTS)[number]['code'];
export const WORK_POST_CODES: readonly WorkPostCode[] = WORK_POSTS.map((p) => p.code);

export const WORK_POST_LIST: CodeList<WorkPostCode> = { label: '工作岗位', entries: WORK_POSTS };

/**
 * The name a person reads for a 工作岗位 code (docs/official-forms.md §5.4): the template's name, except the
 * student leaves, whose names (`毕业年级`) say nothing without their group and are read in their long form
 * (`研究生毕业年级学生`). Undefined for an unknown code.
 */
export function workPostName(code: string): string | undefined {
  const leaf: { name: string; aliases?: readonly string[] } | undefined = WORK_POSTS.find(
    (p) => p.code === code,
  );
  if (!leaf) return undefined;
  const student = code.length === 3 && ['30', '31', '32'].includes(code.slice(0, 2));
  return student ? (leaf.aliases?.[0] ?? leaf.name) : leaf.name;
}

/** The top-level group of a leaf (0 在岗职工, 1, 2, 3, 5, 6), walking up the tree. */
export function workPostTopGroup(code: WorkPostCode): WorkPostNodeCode {
  const leaf = WORK_POSTS.find((p) => p.code === code);
  if (!leaf) throw new Error(`unknown 工作岗位 code: ${code}`);
  let node: WorkPostNodeCode = leaf.parent;
  for (;;) {
    const parent: WorkPostNodeCode | null = WORK_POST_NODES.find((n) => n.code === node)?.parent ?? null;
    if (parent === null) return node;
    node = parent;
  }
}

/**
 * The rows of the 党统 工作岗位 stub (T2, T4, T16–T20; docs/official-forms.md §8.2, mapping §9.1 [inf]). 企业 and
 * 工勤技能 rows exist under both 公有制 and 非公有制: see `workPostOwnership`.
 */
export const WORK_POST_GROUPS = [
  { group: 'government_staff', label: '党政机关工作人员', codes: ['011', '012'] },
  { group: 'institution_manager', label: '事业单位管理人员', codes: ['0211'] },
  { group: 'institution_professional', label: '事业单位专业技术人员', codes: ['0212'] },
  { group: 'enterprise_manager', label: '企业管理人员', codes: ['0213', '0215'] },
  { group: 'enterprise_professional', label: '企业专业技术人员', codes: ['0214', '0216'] },
  { group: 'non_enterprise_manager', label: '民办非企业单位管理人员', codes: ['0217'] },
  { group: 'non_enterprise_professional', label: '民办非企业单位专业技术人员', codes: ['0218'] },
  { group: 'skilled_worker', label: '工勤技能人员', codes: ['0311', '0312', '0313', '0314', '0315'] },
  { group: 'farmer', label: '农牧渔民', codes: ['11', '122', '123', '124'] },
  { group: 'military', label: '军人、武警', codes: ['2'] },
  {
    group: 'student',
    label: '学生',
    codes: ['301', '302', '303', '311', '312', '313', '321', '322', '323', '33', '34', '35'],
  },
  { group: 'retired', label: '离退休人员', codes: ['501', '502', '503', '504'] },
  {
    group: 'other',
    label: '其他',
    codes: ['601', '602', '603', '604', '605', '606', '607', '608', '609', '610', '611', '612', '613'],
  },
] as const satisfies readonly { group: string; label: string; codes: readonly WorkPostCode[] }[];

export type WorkPostGroup = (typeof WORK_POST_GROUPS)[number]['group'];

const GROUP_OF: ReadonlyMap<WorkPostCode, WorkPostGroup> = new Map(
  WORK_POST_GROUPS.flatMap((g) => g.codes.map((code) => [code, g.group] as const)),
);

export function workPostGroup(code: WorkPostCode): WorkPostGroup {
  const group = GROUP_OF.get(code);
  if (!group) throw new Error(`工作岗位代码 ${code} has no 党统 row`);
  return group;
}

/** 在岗职工 split into 公有制单位 / 非公有制单位 (T2 stub); everyone else is `null`. 民办非企业 is 非公有制. */
export type Ownership = 'public' | 'non_public';
const NON_PUBLIC: ReadonlySet<string> = new Set(['0215', '0216', '0217', '0218', '0312', '0313']);

export function workPostOwnership(code: WorkPostCode): Ownership | null {
  if (workPostTopGroup(code) !== '0') return null;
  return NON_PUBLIC.has(code) ? 'non_public' : 'public';
}

/**
 * The 职业 of the public bulletin (docs/official-forms.md §10, 2023 wording). The bulletin has no row
 * for 军人、武警, and its eight rows add up to the total, so 2 counts as 其他职业人员.
 */
export const OCCUPATIONS = [
  { occupation: 'worker', label: '工人（工勤技能人员）' },
  { occupation: 'farmer', label: '农牧渔民' },
  { occupation: 'professional', label: '企事业单位、社会组织专业技术人员' },
  { occupation: 'manager', label: '企事业单位、社会组织管理人员' },
  { occupation: 'government_staff', label: '党政机关工作人员' },
  { occupation: 'student', label: '学生' },
  { occupation: 'other', label: '其他职业人员' },
  { occupation: 'retired', label: '离退休人员' },
] as const;
export type Occupation = (typeof OCCUPATIONS)[number]['occupation'];

const OCCUPATION_OF_GROUP: Readonly<Record<WorkPostGroup, Occupation>> = {
  government_staff: 'government_staff',
  institution_manager: 'manager',
  institution_professional: 'professional',
  enterprise_manager: 'manager',
  enterprise_professional: 'professional',
  non_enterprise_manager: 'manager',
  non_enterprise_professional: 'professional',
  skilled_worker: 'worker',
  farmer: 'farmer',
  military: 'other',
  student: 'student',
  retired: 'retired',
  other: 'other',
};

export function occupationOf(code: WorkPostCode): Occupation {
  return OCCUPATION_OF_GROUP[workPostGroup(code)];
}

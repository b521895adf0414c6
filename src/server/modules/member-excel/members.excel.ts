import { EDUCATION_LIST, ETHNICITY_LIST, WORK_POST_LIST } from '../../../domain/codes/index.ts';
import { GENDER_LABELS, MEMBER_CATEGORY_LABELS } from '../../../domain/membership/index.ts';
import {
  choiceParser,
  codedParser,
  dateParser,
  flagParser,
  idParser,
  landlineParser,
  mobileParser,
  textParser,
} from './column-parsers.ts';
import {
  CATEGORY_CHOICES,
  CATEGORY_NAMES,
  type Column,
  coded,
  column,
  DATE_HELP,
  extendedEnd,
  GENDER_CHOICES,
  KIND_CHOICES,
  kindLabel,
  officialStanding,
  REQUIRED_IN_STANDING,
  STANDING_CHOICES,
  standingLabel,
  TEMPLATE_STANDINGS,
  utcDate,
  YES_NO,
  yesNo,
} from './member-record.ts';

/** A 是/否 column, 否 when left blank: the record's flags (流动, 困难, 失联) read and written alike. */
const flagColumn = <K extends string>(
  c: Pick<Column<K, boolean>, 'key' | 'header' | 'format' | 'official' | 'notInTemplate'>,
): Column<K, boolean> => ({
  width: 8,
  kind: 'choice',
  required: '否（默认否）',
  help: '是 / 否',
  list: { values: YES_NO },
  parse: flagParser,
  ...c,
});

/**
 * THE column list of the member roster (docs/design.md §1.9): the template, the importer and the exporter all
 * read it. `header` is the Jiceng template's, `official` the 2017 汇总表's (docs/official-forms.md §4), and
 * `synonyms` the other generation of labels (docs/official-forms.md §7), so that the national system's exports read too.
 */

export const MEMBER_COLUMNS = [
  column({
    key: 'name',
    header: '姓名',
    synonyms: ['党员姓名'],
    width: 12,
    kind: 'text',
    required: '是',
    help: '党员姓名',
    parse: textParser(50),
    format: (r) => r.name,
  }),
  column({
    key: 'org',
    header: '所在党支部（全称或组织代码）',
    official: '所在党支部',
    synonyms: ['组织关系所在党支部', '所在党组织', '党支部'],
    width: 28,
    kind: 'text',
    required: '是',
    help: '党支部或党小组的全称，或其组织代码；须在导入范围之内',
    parse: textParser(100),
    format: (r) => r.orgName,
    // The 2017 form names the 党支部 (the national system looks branches up; it has no 党小组 column).
    formatOfficial: (r) => r.branchName,
  }),
  column({
    key: 'idNumber',
    header: '公民身份号码',
    official: '公民身份证号',
    synonyms: ['公民身份证号码', '身份证号', '身份证号码'],
    width: 22,
    kind: 'id',
    required: '是',
    help: '18位号码（末位可为X）；本列须为文本格式，数值格式会被Excel截断',
    parse: idParser,
    format: (r) => r.idNumber,
  }),
  column({
    key: 'gender',
    header: '性别',
    width: 6,
    kind: 'choice',
    required: '否（按身份号码推算）',
    help: '男 / 女；须与公民身份号码一致',
    list: { values: ['男', '女'] },
    parse: choiceParser(GENDER_CHOICES, '“男”或“女”'),
    format: (r) => GENDER_LABELS[r.gender],
  }),
  column({
    key: 'ethnicity',
    header: '民族',
    width: 12,
    kind: 'coded',
    required: REQUIRED_IN_STANDING,
    help: '见“民族”代码表：可写“01 汉族”、“汉族”或“01”',
    list: { codes: ETHNICITY_LIST },
    parse: codedParser(ETHNICITY_LIST),
    format: (r) => coded(r.ethnicity, ETHNICITY_LIST),
  }),
  column({
    key: 'birthDate',
    header: '出生日期',
    width: 14,
    kind: 'date',
    required: '否（按身份号码推算）',
    help: `${DATE_HELP}；须与公民身份号码一致`,
    parse: dateParser(),
    format: (r) => utcDate(r.birthDate),
  }),
  column({
    key: 'education',
    header: '学历',
    width: 16,
    kind: 'coded',
    required: REQUIRED_IN_STANDING,
    help: '见“学历”代码表：可写“21 大学”、“大学”或“21”',
    list: { codes: EDUCATION_LIST },
    parse: codedParser(EDUCATION_LIST),
    format: (r) => coded(r.education, EDUCATION_LIST),
  }),
  column({
    key: 'kind',
    // The 2017 form's 人员类别 (正式/预备): in Jiceng's words part of 党籍状态. Older Jiceng templates had it
    // under this header, so it still reads (docs/official-forms.md §4.2).
    header: '人员类别（正式党员/预备党员）',
    official: '人员类别',
    width: 14,
    kind: 'choice',
    required: '是（失联、停止党籍可空）',
    help: '正式党员 / 预备党员',
    list: { values: ['正式党员', '预备党员'] },
    parse: choiceParser(KIND_CHOICES, '“正式党员”或“预备党员”'),
    format: kindLabel,
    notInTemplate: true,
  }),
  column({
    key: 'admittedOn',
    header: '加入党组织日期',
    synonyms: ['入党日期', '入党时间', '加入党组织时间'],
    width: 14,
    kind: 'date',
    required: '是',
    help: `${DATE_HELP}；入党时须年满18周岁`,
    parse: dateParser(),
    format: (r) => utcDate(r.admittedOn),
  }),
  column({
    key: 'confirmedOn',
    header: '转为正式党员日期',
    synonyms: ['转正日期', '转正时间'],
    width: 14,
    kind: 'date',
    required: '正式党员必填，预备党员不填',
    help: `${DATE_HELP}；为预备期满之日，即入党满一年之日（预备期延长的为延长后届满之日）；1969年4月1日至1977年8月11日入党的与入党日期相同`,
    parse: dateParser(),
    format: (r) => utcDate(r.confirmedOn),
  }),
  column({
    key: 'workPost',
    header: '工作岗位',
    width: 24,
    kind: 'coded',
    required: REQUIRED_IN_STANDING,
    help: '见“工作岗位”代码表：可写“0212 事业单位专业技术岗位”或代码、名称；代码的开头0不可省略',
    list: { codes: WORK_POST_LIST },
    parse: codedParser(WORK_POST_LIST),
    format: (r) => coded(r.workPost, WORK_POST_LIST),
  }),
  column({
    key: 'phoneMobile',
    header: '手机号',
    synonyms: ['手机号码', '联系电话'],
    width: 14,
    kind: 'phone',
    required: '否',
    help: '11位手机号码',
    parse: mobileParser,
    format: (r) => r.phoneMobile,
  }),
  column({
    key: 'phoneLandline',
    header: '固定电话',
    width: 16,
    kind: 'phone',
    required: '否',
    help: '“区号-号码”，如010-12345678',
    parse: landlineParser,
    format: (r) => r.phoneLandline,
  }),
  column({
    key: 'address',
    header: '家庭住址',
    synonyms: ['现居住地', '家庭住址（具体到门牌号）'],
    width: 30,
    kind: 'text',
    required: '否',
    help: '具体到门牌号',
    parse: textParser(200),
    format: (r) => r.address,
  }),
  column({
    key: 'category',
    // The UI's 人员类别 (for dues). The hint tells it from the 2017 form's 人员类别 (正式/预备), which the bare
    // label means; older Jiceng templates called it 党员类别.
    header: '人员类别（在职/离退休等）',
    synonyms: ['党员类别', '缴费类别'],
    width: 16,
    kind: 'choice',
    required: '否（按工作岗位推算）',
    help: `${CATEGORY_NAMES.join(' / ')}（用于党费计算）；不填时按工作岗位推算`,
    list: { values: CATEGORY_NAMES },
    parse: choiceParser(CATEGORY_CHOICES, `${CATEGORY_NAMES.map((n) => `“${n}”`).join('、')}之一`),
    format: (r) => MEMBER_CATEGORY_LABELS[r.category],
  }),
  flagColumn({
    key: 'isMobile',
    header: '是否流动党员',
    official: '是否为流动党员',
    format: (r) => yesNo(r.isMobile),
  }),
  column({
    key: 'outflowDestination',
    header: '外出流向',
    width: 24,
    kind: 'text',
    required: '流动党员必填，其他不填',
    help: '省+市+区/县，如“广东省深圳市南山区”',
    parse: textParser(200),
    format: (r) => r.outflowDestination,
  }),
  flagColumn({ key: 'isHardship', header: '是否困难党员', format: (r) => yesNo(r.isHardship) }),
  column({
    key: 'standing',
    header: '党籍状态',
    width: 12,
    kind: 'choice',
    required: '是',
    help: `${TEMPLATE_STANDINGS.join(' / ')}（与系统中的“党籍状态”一致）；2017年汇总表的“正常 / 停止党籍”也可读取`,
    list: { values: TEMPLATE_STANDINGS },
    parse: choiceParser(STANDING_CHOICES, `${TEMPLATE_STANDINGS.map((s) => `“${s}”`).join('、')}之一`),
    format: standingLabel,
    formatOfficial: officialStanding,
  }),
  flagColumn({
    key: 'isUnreachable',
    header: '是否失联党员',
    official: '是否为失联党员',
    format: (r) => yesNo(r.status === 'unreachable'),
    notInTemplate: true,
  }),
  column({
    key: 'lostContactOn',
    header: '失去联系日期',
    width: 14,
    kind: 'date',
    required: '失联党员填写，其他不填',
    help: `${DATE_HELP}；可只填年月（如2020年3月），按当月1日记录`,
    parse: dateParser({ monthOk: true }),
    // Only a 失联党员's: a date kept from before a suspension or a leaving is history, not a current fact.
    format: (r) => utcDate(r.status === 'unreachable' ? r.lostContactOn : null),
  }),
  column({
    key: 'probationEndsOn',
    header: '预备期延长至',
    synonyms: ['延长预备期至', '延长预备期时间'],
    width: 14,
    kind: 'date',
    required: '预备期延长过的填写',
    help: `${DATE_HELP}；预备期经支部大会决定并经上级党组织批准延长的，填写延长后的届满日期（入党满一年后再延长6个月至1年）`,
    parse: dateParser(),
    format: (r) => utcDate(extendedEnd(r)),
  }),
] as const;

export type MemberColumn = (typeof MEMBER_COLUMNS)[number];
/** The columns of the Jiceng template and its export, in order (the others are read only). */
export const TEMPLATE_COLUMNS: readonly MemberColumn[] = MEMBER_COLUMNS.filter(
  (c) => !('notInTemplate' in c),
);
export type ColumnKey = MemberColumn['key'];
type ValueOf<C> = C extends Column<string, infer T> ? T : never;
/** A row's parsed values by column key (null: blank). */
export type ParsedValues = { -readonly [C in MemberColumn as C['key']]: ValueOf<C> | null };

export const COLUMN_BY_KEY = new Map<ColumnKey, MemberColumn>(MEMBER_COLUMNS.map((c) => [c.key, c]));

export function columnOf(key: ColumnKey): MemberColumn {
  return COLUMN_BY_KEY.get(key) as MemberColumn;
}

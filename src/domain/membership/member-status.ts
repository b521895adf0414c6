/**
 * A member's standing (GLOSSARY.md, People; docs/membership.md §2). Every change is an effective-dated event;
 * the roster lists the first four; `left`, `deceased` and `transferred_out` stay on record as history.
 */
export const MEMBER_STATUSES = [
  'probationary',
  'full',
  'suspended',
  'unreachable',
  'left',
  'deceased',
  'transferred_out',
] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

export const MEMBER_STATUS_LABELS: Record<MemberStatus, string> = {
  probationary: '预备党员',
  full: '正式党员',
  suspended: '停止党籍',
  unreachable: '失联党员',
  left: '已出党',
  deceased: '已去世',
  transferred_out: '已转出',
};

/**
 * 党员总数 (在册党员, docs/membership.md §1): the ONE definition of who counts, used by the statistics, the branch
 * size findings, the 增减台账, the 工作台 and the exports alike. 预备党员, 正式党员 and 失联党员 placed in the
 * deployment; 停止党籍 is a decrease of the count (党统 T1) and shown as its own figure beside it.
 */
export const COUNTED_STATUSES: readonly MemberStatus[] = ['probationary', 'full', 'unreachable'];

/** Counted in 党员总数 (docs/membership.md §1). */
export function isCounted(status: MemberStatus): boolean {
  return COUNTED_STATUSES.includes(status);
}

/**
 * The current records of a branch (its roster list): the counted members and the 停止党籍 ones, who are still
 * the branch's to look after (restored, or removed after two years) but outside 党员总数 (docs/membership.md §1).
 */
export const ROSTER_STATUSES: readonly MemberStatus[] = [...COUNTED_STATUSES, 'suspended'];

export function isOnRoster(status: MemberStatus): boolean {
  return ROSTER_STATUSES.includes(status);
}

/**
 * The categories of 出党 of 党统 T10 (docs/membership.md §5), as a new 出党 is recorded. 死亡 is not 出党: it is its
 * own kind of leaving (status `deceased`, event `died`).
 */
export const LEAVING_CATEGORIES = [
  'withdrawn',
  'persuaded',
  'removed_refused',
  'removed_lapsed',
  'expelled',
  'not_recognized',
  'probation_cancelled',
] as const;
export type LeavingCategory = (typeof LEAVING_CATEGORIES)[number];

/**
 * What a member's 出党 may be stored as: a T10 category, or `removed`, a 除名 recorded before the categories were
 * (read and shown, never chosen again).
 */
export const LEFT_REASONS = [...LEAVING_CATEGORIES, 'removed'] as const;
export type LeftReason = (typeof LEFT_REASONS)[number];

export const LEFT_REASON_LABELS: Record<LeftReason, string> = {
  withdrawn: '退党',
  persuaded: '劝退',
  removed_refused: '劝而不退除名',
  removed_lapsed: '自行脱党除名',
  expelled: '开除党籍',
  not_recognized: '不予承认',
  probation_cancelled: '取消预备党员资格',
  removed: '除名（未分类）',
};

/**
 * The procedure each 出党 needs (党章第九条; docs/membership.md §5): 退党 is filed (备案) with the level above; 劝退,
 * the 除名 cases, 不予承认 and 取消预备党员资格 need its approval (审批); 开除党籍 is a discipline decision
 * (纪律处分决定). Each is recorded with the org above that acted, its document number and date.
 */
export const LEAVING_PROCEDURES = ['filed', 'approved', 'discipline'] as const;
export type LeavingProcedure = (typeof LEAVING_PROCEDURES)[number];

export const LEAVING_PROCEDURE_OF: Record<LeavingCategory, LeavingProcedure> = {
  withdrawn: 'filed',
  persuaded: 'approved',
  removed_refused: 'approved',
  removed_lapsed: 'approved',
  expelled: 'discipline',
  not_recognized: 'approved',
  probation_cancelled: 'approved',
};

export const LEAVING_PROCEDURE_LABELS: Record<LeavingProcedure, string> = {
  filed: '报上级党组织备案',
  approved: '经上级党组织批准',
  discipline: '党纪处分决定',
};

/**
 * Member category (人员类别 for dues, 中组发〔2008〕3号 第二、五、六条; docs/membership.md §10): in service, retired, and
 * those who pay a fixed small amount (农民党员, 学生, 下岗失业, living on 抚恤/救济/低保), plus 个体经营 (base = last quarter).
 */
export const MEMBER_CATEGORIES = [
  'employed',
  'retired',
  'farmer',
  'student',
  'unemployed',
  'welfare',
  'self_employed',
  'other',
] as const;
export type MemberCategory = (typeof MEMBER_CATEGORIES)[number];

export const MEMBER_CATEGORY_LABELS: Record<MemberCategory, string> = {
  employed: '在职',
  retired: '离退休',
  farmer: '农民',
  student: '学生',
  unemployed: '下岗失业',
  welfare: '领取抚恤救济低保',
  self_employed: '个体经营',
  other: '其他',
};

export const GENDERS = ['male', 'female'] as const;
export type Gender = (typeof GENDERS)[number];
export const GENDER_LABELS: Record<Gender, string> = { male: '男', female: '女' };

/**
 * A member's standing (GLOSSARY.md, People; docs/membership.md §2). Every change is an effective-dated event;
 * the roster counts the first four; `left` and `transferred_out` stay on record as history.
 */
export const MEMBER_STATUSES = [
  'probationary',
  'full',
  'suspended',
  'unreachable',
  'left',
  'transferred_out',
] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

export const MEMBER_STATUS_LABELS: Record<MemberStatus, string> = {
  probationary: '预备党员',
  full: '正式党员',
  suspended: '停止党籍',
  unreachable: '失联党员',
  left: '已出党',
  transferred_out: '已转出',
};

/** On the roster of their branch: counted in statistics and org findings. */
export const ROSTER_STATUSES: readonly MemberStatus[] = ['probationary', 'full', 'suspended', 'unreachable'];

export function isOnRoster(status: MemberStatus): boolean {
  return ROSTER_STATUSES.includes(status);
}

/** 出党 (除名、退党、开除、死亡) and 取消预备党员资格 (党章第七条; docs/membership.md §5). */
export const LEFT_REASONS = ['removed', 'withdrawn', 'expelled', 'deceased', 'probation_cancelled'] as const;
export type LeftReason = (typeof LEFT_REASONS)[number];

export const LEFT_REASON_LABELS: Record<LeftReason, string> = {
  removed: '除名',
  withdrawn: '退党',
  expelled: '开除党籍',
  deceased: '死亡',
  probation_cancelled: '取消预备党员资格',
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

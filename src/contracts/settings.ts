import { INITIAL_PASSWORD_LENGTH_BOUNDS, USERNAME_RULES } from '../domain/access/index.ts';
import { CLOSED_PERIOD_POLICIES, TRANSFER_VALIDITY_BOUNDS } from '../domain/membership/index.ts';
import { ORG_KINDS } from '../domain/org/index.ts';
import {
  EXCELLENT_DIVISOR_BOUNDS,
  EXPECTED_EXCLUSION_REASONS,
  MAX_ATTACHMENT_MB_BOUNDS,
  TALK_PAIRINGS,
} from '../domain/org-life/index.ts';
import { UPLOAD_LIMIT_BOUNDS, type UploadLimitKey } from '../domain/shared/index.ts';
import { z } from './zod-zh.ts';

/** 安全策略, kept by the 安全管理员. Bounds keep a setting from disabling the protection it configures. */
export const SecurityPolicySchema = z.object({
  sessionIdleMinutes: z.number().int().min(5).max(480).meta({ description: '会话空闲超时（分钟）' }),
  sessionMaxHours: z.number().int().min(1).max(72).meta({ description: '会话最长有效期（小时）' }),
  lockoutThreshold: z.number().int().min(3).max(20).meta({ description: '连续登录失败锁定次数' }),
  lockoutMinutes: z.number().int().min(1).max(1440).meta({ description: '锁定时长（分钟）' }),
  totpRequiredForOrgAdmin: z.boolean().meta({ description: '组织管理员须使用双因素认证' }),
});

const TermPolicyFields = {
  committeeYears: z.number().int().min(3).max(5).meta({ description: '基层党委任期（年）' }),
  generalBranchYears: z.number().int().min(3).max(5).meta({ description: '党总支任期（年）' }),
  branchYears: z.number().int().min(3).max(5).meta({ description: '党支部任期（年）' }),
  communityYears: z.number().int().min(3).max(5).meta({ description: '村、社区党组织任期（年）' }),
  warnMonths: z.number().int().min(1).max(12).meta({ description: '换届提醒提前（月）' }),
  urgentMonths: z.number().int().min(1).max(12).meta({ description: '换届紧急提醒提前（月）' }),
  vacancyCriticalDays: z.number().int().min(1).max(365).meta({ description: '书记空缺严重提醒（天）' }),
  followedKinds: z
    .array(z.enum(ORG_KINDS))
    .max(ORG_KINDS.length)
    .meta({ description: '提醒书记空缺和换届的组织类别（本系统负责选举或指定其负责人的组织）' }),
};

const urgentWithinWarn = {
  check: (p: { urgentMonths: number; warnMonths: number }) => p.urgentMonths <= p.warnMonths,
  issue: { message: '紧急提醒的提前量不能大于一般提醒', path: ['urgentMonths'] },
};

/** 组织参数, kept by the 系统管理员: term lengths (党章第三十一条) and reminder windows. */
export const TermPolicySchema = z
  .object(TermPolicyFields)
  .refine(urgentWithinWarn.check, urgentWithinWarn.issue);

const TransferPolicyFields = {
  transferValidityMonths: z
    .number()
    .int()
    .min(TRANSFER_VALIDITY_BOUNDS.min)
    .max(TRANSFER_VALIDITY_BOUNDS.max)
    .meta({ description: '组织关系介绍信有效期（月）' }),
};

/** 组织关系转接 parameters, in the same `org` group: a transfer letter's validity (docs/membership.md §7.2). */
export const TransferPolicySchema = z.object(TransferPolicyFields);

/** 关账后的更改, in the same `org` group: refuse a change to a closed 增减台账 period, or book it as a correction. */
export const CLOSED_PERIOD_POLICY_LABELS: Record<(typeof CLOSED_PERIOD_POLICIES)[number], string> = {
  refuse: '拒绝并说明原因',
  correct_in_current: '作为更正计入当前期间',
};
const LedgerPolicyFields = {
  closedPeriodPolicy: z.enum(CLOSED_PERIOD_POLICIES).meta({ description: '已关账期间的更改' }),
};

/** The `org` group: term, transfer and ledger policies side by side, one object so that forms can read its fields. */
export const OrgSettingsSchema = z
  .object({ ...TermPolicyFields, ...TransferPolicyFields, ...LedgerPolicyFields })
  .refine(urgentWithinWarn.check, urgentWithinWarn.issue);

const limit = (key: UploadLimitKey, description: string) =>
  z.number().int().min(UPLOAD_LIMIT_BOUNDS[key].min).max(UPLOAD_LIMIT_BOUNDS[key].max).meta({ description });

/** 导入限制, kept by the 系统管理员: the bounds of an uploaded roster (src/domain/shared/upload-limits.ts). */
export const ImportLimitsSchema = z.object({
  maxFileMb: limit('maxFileMb', '上传文件大小上限（MB）'),
  maxInflatedMb: limit('maxInflatedMb', '解压后内容上限（MB）'),
  maxSharedStringsMb: limit('maxSharedStringsMb', '共享字符串上限（MB）'),
  maxRows: limit('maxRows', '数据行数上限'),
  maxColumns: limit('maxColumns', '列数上限'),
  maxIssues: limit('maxIssues', '每个文件保留的问题数'),
  errorFileHours: limit('errorFileHours', '错误明细文件保留时长（小时）'),
});

/**
 * 党员账号, kept by the 系统管理员: how the accounts opened for members are named and how long their generated
 * initial passwords are (docs/security.md §2.1). The password policy still applies to every password.
 */
export const MemberAccountPolicySchema = z.object({
  usernamePrefix: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{0,11}$/, '前缀须以小写字母开头，1–12位，只含小写字母、数字、下划线')
    .meta({ description: '用户名前缀' }),
  usernameRule: z.enum(USERNAME_RULES).meta({ description: '用户名规则' }),
  initialPasswordLength: z
    .number()
    .int()
    .min(INITIAL_PASSWORD_LENGTH_BOUNDS.min)
    .max(INITIAL_PASSWORD_LENGTH_BOUNDS.max)
    .meta({ description: '初始密码长度' }),
});

/**
 * 组织生活, kept by the 系统管理员 (docs/organizational-life.md §2, §4): the reasons offered for taking a member out
 * of 应到会 (a subset of the closed list), the days allowed for 补课, the check-in window around a meeting and the
 * largest attachment. Other parameters of organizational life join this group.
 */
export const OrgLifeSettingsSchema = z.object({
  exclusionReasons: z
    .array(z.enum(EXPECTED_EXCLUSION_REASONS))
    .max(EXPECTED_EXCLUSION_REASONS.length)
    .refine((r) => new Set(r).size === r.length, { message: '事由不能重复' })
    .meta({ description: '不计入应到会的事由' }),
  makeUpDays: z.number().int().min(1).max(180).meta({ description: '补课期限（会后天数）' }),
  checkInBeforeMinutes: z.number().int().min(0).max(240).meta({ description: '签到开始（会前分钟）' }),
  checkInAfterMinutes: z.number().int().min(0).max(720).meta({ description: '签到截止（会后分钟）' }),
  maxAttachmentMb: z
    .number()
    .int()
    .min(MAX_ATTACHMENT_MB_BOUNDS.min)
    .max(MAX_ATTACHMENT_MB_BOUNDS.max)
    .meta({ description: '会议附件大小上限（MB）' }),
  appraisalGradeProbationary: z.boolean().meta({ description: '民主评议时预备党员评定等次' }),
  appraisalExcellentDivisor: z
    .number()
    .int()
    .min(EXCELLENT_DIVISOR_BOUNDS.min)
    .max(EXCELLENT_DIVISOR_BOUNDS.max)
    .meta({ description: '优秀比例提示（不超过评定人数的几分之一）' }),
  talkPairings: z
    .array(z.enum(TALK_PAIRINGS))
    .max(TALK_PAIRINGS.length)
    .refine((r) => new Set(r).size === r.length, { message: '人员组合不能重复' })
    .meta({ description: '每年须谈心谈话的人员组合' }),
});

export const SETTING_GROUPS = ['security', 'org', 'import', 'accounts', 'orgLife'] as const;
export type SettingGroup = (typeof SETTING_GROUPS)[number];

export const SettingGroupParams = z.object({ group: z.enum(SETTING_GROUPS) });

export const SettingView = z.object({
  group: z.enum(SETTING_GROUPS),
  value: z.record(z.string(), z.unknown()),
  version: z.number().int(),
  updatedAt: z.string().nullable(),
});

export const UpdateSettingBody = z.object({
  value: z.record(z.string(), z.unknown()),
  version: z
    .number()
    .int()
    .min(0)
    .max(2_147_483_647)
    .meta({ description: '读取时的版本号；从未修改过的参数为 0' }),
});

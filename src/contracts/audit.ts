import { IdSchema, IsoDateSchema, PageQuery, pageOf } from './common.ts';
import { z } from './zod-zh.ts';

/**
 * Every audited action, with the Chinese label the audit pages and exports show. Closed: the audit writer accepts
 * only these keys (AuditAction) and the database refuses any other (a CHECK constraint on audit_log.action).
 */
export const AUDIT_ACTION_LABELS = {
  'auth.login': '登录',
  'auth.login_failed': '登录失败',
  'auth.logout': '退出登录',
  'auth.account_locked': '账号锁定',
  'auth.password_change': '修改密码',
  'auth.password_change_failed': '修改密码失败（当前密码错误）',
  'auth.second_factor_failed': '双因素认证失败',
  'auth.second_factor_enable': '启用双因素认证',
  'auth.second_factor_disable': '关闭双因素认证',
  'auth.recovery_codes_regenerate': '重新生成恢复码',
  'api_token.create': '创建API令牌',
  'api_token.revoke': '吊销API令牌',
  'settings.update': '修改参数',
  'user.bootstrap': '初始化管理员',
  'user.create': '新建用户',
  'user.update': '修改用户',
  'user.unlock': '解锁账号',
  'user.password_reset': '重置密码',
  'user.second_factor_reset': '重置双因素认证',
  'user.deactivate': '停用账号',
  'user.reactivate': '启用账号',
  'user.member_account_open': '为党员开通账号',
  'user.initial_passwords_export': '下载党员账号初始密码表',
  'user.member_account_close': '党员离开，停用其账号',
  'role.grant': '授予角色',
  'role.revoke': '撤销角色',
  'org.create': '新建组织',
  'org.update': '修改组织',
  'org.move': '调整隶属关系',
  'org.dissolve': '撤销组织',
  'leadership.create': '班子成员任职',
  'leadership.update': '修改任职',
  'leadership.end': '班子成员离任',
  'term.renew': '换届（新一届委员会）',
  'audit_log.export': '导出审计日志',
  'member.create': '新增党员',
  'member.update': '修改党员信息',
  'member.reveal': '查看完整身份证号',
  'member.id_conflict': '身份证号与管辖范围外人员重复',
  'member.status_change': '党员状态变更',
  'member.self_update': '党员修改本人联系方式',
  'member.group_move': '调整党小组',
  'member.decision_record': '录入支部大会决定',
  'member.decision_approve': '录入上级党组织批准',
  'member.decision_withdraw': '撤回待批准的决定',
  'transfer.create': '开具组织关系介绍信',
  'transfer.receive': '接收组织关系',
  'transfer.reject': '退回组织关系',
  'transfer.cancel': '撤销组织关系转接',
  'transfer.complete_out': '转出至系统外',
  'transfer.print': '打印组织关系介绍信',
  'member.import': '导入党员',
  'member.export': '导出党员名册',
  'import_batch.undo': '撤销导入批次',
  'ledger.export': '导出党员增减台账',
  'ledger.close': '增减台账关账',
  'ledger.reopen': '增减台账取消关账',
  'meeting.register_export': '导出会议记录本',
  'org_life.exemption_create': '批准组织生活免于考核',
  'org_life.exemption_delete': '撤销组织生活免于考核',
  'org_life.rule_set_create': '新建组织生活考核规则版本',
  'org_life.rule_set_update': '修改组织生活考核规则版本',
  'org_life.rule_set_delete': '删除组织生活考核规则版本',
  'appraisal.create': '开展民主评议',
  'appraisal.participant': '录入民主评议自评、互评或等次',
  'appraisal.ballot': '党员互评投票',
  'appraisal.close': '民主评议办结',
  'appraisal.reopen': '民主评议重新打开',
  'appraisal.case_create': '登记不合格党员处置',
  'appraisal.case_update': '办理不合格党员处置',
  'appraisal.case_delete': '删除不合格党员处置',
  'lapse_case.open': '党章第九条情形立案',
  'lapse_case.step': '记录党章第九条情形办理步骤',
  'lapse_case.close': '党章第九条情形办结',
  'dues_base.set': '核定党费计算基数',
  'dues_base.import': '导入党费计算基数',
  'dues_base.export': '导出党费计算基数',
  'dues_charges.generate': '生成月度应缴党费',
  'dues_reduction.create': '登记党费减免',
  'dues_reduction.approve': '批准党费减免',
  'dues_reduction.reject': '不批准党费减免',
  'dues_reduction.withdraw': '撤回党费减免',
  'dues_sheet.export': '导出党费收缴表',
  'dues_payment.record': '登记交纳党费',
  'dues_payment.reverse': '冲正党费交纳记录',
  'dues_special.record': '登记特殊党费',
  'dues.rule_set_create': '新建党费收缴标准版本',
  'dues.rule_set_update': '修改党费收缴标准版本',
  'dues.rule_set_delete': '删除党费收缴标准版本',
  'talk.create': '登记谈心谈话',
  'talk.update': '修改谈心谈话',
  'talk.delete': '删除谈心谈话',
  'meeting.create': '新建会议',
  'meeting.update': '修改会议',
  'meeting.delete': '删除会议',
  'meeting.hold': '登记会议已召开',
  'meeting.close': '办结会议',
  'meeting.reopen': '重新打开会议',
  'meeting.attendance': '登记会议出勤',
  'meeting.check_in': '党员扫码签到',
  'meeting.leave_request': '党员会前请假',
  'meeting.attachment_add': '上传会议附件',
  'meeting.attachment_remove': '删除会议附件',
  'meeting.vote': '登记会议表决',
  'system.backup': '数据备份',
  'system.restore': '数据恢复',
} as const satisfies Record<string, string>;

export type AuditAction = keyof typeof AUDIT_ACTION_LABELS;
export const AUDIT_ACTIONS = Object.keys(AUDIT_ACTION_LABELS) as [AuditAction, ...AuditAction[]];
export const AuditActionSchema = z.enum(AUDIT_ACTIONS);

/**
 * The kinds of record the audit log speaks about, as the audit page, its filter and its export name them. Closed
 * like the actions (a CHECK constraint on audit_log.entity_type).
 */
export const AUDIT_ENTITY_TYPE_LABELS = {
  user: '用户账号',
  role_assignment: '角色授予',
  org: '党组织',
  leadership_post: '班子任职',
  committee_term: '委员会届期',
  settings: '系统参数',
  api_token: 'API令牌',
  audit_log: '审计日志',
  member: '党员',
  person: '人员信息',
  transfer: '组织关系转接',
  import_batch: '导入批次',
  backup: '备份文件',
  ledger_period: '台账期间',
  meeting: '会议',
  org_life_exemption: '组织生活免于考核',
  org_life_rule_set: '组织生活考核规则版本',
  appraisal: '民主评议',
  appraisal_case: '不合格党员处置',
  talk: '谈心谈话',
  lapse_case: '党章第九条情形（自行脱党）',
  dues_base: '党费计算基数',
  dues_month: '党费月份（应缴生成）',
  dues_reduction: '党费减免',
  dues_ledger_entry: '党费交纳记录',
  dues_rule_set: '党费收缴标准版本',
} as const satisfies Record<string, string>;

export type AuditEntityType = keyof typeof AUDIT_ENTITY_TYPE_LABELS;
export const AUDIT_ENTITY_TYPES = Object.keys(AUDIT_ENTITY_TYPE_LABELS) as [
  AuditEntityType,
  ...AuditEntityType[],
];
export const AuditEntityTypeSchema = z.enum(AUDIT_ENTITY_TYPES);

/**
 * Why a refusal was audited (`note.reason` of the row of an AUDITED_REFUSAL_ACTIONS action: a failed login, a wrong
 * second-factor code, an ID number held outside the actor's scope), as the audit page names it. Closed like the
 * actions (a CHECK constraint on audit_log.diff's note.reason for those actions). Other actions' notes may carry a
 * person's own words as `reason` (a status change's 原因), which no vocabulary closes.
 */
export const AUDIT_NOTE_REASON_LABELS = {
  unknown_user: '用户名不存在',
  wrong_password: '密码错误',
  account_locked: '账号已锁定',
  account_deactivated: '账号已停用',
  wrong_current_password: '原密码错误',
  invalid_second_factor: '验证码不正确',
  code_already_used: '验证码已使用过',
  id_number_held_outside_scope: '身份证号已在管理范围外登记',
} as const satisfies Record<string, string>;

export type AuditNoteReason = keyof typeof AUDIT_NOTE_REASON_LABELS;
export const AUDIT_NOTE_REASONS = Object.keys(AUDIT_NOTE_REASON_LABELS) as [
  AuditNoteReason,
  ...AuditNoteReason[],
];
export const AuditNoteReasonSchema = z.enum(AUDIT_NOTE_REASONS);

/** The refusals the audit log keeps, whose `note.reason` is an AuditNoteReason. */
export const AUDITED_REFUSAL_ACTIONS = [
  'auth.login_failed',
  'auth.password_change_failed',
  'auth.second_factor_failed',
  'member.id_conflict',
] as const satisfies readonly AuditAction[];
export type AuditedRefusalAction = (typeof AUDITED_REFUSAL_ACTIONS)[number];

export const AuditLogQuery = PageQuery.extend({
  from: IsoDateSchema.optional(),
  to: IsoDateSchema.optional(),
  /** Username of the actor (exact). */
  actor: z.string().trim().max(64).optional(),
  action: AuditActionSchema.optional(),
  entityType: AuditEntityTypeSchema.optional(),
  entityId: z.string().trim().max(64).optional(),
  /** Entries about orgs in this subtree. */
  orgId: IdSchema.optional(),
});

export const AuditLogView = z.object({
  id: z.number().int(),
  at: z.string(),
  actorId: z.number().int().nullable(),
  actorUsername: z.string().nullable(),
  /** The actor's name (the account's 姓名), when the account still exists. */
  actorName: z.string().nullable(),
  role: z.string().nullable(),
  action: AuditActionSchema,
  entityType: AuditEntityTypeSchema,
  entityId: z.string().nullable(),
  /**
   * What the entry is about as a person reads it (the member's or the account's name, the org's name, the file
   * name of an import); null when the record lies outside the reader's scope today or no longer exists.
   */
  entityName: z.string().nullable(),
  orgId: z.number().int().nullable(),
  orgName: z.string().nullable(),
  diff: z.record(z.string(), z.unknown()).nullable(),
  /**
   * Names of the records the change mentions by id, keyed by id: orgs (`parentId`, `orgId`, the ids of a
   * `path`), members (`memberId`), persons (`personId`) and accounts (`userId`). Only records in the reader's
   * scope are named; the others stay ids.
   */
  refNames: z.object({
    orgs: z.record(z.string(), z.string()),
    members: z.record(z.string(), z.string()),
    persons: z.record(z.string(), z.string()),
    users: z.record(z.string(), z.string()),
  }),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
});
export const AuditLogPage = pageOf(AuditLogView);

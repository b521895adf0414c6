import type { SettingGroup } from '../../../contracts/settings.ts';

/** A number with its unit, or (`switch`) an on/off parameter. */
export type PolicyField = {
  key: string;
  unit: string;
  help?: string;
  kind?:
    | 'switch'
    | 'org-kinds'
    | 'text'
    | 'username-rule'
    | 'closed-period-policy'
    | 'talk-pairings'
    | 'exclusion-reasons';
};

/** The order, units and help of each parameter; labels and bounds come from the contract schemas. */
export const POLICY_FIELDS: Record<SettingGroup, PolicyField[]> = {
  security: [
    { key: 'sessionIdleMinutes', unit: '分钟', help: '用户无操作超过该时长后须重新登录。' },
    { key: 'sessionMaxHours', unit: '小时', help: '无论是否操作，登录超过该时长后须重新登录。' },
    { key: 'lockoutThreshold', unit: '次', help: '连续输错密码达到该次数，账号被临时锁定。' },
    { key: 'lockoutMinutes', unit: '分钟', help: '锁定期满自动解锁；安全管理员或组织管理员也可提前解锁。' },
    {
      key: 'totpRequiredForOrgAdmin',
      unit: '',
      kind: 'switch',
      help: '开启后，组织管理员登录须输入手机身份验证器的动态验证码（系统、安全、审计管理员始终须使用）。组织管理员可查看完整身份证号，等保第三级要求开启。',
    },
  ],
  org: [
    { key: 'committeeYears', unit: '年', help: '党章第三十一条：基层委员会每届任期三年至五年。' },
    { key: 'generalBranchYears', unit: '年' },
    { key: 'branchYears', unit: '年' },
    { key: 'communityYears', unit: '年', help: '村、社区党组织（含党委、总支、支部）每届任期一般为五年。' },
    { key: 'warnMonths', unit: '个月', help: '任期届满前多久开始提醒换届。' },
    { key: 'urgentMonths', unit: '个月', help: '任期届满前多久提醒升级为紧急，不能大于一般提醒。' },
    { key: 'vacancyCriticalDays', unit: '天', help: '书记空缺超过该天数，提醒升级为紧急。' },
    {
      key: 'followedKinds',
      unit: '',
      kind: 'org-kinds',
      help: '只对勾选类别的组织提醒书记（党小组长）空缺和换届。地方党委由上级选举、党工委由上级党委任命，默认不提醒。',
    },
    {
      key: 'transferValidityMonths',
      unit: '个月',
      help: '组织关系介绍信的默认有效期，超过仍未接收的转接标为已超期。',
    },
    {
      key: 'closedPeriodPolicy',
      unit: '',
      kind: 'closed-period-policy',
      help: '增减台账某期关账（已上报）后，补录的变动若会改动该期数字：拒绝并说明原因，或作为“更正”计入当前期间（默认，变动不丢失，已上报的数字也不变）。',
    },
  ],
  import: [
    { key: 'maxFileMb', unit: 'MB', help: '超过该大小的文件在上传时即被拒绝。' },
    {
      key: 'maxInflatedMb',
      unit: 'MB',
      help: '.xlsx 是压缩文件，解压后的内容超过该大小即拒绝（防止压缩炸弹）。',
    },
    { key: 'maxSharedStringsMb', unit: 'MB', help: '读取时在内存中保存的单元格文字总量。' },
    { key: 'maxRows', unit: '行', help: '一个文件（所有工作表合计）的数据行上限，超过请拆分导入。' },
    { key: 'maxColumns', unit: '列' },
    { key: 'maxIssues', unit: '处', help: '检查结果和错误明细文件只保留前这么多处问题，问题总数照常统计。' },
    { key: 'errorFileHours', unit: '小时', help: '错误明细文件含完整身份证号，加密保存，到期自动删除。' },
  ],
  orgLife: [
    {
      key: 'exclusionReasons',
      unit: '',
      kind: 'exclusion-reasons',
      help: '登记出勤时可选的“不计入应到会”事由；不计入的党员不算在应到会和表决权人数内，每次都记录事由。',
    },
    { key: 'makeUpDays', unit: '天', help: '请假或缺席的党员在会后该天数内补课，补课日期超出即拒绝。' },
    { key: 'checkInBeforeMinutes', unit: '分钟', help: '会议计划开始前多久起可以扫码签到。' },
    { key: 'checkInAfterMinutes', unit: '分钟', help: '会议计划结束后多久内仍可扫码签到，过后签到码失效。' },
    { key: 'maxAttachmentMb', unit: 'MB', help: '会议附件（jpg、png、pdf、docx、xlsx）的大小上限。' },
    {
      key: 'appraisalGradeProbationary',
      unit: '',
      kind: 'switch',
      help: '默认预备党员参加民主评议但不评定等次（各地做法不一）；开启后预备党员也评定等次。',
    },
    {
      key: 'appraisalExcellentDivisor',
      unit: '分之一',
      help: '评定为优秀的党员超过评定等次人数的该比例时提示复核（不阻止），一般为三分之一。',
    },
    {
      key: 'talkPairings',
      unit: '',
      kind: 'talk-pairings',
      help: '支部工作条例第十九条：支委之间、支委和党员之间、党员之间每年至少谈心谈话一次；勾选的人员组合计入谈话覆盖情况。',
    },
  ],
  accounts: [
    {
      key: 'usernamePrefix',
      unit: '',
      kind: 'text',
      help: '为党员开通账号时用户名的开头，如 dy（党员）。只影响此后开通的账号。',
    },
    {
      key: 'usernameRule',
      unit: '',
      kind: 'username-rule',
      help: '按党员档案编号生成的用户名唯一且不变；按手机号生成便于记忆，但无手机号或手机号已被使用时仍按档案编号。',
    },
    {
      key: 'initialPasswordLength',
      unit: '位',
      help: '随机生成的初始密码的长度，含大小写字母、数字和符号；党员首次登录须修改。',
    },
  ],
};

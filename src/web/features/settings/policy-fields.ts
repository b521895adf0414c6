import type { SettingGroup } from '../../../contracts/settings.ts';

export type PolicyField = { key: string; unit: string; help?: string };

/** The order, units and help of each parameter; labels and bounds come from the contract schemas. */
export const POLICY_FIELDS: Record<SettingGroup, PolicyField[]> = {
  security: [
    { key: 'sessionIdleMinutes', unit: '分钟', help: '用户无操作超过该时长后须重新登录。' },
    { key: 'sessionMaxHours', unit: '小时', help: '无论是否操作，登录超过该时长后须重新登录。' },
    { key: 'lockoutThreshold', unit: '次', help: '连续输错密码达到该次数，账号被临时锁定。' },
    { key: 'lockoutMinutes', unit: '分钟', help: '锁定期满自动解锁；安全管理员或组织管理员也可提前解锁。' },
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
      key: 'transferValidityMonths',
      unit: '个月',
      help: '组织关系介绍信的默认有效期，超过仍未接收的转接标为已超期。',
    },
  ],
};

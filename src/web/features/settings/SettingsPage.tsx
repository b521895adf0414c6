import { Card, Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import {
  ImportLimitsSchema,
  MemberAccountPolicySchema,
  OrgLifeSettingsSchema,
  OrgSettingsSchema,
  SecurityPolicySchema,
} from '../../../contracts/settings.ts';
import { useMe } from '../../api/auth.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { DuesRuleSetsPanel } from './DuesRuleSetsPanel.tsx';
import { PolicyForm } from './PolicyForm.tsx';
import { RuleSetsPanel } from './RuleSetsPanel.tsx';

/**
 * 参数配置: each group only for its owner (三员分立): 安全策略 for the 安全管理员; 组织参数, 导入限制, 党员账号, 组织生活
 * 组织生活达标规则 (the versions of the rules, docs/organizational-life.md §7.2) and 党费收缴标准 (the versions of the
 * dues rules, docs/dues.md §7) for the 系统管理员.
 */
export function SettingsPage() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const permissions = me.data?.permissions ?? [];
  const tabs = [
    ...(permissions.includes('settings.security')
      ? [
          {
            key: 'security',
            label: '安全策略',
            children: (
              <PolicyForm
                group="security"
                schema={SecurityPolicySchema}
                intro="会话超时、登录失败锁定与组织管理员的双因素认证，修改后对新的登录和请求立即生效。"
              />
            ),
          },
        ]
      : []),
    ...(permissions.includes('settings.system')
      ? [
          {
            key: 'org',
            label: '组织参数',
            children: (
              <PolicyForm
                group="org"
                schema={OrgSettingsSchema}
                intro="党组织默认任期与换届、书记空缺提醒的时间，用于新增任职的默认届满日期和工作台提醒。"
              />
            ),
          },
          {
            key: 'import',
            label: '导入限制',
            children: (
              <PolicyForm
                group="import"
                schema={ImportLimitsSchema}
                intro="上传党员名册的大小和行列上限，以及错误明细文件的保留时长。超过限制的文件被拒绝并说明原因；每项都有上限，不能关闭保护。"
              />
            ),
          },
          {
            key: 'accounts',
            label: '党员账号',
            children: (
              <PolicyForm
                group="accounts"
                schema={MemberAccountPolicySchema}
                intro="党支部书记或组织管理员为党员开通账号时，用户名和初始密码的生成规则。所有密码仍须符合密码策略，党员首次登录须修改密码。"
              />
            ),
          },
          {
            key: 'orgLife',
            label: '组织生活',
            children: (
              <PolicyForm
                group="orgLife"
                schema={OrgLifeSettingsSchema}
                intro="会议应到会的事由、补课期限、扫码签到的时间窗、会议附件大小，以及民主评议和谈心谈话的地方做法。修改后对此后的登记生效。"
              />
            ),
          },
          { key: 'orgLifeRules', label: '组织生活达标规则', children: <RuleSetsPanel /> },
          { key: 'duesRules', label: '党费收缴标准', children: <DuesRuleSetsPanel /> },
        ]
      : []),
  ];
  const requested = params.get('tab');
  const active = tabs.find((t) => t.key === requested)?.key ?? tabs[0]?.key;

  return (
    <>
      <PageHeader
        title="参数配置"
        description="系统参数按三员分立分别由安全管理员和系统管理员维护，每次修改均记入审计日志。"
      />
      <Card>
        <Tabs
          activeKey={active}
          onChange={(key) => setParams({ tab: key }, { replace: true })}
          items={tabs}
        />
      </Card>
    </>
  );
}

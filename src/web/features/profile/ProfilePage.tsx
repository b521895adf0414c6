import { App, Card, Descriptions, Tabs, Tag } from 'antd';
import { useSearchParams } from 'react-router';
import { ROLE_LABELS } from '../../../domain/access/index.ts';
import { useMe } from '../../api/auth.ts';
import { formatDate } from '../../ui/dates.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ChangePasswordForm } from '../auth/ChangePasswordForm.tsx';
import { SecondFactorPanel } from './SecondFactorPanel.tsx';
import { TokensPanel } from './TokensPanel.tsx';

const TABS = ['account', 'password', 'second-factor', 'tokens'] as const;
type Tab = (typeof TABS)[number];

/** 个人设置: the account and its roles, 修改密码, 双因素认证, API令牌. */
export function ProfilePage() {
  const me = useMe();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab');
  const tab: Tab = TABS.includes(requested as Tab) ? (requested as Tab) : 'account';
  if (!me.data) return null;
  const user = me.data;

  return (
    <>
      <PageHeader
        title="个人设置"
        description="查看本人账号与角色，修改登录密码，设置双因素认证，管理用于脚本访问的 API 令牌。"
      />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams({ tab: key }, { replace: true })}
          items={[
            {
              key: 'account',
              label: '账号信息',
              children: (
                <Descriptions
                  column={1}
                  bordered
                  size="small"
                  style={{ maxWidth: 720 }}
                  items={[
                    { key: 'username', label: '用户名', children: user.username },
                    { key: 'name', label: '姓名', children: user.name },
                    {
                      key: 'roles',
                      label: '角色与管辖范围',
                      children: user.assignments.length
                        ? user.assignments.map((a) => (
                            <div key={a.id}>
                              <Tag>{ROLE_LABELS[a.role]}</Tag>
                              {a.orgName}
                              {a.endsOn ? `（至 ${formatDate(a.endsOn)}）` : ''}
                            </div>
                          ))
                        : '暂无角色，请联系本级组织管理员分配',
                    },
                  ]}
                />
              ),
            },
            {
              key: 'password',
              label: '修改密码',
              children: (
                <div style={{ maxWidth: 420 }}>
                  <ChangePasswordForm
                    username={user.username}
                    onChanged={() =>
                      message.success('密码已修改。您在其他设备上的登录和全部 API 令牌已失效。')
                    }
                  />
                </div>
              ),
            },
            { key: 'second-factor', label: '双因素认证', children: <SecondFactorPanel me={user} /> },
            { key: 'tokens', label: 'API令牌', children: <TokensPanel /> },
          ]}
        />
      </Card>
    </>
  );
}

import { Alert, Button, Card, Col, Flex, Row, Statistic, Typography } from 'antd';
import { Link } from 'react-router';
import type { SecurityWorkbenchView } from '../../../contracts/workbench.ts';

const ACTION: Record<SecurityWorkbenchView['notices'][number]['key'], { to: string; text: string }> = {
  totp_org_admin_off: { to: '/system/settings?tab=security', text: '去开启' },
  admins_without_second_factor: { to: '/system/users', text: '查看用户' },
};

/** The security warnings of the 工作台 (second-factor.ts, securityNotices), each with the page that fixes it. */
export function SecurityNotices({ workbench }: { workbench: SecurityWorkbenchView }) {
  return (
    <Flex vertical gap={12}>
      {workbench.notices.map((notice) => (
        <Alert
          key={notice.key}
          type="warning"
          showIcon
          title={notice.message}
          action={
            <Link to={ACTION[notice.key].to}>
              <Button size="small">{ACTION[notice.key].text}</Button>
            </Link>
          }
        />
      ))}
    </Flex>
  );
}

/** The security administrator's figures: administrators still to enrol a second factor, locked accounts. */
export function SecurityFigures({ workbench }: { workbench: SecurityWorkbenchView }) {
  return (
    <Row gutter={[16, 16]}>
      <Col xs={12} md={8}>
        <Card size="small">
          <Statistic
            title="未绑定双因素认证的管理员"
            value={workbench.adminsWithoutSecondFactor}
            suffix="个"
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            下次登录时须先绑定身份验证器
          </Typography.Text>
        </Card>
      </Col>
      <Col xs={12} md={8}>
        <Card size="small">
          <Statistic title="当前被锁定的账号" value={workbench.lockedAccounts} suffix="个" />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            连续登录失败锁定，可在“用户与权限”中解锁
          </Typography.Text>
        </Card>
      </Col>
    </Row>
  );
}

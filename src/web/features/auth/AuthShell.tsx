import { Card, Flex, Typography, theme } from 'antd';
import type { ReactNode } from 'react';
import { BrandMark } from '../../app/BrandMark.tsx';
import { usePageTitle } from '../../ui/use-page-title.ts';

/** The frame of the pages outside the app: login and the forced password change. */
export function AuthShell({ title, children }: { title: string; children: ReactNode }) {
  const { token } = theme.useToken();
  usePageTitle(title);
  return (
    <Flex
      vertical
      align="center"
      justify="center"
      style={{ minHeight: '100vh', padding: 24, background: token.colorBgLayout }}
    >
      <Card style={{ width: '100%', maxWidth: 400 }} styles={{ body: { padding: 32 } }}>
        <Flex vertical align="center" style={{ marginBottom: 8 }}>
          <BrandMark size={40} />
        </Flex>
        <Typography.Title level={4} style={{ textAlign: 'center', marginTop: 0, marginBottom: 24 }}>
          {title}
        </Typography.Title>
        {children}
      </Card>
      <Typography.Text type="secondary" style={{ marginTop: 24, fontSize: 12 }}>
        基层 Jiceng · 开源社区党建工作平台
      </Typography.Text>
    </Flex>
  );
}

import { Flex, Typography, theme } from 'antd';

/** The product's mark: a red seal with 基, and the name beside it when there is room. */
export function BrandMark({ collapsed = false, size = 32 }: { collapsed?: boolean; size?: number }) {
  const { token } = theme.useToken();
  return (
    <Flex align="center" gap={10} style={{ height: 56, paddingInline: collapsed ? 24 : 20 }}>
      <span
        aria-hidden
        style={{
          display: 'inline-flex',
          alignItems: 'center',
          justifyContent: 'center',
          flex: 'none',
          width: size,
          height: size,
          borderRadius: token.borderRadius,
          background: token.colorPrimary,
          color: token.colorTextLightSolid,
          fontWeight: 600,
          fontSize: size * 0.56,
        }}
      >
        基
      </span>
      {collapsed ? null : (
        <Flex vertical style={{ lineHeight: 1.2 }}>
          <Typography.Text strong style={{ fontSize: 16 }}>
            基层
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            社区党建工作平台
          </Typography.Text>
        </Flex>
      )}
    </Flex>
  );
}

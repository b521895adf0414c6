import type { ThemeConfig } from 'antd';

/**
 * The one theme (docs/design.md §4.6). Party red is the primary colour, used sparingly: primary buttons, the
 * selected menu entry, the logo. Links are a sober dark blue so that tables are not a sea of red.
 * Components take colours from these tokens (theme.useToken), never raw values.
 */
export const PARTY_RED = '#C8161D';

export const appTheme: ThemeConfig = {
  token: {
    colorPrimary: PARTY_RED,
    colorLink: '#1f4f8f',
    borderRadius: 6,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'WenQuanYi Micro Hei', 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: { headerBg: '#ffffff', siderBg: '#ffffff', bodyBg: '#f4f5f7', headerHeight: 56 },
    Menu: { itemBg: 'transparent', subMenuItemBg: 'transparent' },
  },
};

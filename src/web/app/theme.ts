import type { ThemeConfig } from 'antd';

/**
 * The one theme (docs/design.md §4.6). Party red is the primary colour, used sparingly: primary buttons, the
 * selected menu entry, the logo. Links are a sober dark blue so that tables are not a sea of red.
 * Components take colours from these tokens (theme.useToken), never raw values.
 */
export const PARTY_RED = '#C8161D';

/**
 * The colour of the field being typed in: a calm blue (the link colour), never the primary red, which is also
 * the error colour of a field — a focused field must not look like a wrong one.
 */
const FOCUS_BLUE = '#1f4f8f';
const FOCUS_RING = 'rgba(31, 79, 143, 0.18)';
const FOCUS_HOVER = '#4a76b5';
const fieldFocus = {
  hoverBorderColor: FOCUS_HOVER,
  activeBorderColor: FOCUS_BLUE,
  activeShadow: `0 0 0 2px ${FOCUS_RING}`,
};

export const appTheme: ThemeConfig = {
  token: {
    colorPrimary: PARTY_RED,
    colorLink: FOCUS_BLUE,
    // The focus ring of buttons, checkboxes and the like.
    controlOutline: FOCUS_RING,
    borderRadius: 6,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'WenQuanYi Micro Hei', 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: { headerBg: '#ffffff', siderBg: '#ffffff', bodyBg: '#f4f5f7', headerHeight: 56 },
    Menu: { itemBg: 'transparent', subMenuItemBg: 'transparent' },
    Input: fieldFocus,
    InputNumber: fieldFocus,
    DatePicker: fieldFocus,
    Mentions: fieldFocus,
    Select: { hoverBorderColor: FOCUS_HOVER, activeBorderColor: FOCUS_BLUE, activeOutlineColor: FOCUS_RING },
  },
};

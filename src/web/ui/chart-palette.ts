import { type GlobalToken, theme } from 'antd';

/**
 * Series colours for charts, from the theme (docs/design.md §4.6: no raw colours). Party red leads, used once
 * per chart; the rest are antd's preset hues, sober enough for statistics.
 */
export function chartPalette(token: GlobalToken): string[] {
  return [
    token.colorPrimary,
    token.blue,
    token.gold,
    token.cyan,
    token.purple,
    token.green,
    token.volcano,
    token.geekblue,
    token.magenta,
    token.lime,
    token.colorTextTertiary,
  ];
}

export function useChartTokens() {
  const { token } = theme.useToken();
  return { token, palette: chartPalette(token) };
}

/**
 * Money in integer 分 (fen), never floating point (docs/dues.md §0): 1 元 = 100 分. A rate is in basis points of the
 * base — 万分之 — so that 0.5% is 50 and every computation stays in integers.
 */
export type Fen = number;
export type BasisPoints = number;

export const FEN_PER_YUAN = 100;
export const BASIS_POINTS = 10_000;

/** `123456` → `'1,234.56'`: how the pages and sheets print an amount of 元. */
export function formatYuan(fen: Fen): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / FEN_PER_YUAN).toLocaleString('en-US');
  return `${sign}${yuan}.${String(abs % FEN_PER_YUAN).padStart(2, '0')}`;
}

/**
 * `'1234.5'` or `'1,234.50'` → `123450`; null when the text is not an amount of 元 with at most two decimals. Parsed
 * from the text, never through a float, so that `'0.29'` is 29 分 and not 28.999….
 */
export function parseYuan(text: string): Fen | null {
  const m = /^(-?)(\d{1,12})(?:\.(\d{1,2}))?$/.exec(text.trim().replaceAll(',', ''));
  if (!m) return null;
  const fen = Number(m[2]) * FEN_PER_YUAN + Number((m[3] ?? '').padEnd(2, '0'));
  return m[1] === '-' ? -fen : fen;
}

/** A rate for people: `50` → `'0.5%'`. */
export function formatRate(bp: BasisPoints): string {
  return `${bp / 100}%`;
}

import type { CodeEntry, CodeList } from './coded-cell.ts';

/**
 * 民族 as coded in the 2017 collection template (docs/official-forms.md §5.2): the 56 民族 of GB 3304 in its
 * order, `01 汉族` … `56 基诺族`, then the template's own `91 其他族` and `92 外国血统` (GB 3304 has 97 and 98 instead).
 */
export const ETHNICITIES = [
  { code: '01', name: '汉族' },
  { code: '02', name: '蒙古族' },
  { code: '03', name: '回族' },
  { code: '04', name: '藏族' },
  { code: '05', name: '维吾尔族' },
  { code: '06', name: '苗族' },
  { code: '07', name: '彝族' },
  { code: '08', name: '壮族' },
  { code: '09', name: '布依族' },
  { code: '10', name: '朝鲜族' },
  { code: '11', name: '满族' },
  { code: '12', name: '侗族' },
  { code: '13', name: '瑶族' },
  { code: '14', name: '白族' },
  { code: '15', name: '土家族' },
  { code: '16', name: '哈尼族' },
  { code: '17', name: '哈萨克族' },
  { code: '18', name: '傣族' },
  { code: '19', name: '黎族' },
  { code: '20', name: '傈僳族' },
  { code: '21', name: '佤族' },
  { code: '22', name: '畲族' },
  { code: '23', name: '高山族' },
  { code: '24', name: '拉祜族' },
  { code: '25', name: '水族' },
  { code: '26', name: '东乡族' },
  { code: '27', name: '纳西族' },
  { code: '28', name: '景颇族' },
  { code: '29', name: '柯尔克孜族' },
  { code: '30', name: '土族' },
  { code: '31', name: '达斡尔族' },
  { code: '32', name: '仫佬族' },
  { code: '33', name: '羌族' },
  { code: '34', name: '布朗族' },
  { code: '35', name: '撒拉族' },
  { code: '36', name: '毛南族' },
  { code: '37', name: '仡佬族' },
  { code: '38', name: '锡伯族' },
  { code: '39', name: '阿昌族' },
  { code: '40', name: '普米族' },
  { code: '41', name: '塔吉克族' },
  { code: '42', name: '怒族' },
  { code: '43', name: '乌孜别克族' },
  { code: '44', name: '俄罗斯族' },
  { code: '45', name: '鄂温克族' },
  { code: '46', name: '德昂族' },
  { code: '47', name: '保安族' },
  { code: '48', name: '裕固族' },
  { code: '49', name: '京族' },
  { code: '50', name: '塔塔尔族' },
  { code: '51', name: '独龙族' },
  { code: '52', name: '鄂伦春族' },
  { code: '53', name: '赫哲族' },
  { code: '54', name: '门巴族' },
  { code: '55', name: '珞巴族' },
  { code: '56', name: '基诺族' },
  { code: '91', name: '其他族' },
  { code: '92', name: '外国血统' },
] as const;

export type EthnicityCode = (typeof ETHNICITIES)[number]['code'];
export const ETHNICITY_CODES: readonly EthnicityCode[] = ETHNICITIES.map((e) => e.code);

/**
 * Spellings met in real rosters: the name without 族 (`汉`, `蒙古`), GB 3304's names for the two extra codes, and
 * the `外国民族` option of another system's form (docs/official-forms.md §5.2, [1]).
 */
function aliasesOf(code: EthnicityCode, name: string): readonly string[] {
  if (code === '91') return ['其他', '未识别民族'];
  if (code === '92') return ['外国血统中国籍人士', '外国民族'];
  return [name.replace(/族$/, '')];
}

export const ETHNICITY_LIST: CodeList<EthnicityCode> = {
  label: '民族',
  entries: ETHNICITIES.map((e): CodeEntry<EthnicityCode> => ({ ...e, aliases: aliasesOf(e.code, e.name) })),
};

export const HAN: EthnicityCode = '01';

/**
 * How an ethnicity counts in the 少数民族 column of the 党统 tables and bulletins (docs/official-forms.md §9.3):
 * - `han`: 01 汉族;
 * - `minority`: 02–56, the 55 少数民族 recognised by the State;
 * - `other`: 91 其他族 (未识别民族) and 92 外国血统 (naturalised citizens of foreign descent). Neither is one of
 *   the 55 少数民族, so neither is counted as 少数民族; they stay visible as their own kind so that
 *   汉族 + 少数民族 + 其他 always adds up to the total. (Census headline figures put everyone who is not 汉族 under
 *   少数民族; if a 党统 指标解释 turns out to do the same, change `other` here, in one place.)
 */
export type EthnicityKind = 'han' | 'minority' | 'other';

export function ethnicityKind(code: EthnicityCode): EthnicityKind {
  if (code === HAN) return 'han';
  if (code === '91' || code === '92') return 'other';
  return 'minority';
}

/** 少数民族: the 55 recognised minorities (02–56); see `ethnicityKind` for 91 and 92. */
export function isMinority(code: EthnicityCode): boolean {
  return ethnicityKind(code) === 'minority';
}

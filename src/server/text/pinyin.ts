import { pinyin } from 'pinyin-pro';

/**
 * Search keys for a person's name: full pinyin (`张三丰` → `zhangsanfeng`) and initials (`zsf`), lower case,
 * without tones or spaces, so that staff can find a member by typing either.
 *
 * - Surnames: pinyin-pro's `surname` mode read at the head of the name picks the surname reading of
 *   多音字 (单 shan, 曾 zeng, 解 xie, 区 ou, 仇 qiu, 朴 piao, 查 zha), including compound surnames (长孙 zhangsun),
 *   while the given name keeps ordinary readings (曾小单 → zengxiaodan).
 * - ü is written v (吕 → lv), as pinyin input methods and most search boxes expect.
 * - Other characters: ASCII letters are kept, lower-cased, as one word each (`李Lucy` → `lilucy`, initials
 *   `ll`); full-width letters are folded to ASCII first; digits, the middle dot of transliterated names (·) and
 *   any other character are dropped.
 */
export type NameSearchKeys = { readonly pinyin: string; readonly initials: string };

export function nameSearchKeys(name: string): NameSearchKeys {
  const syllables = pinyin(name.normalize('NFKC').trim(), {
    mode: 'surname',
    surname: 'head',
    toneType: 'none',
    type: 'all',
    v: true,
    nonZh: 'consecutive', // a run of other characters comes back as one item, split into words below
  });
  const words = syllables.flatMap((s) => (s.isZh ? [s.pinyin.toLowerCase()] : latinWords(s.origin)));
  return { pinyin: words.join(''), initials: words.map((w) => w[0] ?? '').join('') };
}

function latinWords(text: string): string[] {
  return text.toLowerCase().match(/[a-z]+/g) ?? [];
}

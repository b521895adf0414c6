import { describe, expect, it } from 'vitest';
import { type CodeList, findCodeName, formatCodedCell, parseCodedCell } from './coded-cell.ts';
import { EDUCATION_LIST } from './education.ts';
import { ETHNICITY_LIST } from './ethnicity.ts';
import { WORK_POST_LIST } from './work-post.ts';

function expectCell(raw: string, list: CodeList, code: string | null, reason?: string) {
  const r = parseCodedCell(raw, list);
  if (code !== null) {
    expect(r).toEqual({ ok: true, code });
    return;
  }
  expect(r.ok).toBe(false);
  if (!r.ok) {
    expect(r.reason).toBe(reason);
    expect(r.message).toContain(list.label);
  }
}

describe('the lists', () => {
  it.each<[CodeList, number]>([
    [ETHNICITY_LIST, 58],
    [EDUCATION_LIST, 20],
    [WORK_POST_LIST, 49],
  ])('%s has the expected number of codes, all distinct strings', (list, count) => {
    const codes = list.entries.map((e) => e.code);
    expect(codes).toHaveLength(count);
    expect(new Set(codes).size).toBe(count);
    for (const code of codes) expect(typeof code).toBe('string');
  });

  it.each([ETHNICITY_LIST, EDUCATION_LIST, WORK_POST_LIST])('every entry of $label round-trips', (list) => {
    for (const e of list.entries) {
      expect(parseCodedCell(formatCodedCell(e.code, list), list)).toEqual({ ok: true, code: e.code });
      expect(parseCodedCell(e.code, list)).toEqual({ ok: true, code: e.code });
    }
  });
});

describe('parseCodedCell: 民族', () => {
  it.each<[string, string | null, string?]>([
    ['01 汉族', '01'],
    [' 01 汉族', '01'],
    ['01　汉族', '01'],
    ['01  汉族 ', '01'],
    ['01', '01'],
    ['汉族', '01'],
    ['汉', '01'],
    ['蒙古', '02'],
    ['０３ 回族', '03'],
    ['56 基诺族', '56'],
    ['91 其他族', '91'],
    ['92 外国血统', '92'],
    ['外国血统中国籍人士', '92'],
    ['1', null, 'code_unknown'],
    ['1 汉族', null, 'code_unknown'],
    ['97', null, 'code_unknown'],
    ['02 汉族', null, 'code_name_mismatch'],
    ['01 回族', null, 'code_name_mismatch'],
    ['火星族', null, 'code_unknown'],
    ['', null, 'code_empty'],
    ['   ', null, 'code_empty'],
  ])('%j → %s', (raw, code, reason) => expectCell(raw, ETHNICITY_LIST, code, reason));
});

describe('parseCodedCell: 学历', () => {
  it.each<[string, string | null, string?]>([
    ['7 初中', '7'],
    ['7', '7'],
    ['初中', '7'],
    ['1A 中央党校研究生', '1A'],
    ['1a', '1A'],
    ['1B 省（区、市）委党校研究生', '1B'],
    ['2B 省(区、市)委党校大学', '2B'],
    ['21 大学', '21'],
    ['21 大学本科', '21'],
    ['本科', '21'],
    ['大专', '22'],
    ['高中', '6'],
    ['07 初中', null, 'code_unknown'],
    ['5', null, 'code_unknown'],
    ['22 大学', null, 'code_name_mismatch'],
    ['初中毕业', null, 'code_unknown'],
  ])('%j → %s', (raw, code, reason) => expectCell(raw, EDUCATION_LIST, code, reason));
});

describe('parseCodedCell: 工作岗位', () => {
  it.each<[string, string | null, string?]>([
    ['011 公务员', '011'],
    ['011', '011'],
    ['11', '11'],
    ['11 农牧渔业生产人员', '11'],
    ['11 公务员', null, 'code_name_mismatch'],
    ['011 农牧渔业生产人员', null, 'code_name_mismatch'],
    ['123 外出务工经商人员', '123'],
    [' 123 外出务工经商人员', '123'],
    ['外出务工经商人员', '123'],
    ['2 解放军、武警', '2'],
    ['2', '2'],
    ['0314 机关单位工勤岗', '0314'],
    ['机关单位工勤岗位', '0314'],
    ['301 毕业年级', '301'],
    ['321 毕业年级', '321'],
    ['大学本科一年级学生', '312'],
    ['毕业年级', null, 'code_ambiguous'],
    ['301 一年级', null, 'code_name_mismatch'],
    ['611 党组织关系在人才（劳动）服务中心，不明职业的人员', '611'],
    ['0', null, 'code_unknown'],
    ['01', null, 'code_unknown'],
    ['121', null, 'code_unknown'],
    ['4', null, 'code_unknown'],
  ])('%j → %s', (raw, code, reason) => expectCell(raw, WORK_POST_LIST, code, reason));

  it('asks for the code when a name is ambiguous', () => {
    const r = parseCodedCell('毕业年级', WORK_POST_LIST);
    expect(r.ok ? '' : r.message).toBe('工作岗位名称对应多个代码（301、311、321），请填写代码');
  });

  it('names what was expected when it cannot read the cell', () => {
    const r = parseCodedCell('司机', WORK_POST_LIST);
    expect(r.ok ? '' : r.message).toBe('工作岗位应填写代码表中的代码或名称，例如“011 公务员”');
  });

  it('says which name a code stands for on a mismatch', () => {
    const r = parseCodedCell('11 公务员', WORK_POST_LIST);
    expect(r.ok ? '' : r.message).toBe('工作岗位代码与名称不一致：代码11对应“农牧渔业生产人员”，请核对');
  });
});

describe('formatCodedCell and findCodeName', () => {
  it.each<[CodeList, string, string]>([
    [ETHNICITY_LIST, '01', '01 汉族'],
    [EDUCATION_LIST, '1A', '1A 中央党校研究生'],
    [WORK_POST_LIST, '011', '011 公务员'],
    [WORK_POST_LIST, '11', '11 农牧渔业生产人员'],
  ])('%#: %s → %s', (list, code, cell) => {
    expect(formatCodedCell(code, list)).toBe(cell);
  });

  it('throws on an unknown code and finds nothing for it', () => {
    expect(() => formatCodedCell('99', ETHNICITY_LIST)).toThrow();
    expect(findCodeName('99', ETHNICITY_LIST)).toBeUndefined();
    expect(findCodeName('92', ETHNICITY_LIST)).toBe('外国血统');
  });
});

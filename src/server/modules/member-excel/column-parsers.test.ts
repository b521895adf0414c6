import type ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { EDUCATION_LIST, ETHNICITY_LIST, WORK_POST_LIST } from '../../../domain/codes/index.ts';
import { generateIdNumber } from '../../../domain/people/index.ts';
import { type CellInput, serialToIsoDate, toCellInput } from '../../excel/cells.ts';
import {
  codedParser,
  dateParser,
  flagParser,
  idParser,
  landlineParser,
  MASKED_ID_MESSAGE,
  mobileParser,
  NUMERIC_ID_MESSAGE,
  type ParseContext,
  textParser,
} from './column-parsers.ts';

const ctx: ParseContext = { today: '2026-06-15', date1904: false };
const cell = (value: ExcelJS.CellValue): CellInput => toCellInput(value);

describe('dates', () => {
  const date = dateParser();
  const month = dateParser({ monthOk: true });
  it.each([
    ['2017-07-01', '2017-07-01'],
    ['2017/7/1', '2017-07-01'],
    ['2017.7.1', '2017-07-01'],
    ['2017年7月1日', '2017-07-01'],
    ['2017年   7 月    31 日', '2017-07-31'],
    ['２０１７－０７－０１', '2017-07-01'],
    ['20170701', '2017-07-01'],
    [' 2017-07-01 ', '2017-07-01'],
  ])('reads the text %s', (text, iso) => {
    expect(date(cell(text), ctx)).toEqual({ ok: true, value: iso });
  });

  it('reads date cells, serial numbers (1900 and 1904 systems) and yyyymmdd numbers', () => {
    expect(date(cell(new Date('2017-07-01T00:00:00Z')), ctx)).toEqual({ ok: true, value: '2017-07-01' });
    expect(date(cell(42_917), ctx)).toEqual({ ok: true, value: '2017-07-01' });
    expect(date(cell(41_455), { ...ctx, date1904: true })).toEqual({ ok: true, value: '2017-07-01' });
    expect(date(cell(20_170_701), ctx)).toEqual({ ok: true, value: '2017-07-01' });
    expect([serialToIsoDate(1), serialToIsoDate(59), serialToIsoDate(60), serialToIsoDate(61)]).toEqual([
      '1900-01-01',
      '1900-02-28',
      null,
      '1900-03-01',
    ]);
  });

  it('refuses impossible, partial, out-of-range and future dates, in Chinese', () => {
    expect(date(cell('2017-02-30'), ctx)).toEqual({ ok: false, message: '不是有效日期（2017-02-30）' });
    expect(date(cell('2017-07'), ctx)).toEqual({
      ok: false,
      message: '日期不完整，应填写年、月、日，例如2017-07-01',
    });
    expect(date(cell('1899-12-31'), ctx)).toEqual({
      ok: false,
      message: '日期应在1900年1月1日至2099年12月31日之间',
    });
    expect(date(cell('2026-06-16'), ctx)).toEqual({ ok: false, message: '日期晚于今天' });
    expect(date(cell('七月一日'), ctx)).toMatchObject({ ok: false });
  });

  it('reads year and month as the first of the month where the form allows it (失去联系日期), saying so', () => {
    for (const text of ['2020年3月', '2020-03', '2020.3', '202003']) {
      expect(month(cell(text), ctx)).toEqual({
        ok: true,
        value: '2020-03-01',
        note: '只填写了年月，按当月1日记录',
      });
    }
  });

  it('reads 无, —, -, / and blank as empty', () => {
    for (const blank of ['无', '—', '-', '/', '', '  ', null])
      expect(date(cell(blank), ctx)).toEqual({ ok: true, value: null });
  });
});

describe('coded cells', () => {
  it('accepts 代码 名称, the code alone or the name alone, trimmed', () => {
    const ethnicity = codedParser(ETHNICITY_LIST);
    for (const text of ['01 汉族', '汉族', '01', ' 01 汉族', '01　汉族']) {
      expect(ethnicity(cell(text), ctx)).toEqual({ ok: true, value: '01' });
    }
    expect(codedParser(EDUCATION_LIST)(cell('1A'), ctx)).toEqual({ ok: true, value: '1A' });
  });

  it('reads a code Excel stored as a number only when its lost zeros are unambiguous', () => {
    expect(codedParser(ETHNICITY_LIST)(cell(1), ctx)).toEqual({ ok: true, value: '01' });
    expect(codedParser(WORK_POST_LIST)(cell(12), ctx)).toEqual({ ok: true, value: '012' });
    expect(codedParser(WORK_POST_LIST)(cell(502), ctx)).toEqual({ ok: true, value: '502' });
    expect(codedParser(WORK_POST_LIST)(cell(11), ctx)).toEqual({
      ok: false,
      message: '工作岗位代码以数值保存，无法判断是11还是011，请将该列设为文本格式后填写代码',
    });
  });
});

describe('ID numbers', () => {
  const id = generateIdNumber({ provinceAndCounty: '110105', birthDate: '1980-01-01', sequence: 123 });
  it('refuses a numeric cell, saying Excel has already lost its last digits', () => {
    expect(idParser(cell(Number(id)), ctx)).toEqual({ ok: false, message: NUMERIC_ID_MESSAGE });
    expect(NUMERIC_ID_MESSAGE).toContain('数值格式的身份证号已被Excel截断，请将该列设为文本格式后重新填写');
  });

  it('refuses a masked number, and reads text (lower-case x, spaces, full-width digits)', () => {
    expect(idParser(cell('110105********1234'), ctx)).toEqual({ ok: false, message: MASKED_ID_MESSAGE });
    const parsed = idParser(cell(` ${id.slice(0, 6)} ${id.slice(6)} `), ctx);
    expect(parsed).toMatchObject({
      ok: true,
      value: { normalized: id, gender: 'male', birthDate: '1980-01-01' },
    });
  });

  it('accepts a legacy 15-digit number with a note', () => {
    expect(idParser(cell('110105800101123'), ctx)).toMatchObject({
      ok: true,
      note: '15位旧身份证号码，建议更新为18位',
    });
  });
});

describe('other cells', () => {
  it('reads phones stored as numbers and normalizes them', () => {
    expect(mobileParser(cell(13_800_001_234), ctx)).toEqual({ ok: true, value: '13800001234' });
    expect(landlineParser(cell('(010)12345678'), ctx)).toEqual({ ok: true, value: '010-12345678' });
    expect(landlineParser(cell('无'), ctx)).toEqual({ ok: true, value: null });
  });

  it('reads 是/否 and TRUE/FALSE cells', () => {
    expect([flagParser(cell('是'), ctx), flagParser(cell(' 否'), ctx), flagParser(cell(true), ctx)]).toEqual([
      { ok: true, value: true },
      { ok: true, value: false },
      { ok: true, value: true },
    ]);
    expect(flagParser(cell('有'), ctx)).toEqual({ ok: false, message: '应填写“是”或“否”' });
  });

  it('reads rich text and formula results as their text, and limits length', () => {
    expect(textParser(10)(cell({ richText: [{ text: '张' }, { text: '三' }] }), ctx)).toEqual({
      ok: true,
      value: '张三',
    });
    expect(textParser(10)(cell({ formula: 'A1', result: '李四' }), ctx)).toEqual({ ok: true, value: '李四' });
    expect(textParser(2)(cell('欧阳娜娜'), ctx)).toEqual({ ok: false, message: '不能超过2个字符' });
  });
});

import { describe, expect, it } from 'vitest';
import { absenceFinding, type MemberMonth, monthsBefore, monthsWithoutOrgLife } from './absence.ts';

const absent = (month: string): MemberMonth => ({ month, expected: 1, tookPart: 0 });
const present = (month: string): MemberMonth => ({ month, expected: 2, tookPart: 1 });
const none = (month: string): MemberMonth => ({ month, expected: 0, tookPart: 0 });
const TODAY = '2026-07-10';

describe('monthsBefore', () => {
  it.each<[string, number, string[]]>([
    ['2026-07-10', 3, ['2026-06', '2026-05', '2026-04']],
    ['2026-02-01', 2, ['2026-01', '2025-12']],
  ])('%s, %i → %o', (today, n, expected) => {
    expect(monthsBefore(today, n)).toEqual(expected);
  });
});

describe('monthsWithoutOrgLife (党章第九条, docs/organizational-life.md §6)', () => {
  it.each<[string, MemberMonth[], number]>([
    ['nothing recorded', [], 0],
    ['absent in June only', [absent('2026-06'), present('2026-05')], 1],
    [
      'three months back from June',
      [absent('2026-06'), absent('2026-05'), absent('2026-04'), present('2026-03')],
      3,
    ],
    ['the month in progress is not counted', [absent('2026-07'), present('2026-06')], 0],
    [
      'a month with no meeting to attend ends the run',
      [absent('2026-06'), none('2026-05'), absent('2026-04')],
      1,
    ],
    ['a month missing from the list ends the run', [absent('2026-06'), absent('2026-04')], 1],
    [
      'at most six months are looked at',
      ['06', '05', '04', '03', '02', '01'].map((m) => absent(`2026-${m}`)).concat(absent('2025-12')),
      6,
    ],
  ])('%s → %i', (_, months, expected) => {
    expect(monthsWithoutOrgLife(months, TODAY)).toBe(expected);
  });
});

describe('absenceFinding: warned at 3 and 5, the 支部大会 asked at 6, never a status change', () => {
  const run = (n: number) => Array.from({ length: n }, (_, i) => absent(monthsBefore(TODAY, 6)[i] as string));
  it.each<[number, string | null, string | null, RegExp | null]>([
    [2, null, null, null],
    [
      3,
      'org_life_absent',
      'warning',
      /已连续3个月未参加党的组织生活（2026年4月至2026年6月），请谈心谈话、督促参加$/,
    ],
    [5, 'org_life_absent', 'warning', /连续5个月.*再有一个月将满六个月$/],
    [
      6,
      'org_life_lapse',
      'critical',
      /连续6个月.*请立案办理.*由支部大会讨论是否按自行脱党处理（党章第九条）；系统不会更改其党籍状态$/,
    ],
  ])('%i months → %s', (n, kind, severity, message) => {
    const f = absenceFinding({ id: 7, name: '王五' }, run(n), TODAY);
    expect(f?.kind ?? null).toBe(kind);
    expect(f?.severity ?? null).toBe(severity);
    if (f && message) {
      expect(f.message).toMatch(message);
      expect(f.subject).toEqual({ type: 'member', id: 7, name: '王五' });
      expect(f.article).toBe('中国共产党章程第九条');
    }
  });
});

describe('months a closed 党章第九条 case excused (docs/membership.md §6)', () => {
  const six = ['06', '05', '04', '03', '02', '01'].map((m) => absent(`2026-${m}`));
  it.each<[string | null, number]>([
    [null, 6],
    ['2025-12', 6],
    ['2026-01', 5],
    ['2026-03', 3],
    ['2026-06', 0],
  ])('excused through %s → a run of %i', (excused, expected) => {
    expect(monthsWithoutOrgLife(six, TODAY, excused)).toBe(expected);
  });

  it('restarts the run after the excused month: no lapse, a warning once three new months pass', () => {
    expect(absenceFinding({ id: 7, name: '王五' }, six, TODAY, '2026-02')?.kind).toBe('org_life_absent');
    expect(absenceFinding({ id: 7, name: '王五' }, six, TODAY, '2026-04')).toBeNull();
  });
});

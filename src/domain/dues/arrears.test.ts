import { describe, expect, it } from 'vitest';
import { arrearsFinding, arrearsOf, arrearsRun, type ChargedMonth } from './arrears.ts';

const TODAY = '2026-06-15';
/** Months back from May 2026 (the last before June), each `[charged, paid]`. */
function months(...back: [number, number][]): ChargedMonth[] {
  const keys = ['2026-05', '2026-04', '2026-03', '2026-02', '2026-01', '2025-12', '2025-11', '2025-10'];
  return back.map(([charged, paid], i) => ({ month: keys[i] as string, charged, paid }));
}
const unpaid = (n: number) => months(...Array.from({ length: n }, () => [4000, 0] as [number, number]));
const member = { id: 7, name: '李四' };

describe('arrears (docs/dues.md §5, 党章第九条)', () => {
  it('count consecutive months back from last month, not the current one', () => {
    expect(arrearsRun([...unpaid(3), { month: '2026-06', charged: 4000, paid: 0 }], TODAY)).toHaveLength(3);
  });

  it('end at a month paid in full; a part-paid month counts', () => {
    expect(arrearsRun(months([4000, 0], [4000, 3999], [4000, 4000], [4000, 0]), TODAY)).toHaveLength(2);
  });

  it('end at a month with no charge or a charge of 0 (免交): nothing was owed, so nothing was not paid', () => {
    expect(arrearsRun(months([4000, 0], [0, 0], [4000, 0], [4000, 0]), TODAY)).toHaveLength(1);
    expect(
      arrearsRun(
        unpaid(6).filter((m) => m.month !== '2026-03'),
        TODAY,
      ),
    ).toHaveLength(2);
  });

  it('do not count months a closed 党章第九条 case excused: the run starts again after it', () => {
    expect(arrearsRun(unpaid(6), TODAY, '2026-02')).toHaveLength(3);
    expect(arrearsFinding(member, unpaid(6), TODAY, '2026-02')?.kind).toBe('dues_arrears');
    expect(arrearsFinding(member, unpaid(6), TODAY, '2026-05')).toBeNull();
  });

  it('warn at 3, say the sixth comes next at 5, and ask for a case at 6 — never more than a to-do', () => {
    expect(arrearsFinding(member, unpaid(2), TODAY)).toBeNull();
    const three = arrearsFinding(member, unpaid(3), TODAY);
    expect(three).toMatchObject({
      kind: 'dues_arrears',
      severity: 'warning',
      date: '2026-03-01',
      subject: { type: 'member', id: 7, name: '李四' },
      article: '中国共产党章程第九条',
    });
    expect(three?.message).toBe(
      '李四已连续3个月未交纳党费（2026年3月至2026年5月，欠缴120.00元），请提醒督促交纳',
    );
    expect(arrearsFinding(member, unpaid(5), TODAY)?.message).toMatch(/再有一个月未交将满六个月/);
    const six = arrearsFinding(member, unpaid(8), TODAY);
    expect(six).toMatchObject({ kind: 'dues_lapse', severity: 'critical', date: '2025-12-01' });
    expect(six?.message).toMatch(
      /连续6个月未交纳党费.*请立案办理.*支部大会.*报上级党组织批准.*系统不会更改其党籍状态/,
    );
  });

  it('list every month owing before the current one with the total', () => {
    const list = [
      ...months([4000, 0], [4000, 4000], [4000, 1000]),
      { month: '2026-06', charged: 4000, paid: 0 },
    ];
    expect(arrearsOf(list, TODAY)).toEqual({ months: ['2026-03', '2026-05'], total: 7000 });
  });
});

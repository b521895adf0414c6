import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import type { AssignmentView } from '../../../contracts/auth.ts';
import type { LedgerView } from '../../api/ledger.ts';
import {
  DEFAULT_PAGE_SIZE,
  defaultLedgerOrg,
  defaultPeriod,
  ledgerStateFromSearch,
  ledgerSummary,
  periodPresets,
  presetLabelOf,
  searchFromLedgerState,
} from './ledger-query.ts';

const presets = (today: string) =>
  Object.fromEntries(periodPresets(dayjs(today)).map((p) => [p.label, `${p.period.from}~${p.period.to}`]));

describe('period presets', () => {
  it('ends the current periods today and the previous ones on their last day', () => {
    expect(presets('2026-05-20')).toEqual({
      本月: '2026-05-01~2026-05-20',
      上月: '2026-04-01~2026-04-30',
      本季度: '2026-04-01~2026-05-20',
      上季度: '2026-01-01~2026-03-31',
      本年: '2026-01-01~2026-05-20',
      上年: '2025-01-01~2025-12-31',
    });
  });

  it('crosses the year in January and handles the 31st and February', () => {
    expect(presets('2026-01-31')).toEqual({
      本月: '2026-01-01~2026-01-31',
      上月: '2025-12-01~2025-12-31',
      本季度: '2026-01-01~2026-01-31',
      上季度: '2025-10-01~2025-12-31',
      本年: '2026-01-01~2026-01-31',
      上年: '2025-01-01~2025-12-31',
    });
    expect(presets('2024-03-31')).toMatchObject({ 上月: '2024-02-01~2024-02-29' });
    expect(presets('2026-12-31')).toMatchObject({ 本季度: '2026-10-01~2026-12-31' });
  });

  it('opens on 本年 and names a period that is a preset', () => {
    const today = dayjs('2026-05-20');
    expect(defaultPeriod(today)).toEqual({ from: '2026-01-01', to: '2026-05-20' });
    expect(presetLabelOf({ from: '2025-01-01', to: '2025-12-31' }, today)).toBe('上年');
    expect(presetLabelOf({ from: '2026-01-01', to: '2026-05-19' }, today)).toBeUndefined();
  });
});

describe('ledger state in the URL', () => {
  const today = dayjs('2026-05-20');

  it('round-trips the org, the period and the paging, leaving default paging out', () => {
    const state = { orgId: 7, period: { from: '2025-10-01', to: '2025-12-31' }, page: 3, pageSize: 50 };
    const search = searchFromLedgerState(state);
    expect(search.toString()).toBe('orgId=7&from=2025-10-01&to=2025-12-31&page=3&pageSize=50');
    expect(ledgerStateFromSearch(search, today)).toEqual(state);
    expect(
      searchFromLedgerState({
        period: { from: '2026-01-01', to: '2026-05-20' },
        page: 1,
        pageSize: DEFAULT_PAGE_SIZE,
      }).toString(),
    ).toBe('from=2026-01-01&to=2026-05-20');
  });

  it('opens on 本年 of the user’s own org when the URL says nothing', () => {
    expect(ledgerStateFromSearch(new URLSearchParams(), today)).toEqual({
      period: { from: '2026-01-01', to: '2026-05-20' },
      page: 1,
      pageSize: DEFAULT_PAGE_SIZE,
    });
  });

  it('ignores what the API would refuse: an impossible day, from after to, a bad page or org', () => {
    const read = (qs: string) => ledgerStateFromSearch(new URLSearchParams(qs), today);
    const thisYear = { from: '2026-01-01', to: '2026-05-20' };
    expect(read('from=2026-02-30&to=2026-03-31').period).toEqual(thisYear);
    expect(read('from=2026-04-01&to=2026-03-31').period).toEqual(thisYear);
    expect(read('from=2026/01/01&to=2026-03-31').period).toEqual(thisYear);
    expect(read('from=2026-01-01').period).toEqual(thisYear);
    expect(read('orgId=x&page=-1&pageSize=9999')).toEqual({
      period: thisYear,
      page: 1,
      pageSize: DEFAULT_PAGE_SIZE,
    });
    expect(read('from=2024-02-29&to=2024-02-29').period).toEqual({ from: '2024-02-29', to: '2024-02-29' });
  });
});

describe('the org the page opens on', () => {
  const assignment = (role: AssignmentView['role'], orgId: number, orgName: string): AssignmentView => ({
    id: orgId,
    role,
    orgId,
    orgName,
    orgPath: String(orgId),
    endsOn: null,
  });

  it('is the first org where the user reads members', () => {
    expect(
      defaultLedgerOrg([
        assignment('member', 9, '第一党支部'),
        assignment('secretary', 4, '和平社区党委'),
        assignment('org_admin', 2, '街道党工委'),
      ]),
    ).toEqual({ id: 4, name: '和平社区党委' });
    expect(defaultLedgerOrg([assignment('system_admin', 1, '市委')])).toBeUndefined();
    expect(defaultLedgerOrg([])).toBeUndefined();
  });
});

describe('the summary of a ledger', () => {
  const ledger: LedgerView = {
    orgId: 4,
    orgName: '和平社区党委',
    from: '2026-01-01',
    to: '2026-06-15',
    opening: 7,
    increases: {
      registered: 1,
      readmitted: 0,
      restored: 1,
      transferredIn: 1,
      other: 0,
      initialLoad: 0,
      total: 3,
    },
    decreases: {
      left: 1,
      leftBy: {
        withdrawn: 0,
        persuaded: 0,
        removed_refused: 0,
        removed_lapsed: 1,
        expelled: 0,
        not_recognized: 0,
        probation_cancelled: 0,
        removed: 0,
      },
      leftUnreachable: 1,
      suspended: 1,
      died: 1,
      transferredOut: 1,
      other: 0,
      total: 4,
    },
    closing: 6,
    actualClosing: 6,
    difference: 0,
  };
  const columns = (figures: { title: string; value: number }[]) =>
    figures.map((f) => `${f.title} ${f.value}`);

  it('lists the lines of 党统 T1 in order, with the totals, and 出党 by its T10 category', () => {
    const s = ledgerSummary(ledger);
    expect(s.opening).toBe(7);
    expect(columns(s.increases)).toEqual(['发展党员 1', '恢复党籍 1', '转入 1', '其他增加 0', '增加合计 3']);
    expect(columns(s.decreases)).toEqual([
      '出党 1',
      '停止党籍 1',
      '死亡 1',
      '转出 1',
      '其他减少 0',
      '减少合计 4',
    ]);
    expect(columns(s.left)).toEqual([
      '退党 0',
      '劝退 0',
      '劝而不退除名 0',
      '自行脱党除名 1',
      '开除党籍 0',
      '不予承认 0',
      '取消预备党员资格 0',
    ]);
    expect(s.leftUnreachable).toBe(1);
    expect(s.closing).toBe(6);
    expect(new Set([...s.increases, ...s.decreases].map((f) => f.key)).size).toBe(11);
  });

  it('shows the unclassified 除名 of older records only when there is one', () => {
    const old = {
      ...ledger,
      decreases: { ...ledger.decreases, leftBy: { ...ledger.decreases.leftBy, removed: 2 } },
    };
    expect(columns(ledgerSummary(old).left).at(-1)).toBe('除名（未分类） 2');
  });

  it('checks that 期初 + 增加 − 减少 = 期末应有数 = 期末实有数', () => {
    expect(ledgerSummary(ledger)).toMatchObject({
      balanced: true,
      check: '期初 7 + 增加 3 − 减少 4 = 期末 6（实有 6）',
    });
    expect(ledgerSummary({ ...ledger, closing: 5 })).toMatchObject({
      balanced: false,
      check: '期初 7 + 增加 3 − 减少 4 ≠ 期末 5（实有 6）',
    });
    expect(ledgerSummary({ ...ledger, actualClosing: 7, difference: 1 })).toMatchObject({ balanced: false });
  });
});

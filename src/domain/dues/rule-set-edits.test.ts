import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../shared/index.ts';
import {
  checkDuesRuleSetChangeable,
  checkDuesRuleSetDraft,
  checkDuesRuleSetValidFrom,
  duesRuleSetStatus,
} from './rule-set-edits.ts';
import { DEFAULT_DUES_RULES, type DuesBracket, type DuesRuleSet } from './rules.ts';

const TODAY = '2026-06-15' as IsoDate;
const draft: DuesRuleSet = { ...DEFAULT_DUES_RULES, version: '2026-本省标准', validFrom: '2026-07-01' };
const others = [DEFAULT_DUES_RULES];
const employed = (brackets: DuesBracket[]): Partial<DuesRuleSet> => ({
  brackets: { employed: brackets, retired: DEFAULT_DUES_RULES.brackets.retired },
});
const retired = (brackets: DuesBracket[]): Partial<DuesRuleSet> => ({
  brackets: { employed: DEFAULT_DUES_RULES.brackets.employed, retired: brackets },
});
const flat = (change: Partial<DuesRuleSet['flat']>): Partial<DuesRuleSet> => ({
  flat: { ...DEFAULT_DUES_RULES.flat, ...change },
});

describe('checkDuesRuleSetDraft (docs/dues.md §7)', () => {
  it.each<[string, Partial<DuesRuleSet>, string | null]>([
    ['a copy of the default from next month', {}, null],
    ['from a later month', { validFrom: '2027-01-01' }, null],
    ['the province’s 农民 amount of 1 元', flat({ farmer: 100 }), null],
    ['a flat amount of 0', flat({ student: 0 }), null],
    ['a flat amount of 100 元', flat({ welfare: 10_000 }), null],
    ['rounded to the 角, up', { rounding: { unit: 'jiao', mode: 'up' } }, null],
    ['fixed for the year, at the last day', { mode: 'fixed_year', chargeOrgOn: 'last_day' }, null],
    ['one bracket for everyone', employed([{ upTo: null, rateBp: 100 }]), null],
    ['a rate of 100%', retired([{ upTo: null, rateBp: 10_000 }]), null],
    ['a warning after one month', { backPaymentWarnMonths: 1 }, null],
    ['no name', { version: ' ' }, 'dues_rule_set_version_name_empty'],
    ['the default’s name', { version: DEFAULT_DUES_RULES.version }, 'dues_rule_set_version_duplicate'],
    ['not the first of a month', { validFrom: '2026-07-02' }, 'dues_rule_set_valid_from_not_month_start'],
    ['a month 13', { validFrom: '2026-13-01' }, 'dues_rule_set_valid_from_not_month_start'],
    ['this month', { validFrom: '2026-06-01' }, 'dues_rule_set_valid_from_not_future'],
    ['a past month', { validFrom: '2020-01-01' }, 'dues_rule_set_valid_from_not_future'],
    ['the default’s month', { validFrom: '2008-04-01' }, 'dues_rule_set_valid_from_not_future'],
    ['no bracket', employed([]), 'dues_rule_set_brackets_invalid'],
    [
      '21 brackets',
      employed([
        ...Array.from({ length: 20 }, (_, i) => ({ upTo: (i + 1) * 1000, rateBp: 50 })),
        { upTo: null, rateBp: 50 },
      ]),
      'dues_rule_set_brackets_invalid',
    ],
    [
      'the last bracket bounded',
      employed([
        { upTo: 300_000, rateBp: 50 },
        { upTo: 500_000, rateBp: 100 },
      ]),
      'dues_rule_set_brackets_invalid',
    ],
    [
      'an unbounded bracket before the last',
      retired([
        { upTo: null, rateBp: 50 },
        { upTo: null, rateBp: 100 },
      ]),
      'dues_rule_set_brackets_invalid',
    ],
    [
      'bounds not increasing',
      employed([
        { upTo: 500_000, rateBp: 50 },
        { upTo: 300_000, rateBp: 100 },
        { upTo: null, rateBp: 200 },
      ]),
      'dues_rule_set_brackets_invalid',
    ],
    [
      'two equal bounds',
      employed([
        { upTo: 300_000, rateBp: 50 },
        { upTo: 300_000, rateBp: 100 },
        { upTo: null, rateBp: 200 },
      ]),
      'dues_rule_set_brackets_invalid',
    ],
    [
      'a bound of 0',
      employed([
        { upTo: 0, rateBp: 50 },
        { upTo: null, rateBp: 100 },
      ]),
      'dues_rule_set_brackets_invalid',
    ],
    [
      'a bound of 0.5 分',
      employed([
        { upTo: 300_000.5, rateBp: 50 },
        { upTo: null, rateBp: 100 },
      ]),
      'dues_rule_set_brackets_invalid',
    ],
    ['a rate of 0', retired([{ upTo: null, rateBp: 0 }]), 'dues_rule_set_rate_out_of_range'],
    ['a negative rate', retired([{ upTo: null, rateBp: -50 }]), 'dues_rule_set_rate_out_of_range'],
    ['a rate above 100%', retired([{ upTo: null, rateBp: 10_001 }]), 'dues_rule_set_rate_out_of_range'],
    ['a rate of 0.5 基点', retired([{ upTo: null, rateBp: 0.5 }]), 'dues_rule_set_rate_out_of_range'],
    ['a negative flat amount', flat({ farmer: -1 }), 'dues_rule_set_flat_amount_invalid'],
    ['a flat amount above 100 元', flat({ farmer: 10_001 }), 'dues_rule_set_flat_amount_invalid'],
    ['a flat amount of 0.5 分', flat({ unemployed: 0.5 }), 'dues_rule_set_flat_amount_invalid'],
    [
      'an unknown rounding unit',
      { rounding: { unit: 'li' as never, mode: 'up' } },
      'dues_rule_set_rounding_invalid',
    ],
    [
      'an unknown rounding mode',
      { rounding: { unit: 'fen', mode: 'banker' as never } },
      'dues_rule_set_rounding_invalid',
    ],
    ['an unknown mode', { mode: 'monthly' as never }, 'dues_rule_set_mode_invalid'],
    ['an unknown charge org', { chargeOrgOn: 'mid_month' as never }, 'dues_rule_set_mode_invalid'],
    ['a warning after 0 months', { backPaymentWarnMonths: 0 }, 'dues_rule_set_warn_months_out_of_range'],
    ['a warning after 121 months', { backPaymentWarnMonths: 121 }, 'dues_rule_set_warn_months_out_of_range'],
    ['a warning after 1.5 months', { backPaymentWarnMonths: 1.5 }, 'dues_rule_set_warn_months_out_of_range'],
    ['a centre threshold of 0', { centreThreshold: 0 }, 'dues_rule_set_centre_threshold_invalid'],
    ['a negative centre threshold', { centreThreshold: -100 }, 'dues_rule_set_centre_threshold_invalid'],
  ])('%s', (_, change, reason) => {
    const d = checkDuesRuleSetDraft({ ...draft, ...change }, { today: TODAY, others });
    if (reason === null) expect(d).toEqual({ ok: true });
    else expect(d.ok ? null : d.reason).toBe(reason);
  });

  it('refuses a month another version begins, naming it', () => {
    const stored = [DEFAULT_DUES_RULES, draft];
    const d = checkDuesRuleSetDraft({ ...draft, version: '另一版本' }, { today: TODAY, others: stored });
    expect(d.ok ? null : d).toMatchObject({
      reason: 'dues_rule_set_valid_from_duplicate',
      message: expect.stringContaining('2026-本省标准'),
    });
  });

  it('names the table and the bracket refused', () => {
    const d = checkDuesRuleSetDraft(
      { ...draft, ...retired([{ upTo: 100, rateBp: 50 }]) },
      { today: TODAY, others },
    );
    expect(d.ok ? null : d).toMatchObject({
      message: '离退休党员的最后一档不应有上限（适用于以上全部基数）',
      details: { table: 'retired', index: 0 },
    });
  });
});

describe('checkDuesRuleSetValidFrom (docs/dues.md §7)', () => {
  it.each<[string, string | null]>([
    ['2026-07-01', null],
    ['2026-06-30', 'dues_rule_set_valid_from_not_month_start'],
    ['2026-06-01', 'dues_rule_set_valid_from_not_future'],
  ])('%s', (validFrom, reason) => {
    const d = checkDuesRuleSetValidFrom(validFrom as IsoDate, TODAY);
    expect(d.ok ? null : d.reason).toBe(reason);
  });
});

describe('checkDuesRuleSetChangeable and duesRuleSetStatus (docs/dues.md §7)', () => {
  const later = { ...draft, version: '2027', validFrom: '2027-01-01' as IsoDate };
  const sets = [DEFAULT_DUES_RULES, draft, later];

  it.each<[string, DuesRuleSet, IsoDate, string, boolean]>([
    ['the default before any other begins', DEFAULT_DUES_RULES, TODAY, 'current', false],
    ['a version from next month', draft, TODAY, 'future', true],
    ['the same, on its first day', draft, '2026-07-01' as IsoDate, 'current', false],
    ['the default once another began', DEFAULT_DUES_RULES, '2026-07-01' as IsoDate, 'history', false],
    ['the first version once the next began', draft, '2027-02-01' as IsoDate, 'history', false],
  ])('%s', (_, set, today, status, changeable) => {
    expect(duesRuleSetStatus(sets, set, today)).toBe(status);
    const d = checkDuesRuleSetChangeable(set, today);
    expect(d.ok).toBe(changeable);
    if (!d.ok) expect(d.reason).toBe('dues_rule_set_not_editable');
  });
});

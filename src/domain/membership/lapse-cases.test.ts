import { describe, expect, it } from 'vitest';
import {
  checkCloseLapseCase,
  checkLapseStep,
  checkOpenLapseCase,
  excusedThrough,
  LAPSE_CAUSES,
  LAPSE_FINDING_KIND,
  LAPSE_OUTCOME_STEPS,
  LAPSE_OUTCOMES,
  LAPSE_STEP_KEYS,
  type LapseSteps,
  lapseRun,
} from './lapse-cases.ts';

const TODAY = '2026-09-15';
const reasonOf = (d: { ok: boolean; reason?: string }) => (d.ok ? 'ok' : d.reason);

describe('党章第九条 cases: opening (docs/membership.md §6)', () => {
  it('maps each cause to its 6-month to-do; dues only once the dues module gives its kind', () => {
    expect(LAPSE_FINDING_KIND.org_life_absence).toBe('org_life_lapse');
    expect([null, 'dues_lapse']).toContain(LAPSE_FINDING_KIND.dues_arrears);
    expect(LAPSE_CAUSES).toEqual(['org_life_absence', 'dues_arrears']);
  });

  it.each<[string, Parameters<typeof checkOpenLapseCase>[0], string]>([
    ['with the to-do', { cause: 'org_life_absence', hasFinding: true, openCase: false }, 'ok'],
    [
      'without it',
      { cause: 'org_life_absence', hasFinding: false, openCase: false },
      'lapse_case_no_finding',
    ],
    [
      'a second open case of the cause',
      { cause: 'org_life_absence', hasFinding: true, openCase: true },
      'lapse_case_already_open',
    ],
  ])('%s → %s', (_, input, expected) => {
    expect(reasonOf(checkOpenLapseCase(input))).toBe(expected);
  });

  it('refuses a dues case while the dues to-do does not exist, else asks for it like any other', () => {
    const d = checkOpenLapseCase({ cause: 'dues_arrears', hasFinding: false, openCase: false });
    expect(reasonOf(d)).toBe(
      LAPSE_FINDING_KIND.dues_arrears === null ? 'lapse_cause_not_tracked' : 'lapse_case_no_finding',
    );
  });

  it('takes the run from the to-do: its first month, and the last full month before today', () => {
    expect(lapseRun('2026-03-01', TODAY)).toEqual({ runFrom: '2026-03', runTo: '2026-08' });
    expect(lapseRun('2025-07-01', '2026-01-01')).toEqual({ runFrom: '2025-07', runTo: '2025-12' });
  });
});

const open = (steps: LapseSteps = {}) => ({ status: 'open' as const, openedOn: '2026-09-01', steps });

describe('党章第九条 cases: steps', () => {
  it.each<
    [
      string,
      ReturnType<typeof open> | { status: 'closed'; openedOn: string; steps: LapseSteps },
      string,
      string,
      string,
    ]
  >([
    ['a step on the day', open(), 'investigate', TODAY, 'ok'],
    ['a step in the future', open(), 'talk', '2026-09-16', 'lapse_case_step_in_future'],
    ['a step before the opening', open(), 'talk', '2026-08-31', 'lapse_case_step_before_opening'],
    ['the approval without the meeting', open(), 'approval', TODAY, 'lapse_case_approval_before_meeting'],
    [
      'the approval before the meeting',
      open({ general_meeting: { on: '2026-09-10', note: null } }),
      'approval',
      '2026-09-09',
      'lapse_case_approval_before_meeting',
    ],
    [
      'the approval after the meeting',
      open({ general_meeting: { on: '2026-09-10', note: null } }),
      'approval',
      '2026-09-10',
      'ok',
    ],
    [
      'the meeting moved after the approval',
      open({ general_meeting: { on: '2026-09-02', note: null }, approval: { on: '2026-09-05', note: null } }),
      'general_meeting',
      '2026-09-06',
      'lapse_case_approval_before_meeting',
    ],
    [
      'a closed case',
      { status: 'closed', openedOn: '2026-09-01', steps: {} },
      'talk',
      TODAY,
      'lapse_case_closed',
    ],
  ])('%s → %s', (_, c, key, on, expected) => {
    expect(reasonOf(checkLapseStep(c, key as never, on, TODAY))).toBe(expected);
  });

  it('names the procedure of each outcome among the known steps', () => {
    for (const outcome of LAPSE_OUTCOMES) {
      expect(LAPSE_OUTCOME_STEPS[outcome].every((k) => LAPSE_STEP_KEYS.includes(k))).toBe(true);
      expect(LAPSE_OUTCOME_STEPS[outcome][0]).toBe('investigate');
    }
  });
});

describe('党章第九条 cases: closing', () => {
  const on = { on: '2026-09-02', note: null };
  const all: LapseSteps = { investigate: on, talk: on, general_meeting: on, approval: on };
  const close = (
    outcome: (typeof LAPSE_OUTCOMES)[number],
    note: string | null = null,
    deadline: string | null = null,
  ) => ({
    outcome,
    note,
    deadline,
  });
  it.each<[string, LapseSteps, ReturnType<typeof close>, string]>([
    [
      'a valid reason, investigated, stated',
      { investigate: on },
      close('valid_reason', '长期住院治疗'),
      'ok',
    ],
    [
      'a valid reason not stated',
      { investigate: on },
      close('valid_reason', '  '),
      'lapse_case_reason_required',
    ],
    ['a valid reason not investigated', {}, close('valid_reason', '住院'), 'lapse_case_steps_incomplete'],
    [
      '限期改正 without the talk',
      { investigate: on },
      close('rectification', null, '2026-12-31'),
      'lapse_case_steps_incomplete',
    ],
    [
      '限期改正 without a deadline',
      { investigate: on, talk: on },
      close('rectification'),
      'lapse_case_deadline_required',
    ],
    [
      '限期改正 with a deadline today',
      { investigate: on, talk: on },
      close('rectification', null, TODAY),
      'lapse_case_deadline_not_future',
    ],
    [
      '限期改正 with its deadline',
      { investigate: on, talk: on },
      close('rectification', null, '2026-12-31'),
      'ok',
    ],
    [
      '除名 without the approval',
      { investigate: on, general_meeting: on },
      close('removal'),
      'lapse_case_steps_incomplete',
    ],
    ['除名 with its procedure', all, close('removal'), 'ok'],
    ['a deadline for 除名', all, close('removal', null, '2026-12-31'), 'lapse_case_deadline_not_for_outcome'],
  ])('%s → %s', (_, steps, input, expected) => {
    expect(reasonOf(checkCloseLapseCase({ status: 'open', steps }, input, TODAY))).toBe(expected);
  });

  it('names the missing steps', () => {
    const d = checkCloseLapseCase({ status: 'open', steps: { investigate: on } }, close('removal'), TODAY);
    expect(d).toMatchObject({ ok: false, details: { missing: ['general_meeting', 'approval'] } });
    expect(d.ok ? '' : d.message).toBe('办结前须完成：支部大会讨论决定、报上级党组织批准');
  });

  it('never closes a closed case again', () => {
    expect(reasonOf(checkCloseLapseCase({ status: 'closed', steps: all }, close('removal'), TODAY))).toBe(
      'lapse_case_closed',
    );
  });
});

describe('excusedThrough', () => {
  it('is the end of the latest run closed with a valid reason or 限期改正; open cases and 除名 excuse nothing', () => {
    expect(excusedThrough([])).toBeNull();
    expect(
      excusedThrough([
        { status: 'open', outcome: null, runTo: '2026-12' },
        { status: 'closed', outcome: 'removal', runTo: '2026-11' },
      ]),
    ).toBeNull();
    expect(
      excusedThrough([
        { status: 'closed', outcome: 'valid_reason', runTo: '2026-03' },
        { status: 'closed', outcome: 'rectification', runTo: '2026-08' },
        { status: 'closed', outcome: 'removal', runTo: '2026-10' },
      ]),
    ).toBe('2026-08');
  });
});

import { describe, expect, it } from 'vitest';
import type { AppraisalGrade } from './appraisal.ts';
import {
  type AppraisalMeasure,
  checkCaseChange,
  checkCaseSteps,
  checkNewCase,
  MEASURE_STEPS,
  measuresFor,
  needsFollowUp,
} from './appraisal-cases.ts';

describe('follow-up cases of the two lower grades (§5.2)', () => {
  it.each<[AppraisalGrade | null, readonly AppraisalMeasure[]]>([
    ['excellent', []],
    ['qualified', []],
    [null, []],
    ['basically_qualified', ['education']],
    ['unqualified', ['education', 'rectification', 'persuade', 'removal']],
  ])('%s → %j', (grade, measures) => {
    expect(measuresFor(grade)).toEqual(measures);
    expect(needsFollowUp(grade)).toBe(measures.length > 0);
  });

  it('opens only a measure of the grade, and never 劝退 for a probationary member', () => {
    expect(checkNewCase('unqualified', 'full', 'removal')).toEqual({ ok: true });
    expect(checkNewCase('basically_qualified', 'full', 'education')).toEqual({ ok: true });
    expect(checkNewCase('basically_qualified', 'full', 'rectification')).toMatchObject({
      reason: 'appraisal_measure_not_for_grade',
    });
    expect(checkNewCase('qualified', 'full', 'education')).toMatchObject({
      reason: 'appraisal_measure_not_for_grade',
    });
    expect(checkNewCase('unqualified', 'probationary', 'persuade')).toMatchObject({
      reason: 'appraisal_measure_not_for_grade',
    });
  });

  it('accepts only the steps of the measure, not dated after today', () => {
    const today = '2026-12-05';
    expect(checkCaseSteps('education', { talk: { on: '2026-12-01', note: null } }, today)).toEqual({
      ok: true,
    });
    expect(checkCaseSteps('education', { approval: { on: '2026-12-01', note: null } }, today)).toMatchObject({
      reason: 'appraisal_case_unknown_step',
    });
    expect(checkCaseSteps('education', { talk: { on: '2026-12-06', note: null } }, today)).toMatchObject({
      reason: 'appraisal_case_step_in_future',
    });
  });

  it('is done only with every step of its procedure recorded; a finished case stays', () => {
    const all = Object.fromEntries(
      MEASURE_STEPS.removal.map((s) => [s.key, { on: '2026-12-01', note: null }]),
    );
    expect(checkCaseChange('open', 'done', 'removal', all)).toEqual({ ok: true });
    const partial = { general_meeting: { on: '2026-12-01', note: null } };
    expect(checkCaseChange('open', 'done', 'removal', partial)).toMatchObject({
      reason: 'appraisal_case_steps_incomplete',
      details: { missing: ['approval', 'status_change'] },
    });
    expect(checkCaseChange('open', 'withdrawn', 'removal', {})).toEqual({ ok: true });
    expect(checkCaseChange('done', 'open', 'removal', all)).toMatchObject({
      reason: 'appraisal_case_finished',
    });
    expect(checkCaseChange('withdrawn', 'withdrawn', 'education', {})).toMatchObject({
      reason: 'appraisal_case_finished',
    });
  });
});

import { describe, expect, it } from 'vitest';
import type { MemberStatus } from '../membership/index.ts';
import {
  type AppraisalGrade,
  checkBallot,
  checkCloseRound,
  checkGrade,
  checkNewRound,
  checkReopenRound,
  checkRoundOpen,
  countGrades,
  DEFAULT_APPRAISAL_POLICY,
  excellentWarning,
  isGraded,
  takesPart,
} from './appraisal.ts';

describe('who takes part in 民主评议 and who is graded (§5.1)', () => {
  it.each<[MemberStatus, boolean, boolean]>([
    ['full', true, true],
    ['probationary', true, false],
    ['suspended', false, false],
    ['unreachable', false, false],
    ['left', false, false],
  ])('%s: takes part %s, graded by default %s', (status, part, graded) => {
    expect(takesPart(status)).toBe(part);
    expect(isGraded(status, DEFAULT_APPRAISAL_POLICY)).toBe(graded);
  });

  it('grades probationary members when configured [L]', () => {
    expect(isGraded('probationary', { ...DEFAULT_APPRAISAL_POLICY, gradeProbationary: true })).toBe(true);
  });

  it('refuses a grade for a participant who is not graded, and accepts clearing it', () => {
    expect(checkGrade(false, 'excellent')).toMatchObject({ ok: false, reason: 'appraisal_not_graded' });
    expect(checkGrade(false, null)).toEqual({ ok: true });
    expect(checkGrade(true, 'qualified')).toEqual({ ok: true });
  });
});

describe('the round', () => {
  it('is held by a branch, one per year', () => {
    expect(checkNewRound({ kind: 'branch' }, false)).toEqual({ ok: true });
    expect(checkNewRound({ kind: 'joint_branch' }, false)).toEqual({ ok: true });
    expect(checkNewRound({ kind: 'group' }, false)).toMatchObject({ reason: 'appraisal_not_branch' });
    expect(checkNewRound({ kind: 'committee' }, false)).toMatchObject({ reason: 'appraisal_not_branch' });
    expect(checkNewRound({ kind: 'branch' }, true)).toMatchObject({ reason: 'appraisal_round_exists' });
  });

  it('is locked once closed', () => {
    expect(checkRoundOpen('open')).toEqual({ ok: true });
    expect(checkRoundOpen('closed')).toMatchObject({ reason: 'appraisal_closed' });
    expect(checkReopenRound('closed')).toEqual({ ok: true });
    expect(checkReopenRound('open')).toMatchObject({ reason: 'appraisal_not_closed' });
  });

  it('refuses a ballot about oneself', () => {
    expect(checkBallot(3, 3)).toMatchObject({ reason: 'appraisal_self_vote' });
    expect(checkBallot(3, 4)).toEqual({ ok: true });
  });
});

describe('excellent at most one third: a warning (§5)', () => {
  it.each<[number, number, boolean]>([
    [0, 0, false],
    [1, 3, false],
    [2, 6, false],
    [2, 5, true],
    [3, 9, false],
    [4, 9, true],
    [1, 2, true],
  ])('%i excellent of %i graded → warns %s', (excellent, graded, warns) => {
    const w = excellentWarning(excellent, graded, DEFAULT_APPRAISAL_POLICY);
    expect(w !== null).toBe(warns);
    if (w) expect(w.message).toContain(`${excellent}人`);
  });

  it('follows the configured share', () => {
    const half = { ...DEFAULT_APPRAISAL_POLICY, excellentShare: { numerator: 1, denominator: 2 } };
    expect(excellentWarning(2, 5, half)).toBeNull();
    expect(excellentWarning(3, 5, half)).not.toBeNull();
  });

  it('counts the grades given', () => {
    const grades: (AppraisalGrade | null)[] = ['excellent', 'qualified', 'qualified', null, 'unqualified'];
    expect(countGrades(grades)).toEqual({
      excellent: 1,
      qualified: 2,
      basically_qualified: 0,
      unqualified: 1,
    });
  });
});

describe('closing a round (§5.1)', () => {
  const today = '2026-12-05';
  it('needs every graded participant graded; the ungraded ones do not count', () => {
    const ok = checkCloseRound(
      '2026-12-01',
      [
        { graded: true, grade: 'qualified' },
        { graded: false, grade: null },
      ],
      today,
    );
    expect(ok).toEqual({ ok: true });
    const missing = checkCloseRound(
      '2026-12-01',
      [
        { graded: true, grade: null },
        { graded: true, grade: null },
        { graded: true, grade: 'excellent' },
      ],
      today,
    );
    expect(missing).toMatchObject({ ok: false, reason: 'appraisal_ungraded', details: { missing: 2 } });
  });

  it('is refused before the round is held', () => {
    expect(checkCloseRound('2026-12-06', [], today)).toMatchObject({ reason: 'appraisal_not_yet_held' });
    expect(checkCloseRound(today, [], today)).toEqual({ ok: true });
  });
});

import { describe, expect, it } from 'vitest';
import { excellentWarning, isGraded } from './appraisal.ts';
import { appraisalPolicyOf, DEFAULT_APPRAISAL_TALK_SETTINGS } from './appraisal-talk-settings.ts';

describe('the appraisal policy from the settings (CFG, §5.1)', () => {
  it('by default: probationary members not graded, warning above one third', () => {
    const policy = appraisalPolicyOf(DEFAULT_APPRAISAL_TALK_SETTINGS);
    expect(isGraded('probationary', policy)).toBe(false);
    expect(excellentWarning(1, 3, policy)).toBeNull();
    expect(excellentWarning(2, 5, policy)).not.toBeNull();
  });

  it('follows the settings: probationary graded, warning above one half', () => {
    const policy = appraisalPolicyOf({
      ...DEFAULT_APPRAISAL_TALK_SETTINGS,
      appraisalGradeProbationary: true,
      appraisalExcellentDivisor: 2,
    });
    expect(isGraded('probationary', policy)).toBe(true);
    expect(excellentWarning(2, 5, policy)).toBeNull();
    expect(excellentWarning(3, 5, policy)).not.toBeNull();
  });
});

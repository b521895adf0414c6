import type { AppraisalPolicy } from './appraisal.ts';
import { DEFAULT_TALK_PAIRINGS, type TalkPairing } from './talks.ts';

/**
 * The parameters of 民主评议 and 谈心谈话 a deployment configures (CFG; docs/organizational-life.md §5.1, §5.3), in
 * the 组织生活 settings group: whether 预备党员 are graded [L], the share of 优秀 above which to warn (one in N of the
 * graded; one third by default), and the talk pairings required each year.
 */
export type AppraisalTalkSettings = {
  readonly appraisalGradeProbationary: boolean;
  readonly appraisalExcellentDivisor: number;
  readonly talkPairings: readonly TalkPairing[];
};

export const EXCELLENT_DIVISOR_BOUNDS = { min: 2, max: 10 } as const;

export const DEFAULT_APPRAISAL_TALK_SETTINGS: AppraisalTalkSettings = {
  appraisalGradeProbationary: false,
  appraisalExcellentDivisor: 3,
  talkPairings: DEFAULT_TALK_PAIRINGS,
};

/** The appraisal rules' policy from the settings (§5.1). */
export function appraisalPolicyOf(s: AppraisalTalkSettings): AppraisalPolicy {
  return {
    gradeProbationary: s.appraisalGradeProbationary,
    excellentShare: { numerator: 1, denominator: s.appraisalExcellentDivisor },
  };
}

import type { MemberStatus } from '../membership/index.ts';
import { isBranchKind, type OrgKind } from '../org/index.ts';
import { allow, type Decision, deny, type IsoDate } from '../shared/index.ts';
import type { OrgLifeReason } from './reasons.ts';

/**
 * 民主评议党员 (docs/organizational-life.md §5, §5.1; 中国共产党支部工作条例（试行）第十八条): one round per branch per
 * year, its participants from the roster on its date, the grades the 支委会 or 大会 gives, the one-third check on
 * 优秀 and the close.
 */
export const APPRAISAL_ARTICLE = '中国共产党支部工作条例（试行）第十八条';

export const APPRAISAL_GRADES = ['excellent', 'qualified', 'basically_qualified', 'unqualified'] as const;
export type AppraisalGrade = (typeof APPRAISAL_GRADES)[number];
export const APPRAISAL_GRADE_LABELS: Record<AppraisalGrade, string> = {
  excellent: '优秀',
  qualified: '合格',
  basically_qualified: '基本合格',
  unqualified: '不合格',
};

/** Open (self-assessments, votes and grades entered) → closed (locked); reopened with a reason. */
export const APPRAISAL_STATUSES = ['open', 'closed'] as const;
export type AppraisalStatus = (typeof APPRAISAL_STATUSES)[number];
export const APPRAISAL_STATUS_LABELS: Record<AppraisalStatus, string> = {
  open: '进行中',
  closed: '已办结',
};

/** The configurable part (CFG): whether 预备党员 are graded [L], and the share of 优秀 above which to warn. */
export type AppraisalPolicy = {
  readonly gradeProbationary: boolean;
  /** The share as a fraction `numerator / denominator`: one third by default. */
  readonly excellentShare: { readonly numerator: number; readonly denominator: number };
};
export const DEFAULT_APPRAISAL_POLICY: AppraisalPolicy = {
  gradeProbationary: false,
  excellentShare: { numerator: 1, denominator: 3 },
};

/** Who of the roster on the round's date takes part: 正式党员 and 预备党员 (docs/organizational-life.md §5.1). */
export function takesPart(status: MemberStatus): boolean {
  return status === 'full' || status === 'probationary';
}

/** Whether a participant is graded: a 正式党员 always; a 预备党员 only when configured [L] (§5.1). */
export function isGraded(status: MemberStatus, policy: AppraisalPolicy): boolean {
  if (status === 'full') return true;
  return status === 'probationary' && policy.gradeProbationary;
}

/** A round is held by a 党支部 kind, one per year (docs/organizational-life.md §5.1). */
export function checkNewRound(org: { readonly kind: OrgKind }, existing: boolean): Decision<OrgLifeReason> {
  if (!isBranchKind(org.kind)) {
    return deny('appraisal_not_branch', '民主评议以党支部为单位开展，请选择党支部', {
      article: APPRAISAL_ARTICLE,
    });
  }
  if (existing) {
    return deny('appraisal_round_exists', '该党支部本年度已有民主评议，请在原评议中继续', {
      article: APPRAISAL_ARTICLE,
    });
  }
  return allow;
}

/** A closed round is locked: grades, self-assessments, votes and its date (§5.1). */
export function checkRoundOpen(status: AppraisalStatus): Decision<OrgLifeReason> {
  if (status === 'open') return allow;
  return deny('appraisal_closed', '民主评议已办结，请先重新打开');
}

/** Only a closed round is reopened (with a reason, audited; §5.1). */
export function checkReopenRound(status: AppraisalStatus): Decision<OrgLifeReason> {
  if (status === 'closed') return allow;
  return deny('appraisal_not_closed', '民主评议尚未办结，无需重新打开');
}

/** A grade only for a graded participant (a 预备党员 takes part without one unless configured, §5.1). */
export function checkGrade(graded: boolean, grade: AppraisalGrade | null): Decision<OrgLifeReason> {
  if (grade === null || graded) return allow;
  return deny('appraisal_not_graded', '预备党员参加民主评议，不评定等次', { article: APPRAISAL_ARTICLE });
}

/** A peer ballot: about another participant, never oneself (§5.1). */
export function checkBallot(voterMemberId: number, subjectMemberId: number): Decision<OrgLifeReason> {
  if (voterMemberId !== subjectMemberId) return allow;
  return deny('appraisal_self_vote', '党员互评不能给本人投票');
}

export type GradeCounts = Record<AppraisalGrade, number>;

export function emptyCounts(): GradeCounts {
  return { excellent: 0, qualified: 0, basically_qualified: 0, unqualified: 0 };
}

/** The grades given so far, counted. */
export function countGrades(grades: readonly (AppraisalGrade | null)[]): GradeCounts {
  const counts = emptyCounts();
  for (const g of grades) if (g !== null) counts[g] += 1;
  return counts;
}

export type ExcellentWarning = {
  readonly reason: 'excellent_over_share';
  readonly message: string;
  readonly excellent: number;
  readonly graded: number;
};

/**
 * 优秀 normally no more than one third of the members (docs/organizational-life.md §5): a WARNING, never a block.
 * Integer arithmetic: warns when `excellent × denominator > graded × numerator`.
 */
export function excellentWarning(
  excellent: number,
  graded: number,
  policy: AppraisalPolicy,
): ExcellentWarning | null {
  const { numerator, denominator } = policy.excellentShare;
  if (excellent * denominator <= graded * numerator) return null;
  return {
    reason: 'excellent_over_share',
    message: `评定为优秀的${excellent}人，超过参加评定等次的${graded}人的${numerator}/${denominator}`,
    excellent,
    graded,
  };
}

/** A participant as the close judges it. */
export type GradedParticipant = { readonly graded: boolean; readonly grade: AppraisalGrade | null };

/**
 * Closing (docs/organizational-life.md §5.1): held (its date not after today), and every graded participant
 * graded. The one-third check stays a warning.
 */
export function checkCloseRound(
  heldOn: IsoDate,
  participants: readonly GradedParticipant[],
  today: IsoDate,
): Decision<OrgLifeReason> {
  if (heldOn > today) {
    return deny('appraisal_not_yet_held', '民主评议的日期晚于今天，尚不能办结');
  }
  const missing = participants.filter((p) => p.graded && p.grade === null).length;
  if (missing === 0) return allow;
  return deny('appraisal_ungraded', `尚有${missing}名参评党员未评定等次`, {
    article: APPRAISAL_ARTICLE,
    details: { missing },
  });
}

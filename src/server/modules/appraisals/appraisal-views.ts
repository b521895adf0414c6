import type { AppraisalCaseView, AppraisalSummary, AppraisalView } from '../../../contracts/appraisals.ts';
import {
  type AppraisalPolicy,
  checkNewCase,
  countGrades,
  emptyCounts,
  excellentWarning,
  type GradeCounts,
  MEASURE_STEPS,
  measuresFor,
  STATUS_CHANGING_MEASURES,
} from '../../../domain/org-life/index.ts';
import { canAt } from '../../access/index.ts';
import type { Ctx } from '../../context.ts';
import type { CaseRecord, ParticipantRow, RoundRecord } from './appraisals.repo.ts';

/** A round's summary: counts, the grades given, the one-third warning (docs/organizational-life.md §5.1). */
export function summaryView(
  r: RoundRecord,
  participants: readonly ParticipantRow[],
  cases: readonly CaseRecord[],
  policy: AppraisalPolicy,
): AppraisalSummary {
  const graded = participants.filter((p) => p.graded);
  const gradeCounts = countGrades(graded.map((p) => p.grade));
  const warning = excellentWarning(gradeCounts.excellent, graded.length, policy);
  return {
    id: r.id,
    orgId: r.orgId,
    orgName: r.orgName,
    year: r.year,
    heldOn: r.heldOn,
    status: r.status,
    participants: participants.length,
    graded: graded.length,
    gradeCounts,
    openCases: cases.filter((c) => c.status === 'open').length,
    warnings: warning ? [{ reason: warning.reason, message: warning.message }] : [],
    version: r.version,
  };
}

export function caseView(c: CaseRecord): AppraisalCaseView {
  return {
    id: c.id,
    roundId: c.roundId,
    memberId: c.memberId,
    memberName: c.memberName,
    measure: c.measure,
    status: c.status,
    openedOn: c.openedOn,
    deadlineOn: c.deadlineOn,
    steps: MEASURE_STEPS[c.measure].map((s) => ({
      key: s.key,
      label: s.label,
      on: c.steps[s.key]?.on ?? null,
      note: c.steps[s.key]?.note ?? null,
    })),
    changesStatusOnMemberPage: STATUS_CHANGING_MEASURES.includes(c.measure),
    note: c.note,
    version: c.version,
  };
}

/** The round with its participants and cases, and whether the actor may change it. */
export function roundView(
  ctx: Ctx,
  r: RoundRecord,
  participants: readonly ParticipantRow[],
  ballots: ReadonlyMap<number, GradeCounts>,
  cases: readonly CaseRecord[],
  policy: AppraisalPolicy,
): AppraisalView {
  return {
    ...summaryView(r, participants, cases, policy),
    note: r.note,
    closedAt: r.closedAt ? r.closedAt.toISOString() : null,
    reopenReason: r.reopenReason,
    items: participants.map((p) => ({
      memberId: p.memberId,
      name: p.name,
      memberStatus: p.memberStatus,
      graded: p.graded,
      selfAssessment: p.selfAssessment,
      peerVotes: p.peerVotes,
      ballotVotes: ballots.get(p.memberId) ?? emptyCounts(),
      grade: p.grade,
      gradeNote: p.gradeNote,
      measures: measuresFor(p.grade).filter((m) => checkNewCase(p.grade, p.memberStatus, m).ok),
    })),
    cases: cases.map(caseView),
    can: { manage: canAt(ctx, 'org_life.manage', r.orgPath) },
  };
}

/** What the audit row of a round keeps. */
export function auditedRound(r: Pick<RoundRecord, 'orgId' | 'year' | 'heldOn' | 'status'>) {
  return { orgId: r.orgId, year: r.year, heldOn: r.heldOn, status: r.status };
}

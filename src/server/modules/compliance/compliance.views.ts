import type { z } from 'zod';
import type {
  ComplianceFindingView,
  ComplianceFigures as FiguresView,
} from '../../../contracts/compliance.ts';
import {
  type ComplianceFigures,
  type ComplianceFinding,
  type ComplianceGroup,
  type ComplianceRuleSet,
  checkQuorum,
  figuresRate,
  MEETING_KIND_LABELS,
  periodContaining,
  periodKey,
  periodLabel,
} from '../../../domain/org-life/index.ts';
import type { MeetingIssueRow } from './compliance.repo.ts';

/** Figures as every page shows them, with the one rate (figuresRate). */
export function figuresView(f: ComplianceFigures): z.infer<typeof FiguresView> {
  return { rate: figuresRate(f), ...f };
}

type FindingView = z.infer<typeof ComplianceFindingView>;

export function findingView(f: ComplianceFinding, groups: readonly ComplianceGroup[]): FindingView {
  const group = f.groupId === null ? undefined : groups.find((g) => g.id === f.groupId);
  return {
    kind: f.kind,
    requirementId: f.requirementId,
    meetingKind: f.meetingKind,
    period: periodKey(f.period),
    periodLabel: periodLabel(f.period),
    group: group ? { id: Number(group.id), name: group.name } : null,
    required: f.required,
    closed: f.closed,
    meetingIds: f.unclosedMeetingIds.map(Number),
    article: f.article,
    message: f.message,
  };
}

/** A meeting's record holds its minutes (docs/organizational-life.md §4). */
const MINUTES_ARTICLE = '中国共产党支部工作条例（试行）';

/**
 * What a closed meeting's record lacks (docs/organizational-life.md §3, §4): its minutes, or the quorum of a vote
 * taken there (checkQuorum: more than half, more than four fifths for an election).
 */
export function meetingIssueViews(meeting: MeetingIssueRow): FindingView[] {
  const period = periodContaining(meeting.heldOn, 'month');
  const group = meeting.groupId === null ? null : { id: meeting.groupId, name: meeting.groupName ?? '' };
  const base = {
    requirementId: null,
    meetingKind: null,
    period: periodKey(period),
    periodLabel: periodLabel(period),
    group,
    required: null,
    closed: null,
    meetingIds: [meeting.meetingId],
  };
  const out: FindingView[] = [];
  if (meeting.noMinutes)
    out.push({
      ...base,
      kind: 'no_minutes',
      article: MINUTES_ARTICLE,
      message: `${meeting.heldOn}“${meeting.topic}”已办结，但没有会议记录`,
    });
  for (const vote of meeting.votes) {
    const decision = checkQuorum(meeting.election ? 'election' : 'general', vote);
    if (!decision.ok) {
      out.push({
        ...base,
        kind: 'quorum_not_reached',
        article: decision.article ?? MINUTES_ARTICLE,
        message: `${meeting.heldOn}“${meeting.topic}”表决时${decision.message}`,
      });
    }
  }
  return out;
}

export function requirementLabel(sets: readonly ComplianceRuleSet[], id: string): string {
  for (const set of sets) {
    const req = set.requirements.find((r) => r.id === id);
    if (req)
      return `${req.byHead ? '书记讲' : ''}${MEETING_KIND_LABELS[req.meetingKind]}（${CADENCE_WORDS[req.cadence]}）`;
  }
  return id;
}

const CADENCE_WORDS = { month: '每月', quarter: '每季度', year: '每年' } as const;

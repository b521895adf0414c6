import type { OrgKind } from '../org/index.ts';
import {
  addDays,
  allow,
  type Decision,
  daysBetween,
  deny,
  type IsoDate,
  maxDate,
  minDate,
} from '../shared/index.ts';
import {
  type ComplianceRequirement,
  type ComplianceRuleSet,
  MEETING_KIND_LABELS,
  type MeetingKind,
} from './compliance-rules.ts';
import type { MeetingStatus } from './meetings.ts';
import {
  type CompliancePeriod,
  isReminderDue,
  periodEnd,
  periodKey,
  periodLabel,
  periodLength,
  periodStart,
  periodsWithin,
} from './periods.ts';
import type { OrgLifeReason } from './reasons.ts';

/** A 党小组 of the branch, for the requirements counted per group. */
export type ComplianceGroup = {
  readonly id: string;
  readonly name: string;
  readonly foundedOn: IsoDate | null;
  /** The day it ceased to exist (it existed until the day before). */
  readonly dissolvedOn: IsoDate | null;
};

export type ComplianceOrg = {
  readonly id: string;
  readonly kind: OrgKind;
  readonly foundedOn: IsoDate | null;
  readonly dissolvedOn: IsoDate | null;
  readonly hasCommittee: boolean;
  readonly groups: readonly ComplianceGroup[];
};

export type ComplianceMeeting = {
  readonly id: string;
  /** The kinds it is recorded as; the first is its principal kind. */
  readonly kinds: readonly MeetingKind[];
  readonly status: MeetingStatus;
  readonly heldOn: IsoDate | null;
  /** The 党小组 that held it; null for a meeting of the org itself. */
  readonly groupId: string | null;
  /** Given by the org's head (书记讲党课). */
  readonly givenByHead: boolean;
};

/** A requirement waived for one period (and one group), with its reason and who approved it. */
export type ComplianceExemption = {
  readonly requirementId: string;
  /** periodKey of the requirement's own period: `2026-03`, `2026-Q1`, `2026`. */
  readonly period: string;
  readonly groupId: string | null;
  readonly reason: string;
  readonly approvedBy: string;
};

export type ComplianceOptions = {
  readonly today: IsoDate;
  readonly exemptions?: readonly ComplianceExemption[];
};

/**
 * `missing`: the period is over without enough closed meetings; `not_closed`: meetings were held but are not
 * closed; `due`: the period ends within the reminder days and the requirement is still unmet.
 */
export type ComplianceFindingKind = 'missing' | 'not_closed' | 'due';

export type ComplianceFinding = {
  readonly kind: ComplianceFindingKind;
  readonly orgId: string;
  readonly requirementId: string;
  readonly meetingKind: MeetingKind;
  readonly period: CompliancePeriod;
  readonly groupId: string | null;
  readonly required: number;
  readonly closed: number;
  readonly unclosedMeetingIds: readonly string[];
  readonly article: string;
  readonly message: string;
};

export type ComplianceSkip = {
  readonly requirementId: string;
  readonly period: CompliancePeriod;
  readonly groupId: string | null;
  /** `life_span`: the org or group did not exist long enough in the period; `exemption`: an approved exemption. */
  readonly cause: 'life_span' | 'exemption';
};

export type ComplianceResult = {
  readonly findings: readonly ComplianceFinding[];
  /** Requirements judged: periods over, or already met. */
  readonly checks: number;
  readonly met: number;
  readonly skipped: readonly ComplianceSkip[];
};

/** An exemption is honoured only with a reason and an approver (docs/organizational-life.md §7.3). */
export function checkExemption(exemption: ComplianceExemption): Decision<OrgLifeReason> {
  if (exemption.reason.trim() === '') return deny('exemption_needs_reason', '免于考核须写明理由');
  if (exemption.approvedBy.trim() === '') {
    return deny('exemption_needs_approver', '免于考核须经上级党组织批准，请填写批准人');
  }
  return allow;
}

type Bounds = {
  readonly start: IsoDate;
  readonly end: IsoDate;
  readonly length: number;
  readonly key: string;
};
const boundsMemo = new Map<string, Bounds>();
const withinMemo = new Map<string, CompliancePeriod[]>();
const MEMO_LIMIT = 10_000;
const memoKey = (p: CompliancePeriod) =>
  'month' in p ? `${p.year}-${p.month}` : 'quarter' in p ? `${p.year}-Q${p.quarter}` : `${p.year}`;

/** A period's first and last day, length and key, remembered: the roll-up judges every org's periods alike. */
function bounds(period: CompliancePeriod): Bounds {
  const k = memoKey(period);
  let b = boundsMemo.get(k);
  if (b === undefined) {
    b = {
      start: periodStart(period),
      end: periodEnd(period),
      length: periodLength(period),
      key: periodKey(period),
    };
    if (boundsMemo.size >= MEMO_LIMIT) boundsMemo.clear();
    boundsMemo.set(k, b);
  }
  return b;
}

function within(period: CompliancePeriod, cadence: ComplianceRequirement['cadence']): CompliancePeriod[] {
  const k = `${memoKey(period)}/${cadence}`;
  let list = withinMemo.get(k);
  if (list === undefined) {
    list = periodsWithin(period, cadence);
    if (withinMemo.size >= MEMO_LIMIT) withinMemo.clear();
    withinMemo.set(k, list);
  }
  return list;
}

/**
 * Days of the period the org (or group) existed: from its founding day to the day before its dissolution.
 * Unknown dates count as existing.
 */
function daysAlive(period: CompliancePeriod, foundedOn: IsoDate | null, dissolvedOn: IsoDate | null): number {
  const { start, end } = bounds(period);
  const from = maxDate(start, foundedOn ?? '0001-01-01');
  const to = minDate(end, dissolvedOn ? addDays(dissolvedOn, -1) : '9999-12-31');
  return to < from ? 0 : daysBetween(from, to) + 1;
}

/**
 * Pro rata (docs/organizational-life.md §7.3): a period the org existed through only in part requires the
 * minimum times the share of days, rounded down — so with the default minimum of one, a partial period is
 * exempt, and the first full period is the first judged.
 */
export function requiredCount(
  minCount: number,
  period: CompliancePeriod,
  foundedOn: IsoDate | null,
  dissolvedOn: IsoDate | null,
): number {
  const { start, end, length } = bounds(period);
  // Alive through the whole period: no date arithmetic.
  if ((foundedOn === null || foundedOn <= start) && (dissolvedOn === null || dissolvedOn > end))
    return minCount;
  return Math.floor((minCount * daysAlive(period, foundedOn, dissolvedOn)) / length);
}

function countsFor(meeting: ComplianceMeeting, kind: MeetingKind, rules: ComplianceRuleSet): boolean {
  const kinds = rules.oneMeetingManyKinds ? meeting.kinds : meeting.kinds.slice(0, 1);
  return kinds.includes(kind);
}

function applies(req: ComplianceRequirement, org: ComplianceOrg): boolean {
  return req.appliesTo.includes(org.kind) && (!req.needsCommittee || org.hasCommittee);
}

/**
 * The findings of one org for one period (docs/organizational-life.md §7.3): each requirement of the rule set that
 * applies to the org is judged in each of its own periods lying wholly inside `period` (the months of a quarter; a
 * yearly requirement only when `period` is a year), for each group when counted per group.
 */
export function evaluateCompliance(
  org: ComplianceOrg,
  period: CompliancePeriod,
  meetings: readonly ComplianceMeeting[],
  rules: ComplianceRuleSet,
  options: ComplianceOptions,
): ComplianceResult {
  const exemptions = (options.exemptions ?? []).filter((e) => checkExemption(e).ok);
  const findings: ComplianceFinding[] = [];
  const skipped: ComplianceSkip[] = [];
  let checks = 0;
  let met = 0;
  for (const req of rules.requirements.filter((r) => applies(r, org))) {
    for (const sub of within(period, req.cadence)) {
      const { start, end, key } = bounds(sub);
      if (options.today < start) continue;
      const units: (ComplianceGroup | null)[] = req.perGroup ? [...org.groups] : [null];
      for (const group of units) {
        const groupId = group?.id ?? null;
        const skip = (cause: ComplianceSkip['cause']) =>
          skipped.push({ requirementId: req.id, period: sub, groupId, cause });
        const required = Math.min(
          requiredCount(req.minCount, sub, org.foundedOn, org.dissolvedOn),
          group ? requiredCount(req.minCount, sub, group.foundedOn, group.dissolvedOn) : req.minCount,
        );
        if (required === 0) {
          if (daysAlive(sub, org.foundedOn, org.dissolvedOn) > 0) skip('life_span');
          continue;
        }
        if (
          exemptions.length > 0 &&
          exemptions.some((e) => e.requirementId === req.id && e.period === key && e.groupId === groupId)
        ) {
          skip('exemption');
          continue;
        }
        const ofKind = meetings.filter(
          (m) =>
            m.heldOn !== null &&
            m.heldOn >= start &&
            m.heldOn <= end &&
            m.groupId === groupId &&
            (!req.byHead || m.givenByHead) &&
            countsFor(m, req.meetingKind, rules),
        );
        const closed = ofKind.filter((m) => m.status === 'closed').length;
        const unclosed = ofKind.filter((m) => m.status === 'held').map((m) => m.id);
        const ended = options.today > end;
        if (closed >= required) {
          checks++;
          met++;
          continue;
        }
        if (ended) checks++;
        const kind: ComplianceFindingKind | null =
          unclosed.length > 0
            ? 'not_closed'
            : ended
              ? 'missing'
              : isReminderDue(sub, options.today, rules.reminderDays)
                ? 'due'
                : null;
        if (kind === null) continue;
        findings.push({
          kind,
          orgId: org.id,
          requirementId: req.id,
          meetingKind: req.meetingKind,
          period: sub,
          groupId,
          required,
          closed,
          unclosedMeetingIds: unclosed,
          article: req.article,
          message: messageOf(kind, req, sub, group, required, closed, unclosed.length),
        });
      }
    }
  }
  return { findings, checks, met, skipped };
}

/** Met requirements over judged ones; 1 when nothing was judged. */
export function complianceRate(result: Pick<ComplianceResult, 'checks' | 'met'>): number {
  return result.checks === 0 ? 1 : result.met / result.checks;
}

function messageOf(
  kind: ComplianceFindingKind,
  req: ComplianceRequirement,
  period: CompliancePeriod,
  group: ComplianceGroup | null,
  required: number,
  closed: number,
  unclosed: number,
): string {
  const who = group ? `党小组“${group.name}”` : '';
  const what = `${req.byHead ? '书记讲' : ''}${MEETING_KIND_LABELS[req.meetingKind]}`;
  const need = `应至少${required}次，已办结${closed}次`;
  if (kind === 'not_closed')
    return `${periodLabel(period)}${who}${what}已召开${unclosed}次但尚未办结（${need}）`;
  if (kind === 'missing') return `${periodLabel(period)}${who}${what}未达要求（${need}）`;
  return `${periodLabel(period)}即将结束，${who}${what}尚未召开（${need}）`;
}

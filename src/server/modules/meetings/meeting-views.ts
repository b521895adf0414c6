import type { MeetingListItem, MeetingView } from '../../../contracts/meetings.ts';
import {
  type AttendanceCounts,
  type AttendeeRecord,
  checkQuorum,
  countAttendance,
  quorumKindOf,
  votingCountOf,
} from '../../../domain/org-life/index.ts';
import { canAt } from '../../access/index.ts';
import type { Ctx } from '../../context.ts';
import type { MeetingRecord } from './meetings.repo.ts';

/** The quorum this meeting needs and whether its attendance reaches it (docs/organizational-life.md §3). */
export function quorumView(m: Pick<MeetingRecord, 'kinds' | 'election'>, counts: AttendanceCounts) {
  const kind = quorumKindOf(m.kinds, m.election);
  if (kind === null) return null;
  const decision = checkQuorum(kind, votingCountOf(counts));
  return { kind, reached: decision.ok, message: decision.ok ? null : decision.message };
}

const iso = (d: Date | null) => (d === null ? null : d.toISOString());

export function listItem(m: MeetingRecord, attendees: readonly AttendeeRecord[]): MeetingListItem {
  return {
    id: m.id,
    orgId: m.orgId,
    orgName: m.orgName,
    kinds: m.kinds,
    status: m.status,
    election: m.election,
    topic: m.topic,
    plannedStart: m.plannedStart.toISOString(),
    heldOn: m.heldOn,
    place: m.place,
    counts: countAttendance(attendees),
    version: m.version,
  };
}

export type ViewFacts = {
  readonly attendees: readonly AttendeeRecord[];
  readonly names: ReadonlyMap<number, string>;
  readonly attachments: number;
  readonly votes: number;
};

/** A meeting as its page shows it, with what the actor may do to it (`can`). */
export function meetingView(ctx: Ctx, m: MeetingRecord, facts: ViewFacts): MeetingView {
  const counts = countAttendance(facts.attendees);
  const manage = canAt(ctx, 'org_life.manage', m.orgPath);
  const person = (memberId: number | null, name: string | null) => ({
    memberId,
    name: memberId === null ? name : (facts.names.get(memberId) ?? name),
  });
  return {
    ...listItem(m, facts.attendees),
    orgKind: m.orgKind,
    plannedEnd: iso(m.plannedEnd),
    heldStart: iso(m.heldStart),
    heldEnd: iso(m.heldEnd),
    host: person(m.hostMemberId, m.hostName),
    recorder: person(m.recorderMemberId, m.recorderName),
    givenByHead: m.givenByHead,
    agenda: m.agenda,
    minutes: m.minutes,
    resolutions: m.resolutions,
    closedAt: iso(m.closedAt),
    counts,
    quorum: quorumView(m, counts),
    attachmentCount: facts.attachments,
    voteCount: facts.votes,
    can: {
      edit: manage && m.status !== 'closed',
      delete: manage && m.status === 'planned',
      hold: manage && m.status === 'planned',
      close: manage && m.status === 'held',
      reopen: manage && m.status === 'closed',
      vote: manage && m.status === 'closed' && m.kinds.includes('general_meeting'),
    },
  };
}

/** The fields of a meeting an audit row records (no minutes' text: only whether there are minutes). */
export function auditedMeeting(m: Partial<MeetingRecord>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const fields = [
    'orgId',
    'kinds',
    'status',
    'election',
    'topic',
    'plannedStart',
    'plannedEnd',
    'heldStart',
    'heldEnd',
    'heldOn',
    'place',
    'hostMemberId',
    'hostName',
    'recorderMemberId',
    'recorderName',
    'givenByHead',
  ] as const;
  for (const f of fields) {
    if (m[f] === undefined) continue;
    const v = m[f];
    out[f] = v instanceof Date ? v.toISOString() : v;
  }
  for (const f of ['agenda', 'minutes', 'resolutions'] as const) {
    if (m[f] !== undefined) out[f] = m[f] === null ? null : `（${(m[f] as string).length}字）`;
  }
  return out;
}

import dayjs, { type Dayjs } from 'dayjs';
import type { CreateMeetingInput, Meeting, MeetingKind, UpdateMeetingInput } from '../../api/meetings.ts';
import type { PersonValue } from './PersonPicker.tsx';

/** What the meeting form holds: the API's body with pickers' values (dates as Dayjs, people as one value). */
export type MeetingFormValues = {
  orgId?: number;
  kinds: MeetingKind[];
  election: boolean;
  topic: string;
  plannedStart: Dayjs;
  plannedEnd?: Dayjs | null;
  heldStart?: Dayjs | null;
  heldEnd?: Dayjs | null;
  place?: string | null;
  host?: PersonValue | null;
  recorder?: PersonValue | null;
  agenda?: string | null;
};

/** Form fields the server's issues and refusals may name. */
export const MEETING_FORM_FIELDS = [
  'orgId',
  'kinds',
  'election',
  'topic',
  'plannedStart',
  'plannedEnd',
  'heldStart',
  'heldEnd',
  'place',
  'agenda',
];

/** An instant with the browser's offset (`2026-12-05T14:00:00+08:00`), as the contract takes it. */
const instant = (d: Dayjs): string => d.second(0).millisecond(0).format();

const person = (p: PersonValue | null | undefined) => ({
  memberId: p?.memberId ?? null,
  name: p?.memberId ? null : p?.name?.trim() || null,
});

export function toCreateBody(values: MeetingFormValues): CreateMeetingInput {
  const host = person(values.host);
  const recorder = person(values.recorder);
  return {
    orgId: values.orgId as number,
    kinds: values.kinds,
    election: values.election,
    topic: values.topic.trim(),
    plannedStart: instant(values.plannedStart),
    plannedEnd: values.plannedEnd ? instant(values.plannedEnd) : null,
    place: values.place?.trim() || null,
    hostMemberId: host.memberId,
    hostName: host.name,
    recorderMemberId: recorder.memberId,
    recorderName: recorder.name,
    agenda: values.agenda?.trim() || null,
  };
}

/** Every field of the form as a change (a cleared field clears); the held times only once held. */
export function toUpdateBody(values: MeetingFormValues, meeting: Meeting): UpdateMeetingInput {
  const { orgId: _org, ...body } = toCreateBody({ ...values, orgId: meeting.orgId });
  return {
    ...body,
    version: meeting.version,
    ...(meeting.status !== 'planned' && values.heldStart
      ? { heldStart: instant(values.heldStart), heldEnd: values.heldEnd ? instant(values.heldEnd) : null }
      : {}),
  };
}

const at = (iso: string | null): Dayjs | null => (iso ? dayjs(iso) : null);

export function formValuesOf(m: Meeting): MeetingFormValues {
  return {
    orgId: m.orgId,
    kinds: m.kinds,
    election: m.election,
    topic: m.topic,
    plannedStart: dayjs(m.plannedStart),
    plannedEnd: at(m.plannedEnd),
    heldStart: at(m.heldStart),
    heldEnd: at(m.heldEnd),
    place: m.place,
    host: m.host.memberId || m.host.name ? m.host : null,
    recorder: m.recorder.memberId || m.recorder.name ? m.recorder : null,
    agenda: m.agenda,
  };
}

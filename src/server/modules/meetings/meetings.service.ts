import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type {
  CreateMeetingBody,
  MeetingListQuery,
  MeetingView,
  UpdateMeetingBody,
} from '../../../contracts/meetings.ts';
import {
  ATTACHMENT_TYPES,
  checkDeletable,
  checkEditable,
  checkHeldOn,
  checkKindsForOrg,
  checkMeetingPeople,
  checkMeetingTimes,
  type MeetingKind,
} from '../../../domain/org-life/index.ts';
import { loadForChange, requirePermission, scopeFor, subtreeIn } from '../../access/index.ts';
import { recordAudit } from '../../audit/audit.ts';
import { type Ctx, inTransaction } from '../../context.ts';
import { findOrgRefInScope } from '../../db/org-refs.ts';
import { enforce, ruleViolation } from '../../errors.ts';
import type { RosterMember } from '../members/index.ts';
import { getOrgLifeSettings } from '../settings/index.ts';
import { listAttendeeRecords } from './attendance.repo.ts';
import { dayOf, rosterDay, syncExpected } from './expected.ts';
import { meetingForChange, readableMeeting, reread, viewOf } from './meeting-load.ts';
import { auditedMeeting, listItem } from './meeting-views.ts';
import {
  deleteMeetingRow,
  insertMeeting,
  listMeetingRecords,
  type MeetingRecord,
  updateMeetingAtVersion,
} from './meetings.repo.ts';

export async function listMeetings(ctx: Ctx, query: z.output<typeof MeetingListQuery>) {
  const scope = scopeFor(ctx, 'org_life.read');
  const within = await subtreeIn(ctx, scope, query.orgId);
  const { rows, total } = await listMeetingRecords(ctx.db, {
    scope,
    within,
    from: query.from,
    to: query.to,
    kind: query.kind,
    status: query.status,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  const attendees = await listAttendeeRecords(
    ctx.db,
    rows.map((m) => m.id),
  );
  return { items: rows.map((m) => listItem(m, attendees.get(m.id) ?? [])), total };
}

export async function getMeeting(ctx: Ctx, input: { id: number }): Promise<MeetingView> {
  return viewOf(ctx, await readableMeeting(ctx, input.id));
}

/** The parameters of meetings (CFG), for the forms of whoever reads meetings. */
export async function meetingPolicyFor(ctx: Ctx) {
  requirePermission(ctx, 'org_life.read');
  const s = await getOrgLifeSettings(ctx.db);
  return {
    exclusionReasons: [...s.exclusionReasons],
    makeUpDays: s.makeUpDays,
    checkInBeforeMinutes: s.checkInBeforeMinutes,
    checkInAfterMinutes: s.checkInAfterMinutes,
    maxAttachmentMb: s.maxAttachmentMb,
    attachmentTypes: Object.keys(ATTACHMENT_TYPES),
  };
}

/** The host and recorder named as members are on the roster of the meeting's day (422 otherwise). */
function checkPeople(m: Pick<MeetingRecord, 'hostMemberId' | 'recorderMemberId'>, roster: RosterMember[]) {
  const on = new Set(roster.map((r) => r.memberId));
  const outsiders = [m.hostMemberId, m.recorderMemberId].filter(
    (id): id is number => id !== null && !on.has(id),
  );
  enforce(checkMeetingPeople(outsiders));
}

/** The instant given, or null. */
const instant = (v: string | null | undefined) =>
  v === undefined ? undefined : v === null ? null : new Date(v);

/**
 * A new meeting, planned (docs/organizational-life.md §4): by an org whose kind holds its kinds, its 应到会 derived
 * from the roster of its planned day. Audited.
 */
export async function createMeeting(
  ctx: Ctx,
  input: z.output<typeof CreateMeetingBody>,
): Promise<MeetingView> {
  return inTransaction(ctx, async (tx) => {
    const {
      row: org,
      role,
      scope,
    } = await loadForChange(tx, {
      permission: 'org_life.manage',
      load: (s) => findOrgRefInScope(tx.db, s, input.orgId),
      at: (o) => o.path,
      what: '组织',
    });
    enforce(checkKindsForOrg(input.kinds, org.kind));
    const plannedStart = new Date(input.plannedStart);
    const plannedEnd = instant(input.plannedEnd) ?? null;
    enforce(checkMeetingTimes(plannedStart, plannedEnd));
    const id = await insertMeeting(tx.db, {
      orgId: org.id,
      kinds: input.kinds,
      election: input.election,
      topic: input.topic,
      plannedStart,
      plannedEnd,
      place: input.place,
      hostMemberId: input.hostMemberId,
      hostName: input.hostMemberId === null ? input.hostName : null,
      recorderMemberId: input.recorderMemberId,
      recorderName: input.recorderMemberId === null ? input.recorderName : null,
      agenda: input.agenda,
      checkInSecret: randomBytes(32).toString('base64url'),
      createdBy: tx.audit.actorId,
    });
    const m = await reread(tx, scope, id);
    checkPeople(m, await syncExpected(tx.db, m));
    await recordAudit(tx, {
      action: 'meeting.create',
      entityType: 'meeting',
      entityId: id,
      orgId: org.id,
      role,
      after: auditedMeeting(m),
    });
    return viewOf(tx, m);
  });
}

type UpdateInput = z.output<typeof UpdateMeetingBody> & { id: number };
type Changes = Partial<MeetingRecord>;

/** The fields sent, as the row's values: a member named clears the free name, and the other way round. */
function changesOf(m: MeetingRecord, input: UpdateInput): Changes {
  const c: Record<string, unknown> = {};
  const set = (key: keyof MeetingRecord, value: unknown) => {
    if (value !== undefined) c[key] = value;
  };
  set('kinds', input.kinds);
  set('election', input.election);
  set('topic', input.topic);
  set('plannedStart', instant(input.plannedStart));
  set('plannedEnd', instant(input.plannedEnd));
  set('heldStart', instant(input.heldStart));
  set('heldEnd', instant(input.heldEnd));
  for (const key of ['place', 'agenda', 'minutes', 'resolutions'] as const) set(key, input[key]);
  for (const who of ['host', 'recorder'] as const) {
    const id = input[`${who}MemberId`];
    const name = input[`${who}Name`];
    if (id !== undefined && id !== null) {
      c[`${who}MemberId`] = id;
      c[`${who}Name`] = null;
    } else if (name !== undefined && name !== null) {
      c[`${who}Name`] = name;
      c[`${who}MemberId`] = null;
    } else if (id === null || name === null) {
      if (id === null) c[`${who}MemberId`] = null;
      if (name === null) c[`${who}Name`] = null;
    }
  }
  if (c.heldStart !== undefined) {
    if (m.status === 'planned') {
      throw ruleViolation({
        ok: false,
        reason: 'meeting_not_held',
        message: '会议尚未召开，请通过“登记召开”填写召开时间',
      });
    }
    c.heldOn = dayOf(c.heldStart as Date);
  }
  return c as Changes;
}

/** Only what differs from the stored meeting. */
function differences(m: MeetingRecord, c: Changes): Changes {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(c)) {
    const was = m[key as keyof MeetingRecord];
    const same =
      value instanceof Date && was instanceof Date
        ? value.getTime() === was.getTime()
        : JSON.stringify(value) === JSON.stringify(was);
    if (!same) out[key] = value;
  }
  return out as Changes;
}

/**
 * Changes a meeting not closed (docs/organizational-life.md §4) at its version: the kinds still fit the org, times in
 * order, a held meeting not dated in the future; 应到会 derived again when its day or its kinds change. Audited.
 */
export async function updateMeeting(ctx: Ctx, input: UpdateInput): Promise<MeetingView> {
  return inTransaction(ctx, async (tx) => {
    const { m, role, scope } = await meetingForChange(tx, input.id, input.version);
    enforce(checkEditable(m.status));
    const c = differences(m, changesOf(m, input));
    const next = { ...m, ...c } as MeetingRecord;
    if (c.kinds) enforce(checkKindsForOrg(c.kinds as MeetingKind[], m.orgKind));
    enforce(checkMeetingTimes(next.plannedStart, next.plannedEnd));
    if (next.heldStart) enforce(checkMeetingTimes(next.heldStart, next.heldEnd));
    if (c.heldOn) enforce(checkHeldOn(c.heldOn, tx.today));
    await updateMeetingAtVersion(tx.db, m.id, m.version, c, tx.at);
    const saved = await reread(tx, scope, m.id);
    const rederive = rosterDay(saved) !== rosterDay(m) || c.kinds !== undefined;
    const roster = rederive || c.hostMemberId || c.recorderMemberId ? await syncExpected(tx.db, saved) : null;
    if (roster) checkPeople(saved, roster);
    await recordAudit(tx, {
      action: 'meeting.update',
      entityType: 'meeting',
      entityId: m.id,
      orgId: m.orgId,
      role,
      before: auditedMeeting(Object.fromEntries(Object.keys(c).map((k) => [k, m[k as keyof MeetingRecord]]))),
      after: auditedMeeting(c),
    });
    return viewOf(tx, saved);
  });
}

/** Deletes a meeting still planned (a held one is part of the record), with its 应到会. Audited. */
export async function deleteMeeting(ctx: Ctx, input: { id: number; version: number }): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const { m, role } = await meetingForChange(tx, input.id, input.version);
    enforce(checkDeletable(m.status));
    await deleteMeetingRow(tx.db, m.id);
    await recordAudit(tx, {
      action: 'meeting.delete',
      entityType: 'meeting',
      entityId: m.id,
      orgId: m.orgId,
      role,
      before: auditedMeeting(m),
    });
  });
}

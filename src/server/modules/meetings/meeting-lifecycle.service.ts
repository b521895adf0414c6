import type { z } from 'zod';
import type {
  CloseMeetingBody,
  HoldMeetingBody,
  MeetingView,
  ReopenMeetingBody,
} from '../../../contracts/meetings.ts';
import { headPost } from '../../../domain/org/index.ts';
import {
  checkClose,
  checkHold,
  checkMeetingTimes,
  checkReopen,
  countAttendance,
} from '../../../domain/org-life/index.ts';
import { recordAudit } from '../../audit/audit.ts';
import { type Ctx, inTransaction } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { enforce } from '../../errors.ts';
import { memberNames } from '../members/index.ts';
import { listAttendeeRows } from './attendance.repo.ts';
import { dayOf, syncExpected } from './expected.ts';
import { meetingForChange, reread, viewOf } from './meeting-load.ts';
import { headNameOn, type MeetingRecord, updateMeetingAtVersion } from './meetings.repo.ts';

/**
 * 书记讲党课 (docs/organizational-life.md §7.2): the host — a member, or a name typed — is the holder of the org's head
 * post on the day held, as the leadership posts record it (by name: posts record the holder's name).
 */
async function givenByHead(db: Db, m: MeetingRecord): Promise<boolean> {
  if (m.heldOn === null) return false;
  const head = await headNameOn(db, m.orgId, headPost(m.orgKind), m.heldOn);
  if (head === undefined) return false;
  const host =
    m.hostMemberId === null
      ? m.hostName
      : ((await memberNames(db, [m.hostMemberId])).get(m.hostMemberId) ?? null);
  return host !== null && host.trim() === head;
}

/**
 * planned → held (docs/organizational-life.md §4): when it was held, on a day not in the future; 应到会 derived again
 * from the roster of that day, attendance already recorded kept. Audited.
 */
export async function holdMeeting(
  ctx: Ctx,
  input: z.output<typeof HoldMeetingBody> & { id: number },
): Promise<MeetingView> {
  return inTransaction(ctx, async (tx) => {
    const { m, role, scope } = await meetingForChange(tx, input.id, input.version);
    const heldStart = new Date(input.heldStart);
    const heldEnd = input.heldEnd === null ? null : new Date(input.heldEnd);
    const heldOn = dayOf(heldStart);
    enforce(checkHold(m.status, heldOn, tx.today));
    enforce(checkMeetingTimes(heldStart, heldEnd));
    const changes = { status: 'held' as const, heldStart, heldEnd, heldOn };
    const byHead = await givenByHead(tx.db, { ...m, ...changes });
    await updateMeetingAtVersion(tx.db, m.id, m.version, { ...changes, givenByHead: byHead }, tx.at);
    const saved = await reread(tx, scope, m.id);
    await syncExpected(tx.db, saved);
    await recordAudit(tx, {
      action: 'meeting.hold',
      entityType: 'meeting',
      entityId: m.id,
      orgId: m.orgId,
      role,
      before: { status: m.status },
      after: { status: 'held', heldStart: heldStart.toISOString(), heldOn, givenByHead: byHead },
    });
    return viewOf(tx, saved);
  });
}

/**
 * held → closed (docs/organizational-life.md §4): held on a day not in the future, minutes present, every member
 * 应到会 with their attendance recorded. Only a closed meeting counts (§7.3). Audited.
 */
export async function closeMeeting(
  ctx: Ctx,
  input: z.output<typeof CloseMeetingBody> & { id: number },
): Promise<MeetingView> {
  return inTransaction(ctx, async (tx) => {
    const { m, role, scope } = await meetingForChange(tx, input.id, input.version);
    if (m.status === 'held') await syncExpected(tx.db, m);
    const counts = countAttendance(await listAttendeeRows(tx.db, m.id));
    enforce(
      checkClose(
        { status: m.status, heldOn: m.heldOn, minutes: m.minutes, unrecorded: counts.unrecorded },
        tx.today,
      ),
    );
    const byHead = await givenByHead(tx.db, m);
    await updateMeetingAtVersion(
      tx.db,
      m.id,
      m.version,
      { status: 'closed', closedAt: tx.at, closedBy: tx.audit.actorId, givenByHead: byHead },
      tx.at,
    );
    await recordAudit(tx, {
      action: 'meeting.close',
      entityType: 'meeting',
      entityId: m.id,
      orgId: m.orgId,
      role,
      before: { status: m.status },
      after: { status: 'closed', givenByHead: byHead },
      note: {
        expected: counts.expected,
        present: counts.present,
        leave: counts.leave,
        absent: counts.absent,
      },
    });
    return viewOf(tx, await reread(tx, scope, m.id));
  });
}

/** closed → held, to correct it; the reason is kept in the audit row. */
export async function reopenMeeting(
  ctx: Ctx,
  input: z.output<typeof ReopenMeetingBody> & { id: number },
): Promise<MeetingView> {
  return inTransaction(ctx, async (tx) => {
    const { m, role, scope } = await meetingForChange(tx, input.id, input.version);
    enforce(checkReopen(m.status));
    await updateMeetingAtVersion(
      tx.db,
      m.id,
      m.version,
      { status: 'held', closedAt: null, closedBy: null },
      tx.at,
    );
    await recordAudit(tx, {
      action: 'meeting.reopen',
      entityType: 'meeting',
      entityId: m.id,
      orgId: m.orgId,
      role,
      before: { status: 'closed' },
      after: { status: 'held' },
      note: { reason: input.reason },
    });
    return viewOf(tx, await reread(tx, scope, m.id));
  });
}

import type { Role } from '../../../domain/access/index.ts';
import { found, loadForChange, scopeFor } from '../../access/index.ts';
import type { Ctx } from '../../context.ts';
import type { Scope } from '../../db/scope.ts';
import { memberNames } from '../members/index.ts';
import { listAttendeeRecords } from './attendance.repo.ts';
import { meetingView } from './meeting-views.ts';
import { countsOf, findMeetingInScope, type MeetingRecord } from './meetings.repo.ts';

export const WHAT = '会议';

/** A meeting the actor may read (org_life.read), else 404. */
export async function readableMeeting(ctx: Ctx, id: number): Promise<MeetingRecord> {
  return found(await findMeetingInScope(ctx.db, scopeFor(ctx, 'org_life.read'), id), WHAT);
}

/**
 * The opening of a change to a meeting (org_life.manage over its org): 403 without the permission anywhere, 404
 * outside the scope, the row locked, 409 when `version` is given and stale.
 */
export async function meetingForChange(
  tx: Ctx,
  id: number,
  version?: number,
): Promise<{ m: MeetingRecord; role: Role; scope: Scope }> {
  const target = {
    permission: 'org_life.manage' as const,
    load: (scope: Scope) => findMeetingInScope(tx.db, scope, id, true),
    at: (m: MeetingRecord) => m.orgPath,
    what: WHAT,
  };
  const { row, role, scope } =
    version === undefined ? await loadForChange(tx, target) : await loadForChange(tx, { ...target, version });
  return { m: row, role, scope };
}

/** The meeting as read again after a change (or for a read), in its view. */
export async function viewOf(ctx: Ctx, m: MeetingRecord) {
  const attendees = (await listAttendeeRecords(ctx.db, [m.id])).get(m.id) ?? [];
  const people = [m.hostMemberId, m.recorderMemberId].filter((id): id is number => id !== null);
  const counts = (await countsOf(ctx.db, [m.id])).get(m.id) ?? { attachments: 0, votes: 0 };
  return meetingView(ctx, m, {
    attendees,
    names: await memberNames(ctx.db, people),
    attachments: counts.attachments,
    votes: counts.votes,
  });
}

/** Reads the meeting again in the scope it was loaded in (after a write in the same transaction). */
export async function reread(ctx: Ctx, scope: Scope, id: number): Promise<MeetingRecord> {
  return found(await findMeetingInScope(ctx.db, scope, id), WHAT);
}

import { createHmac, timingSafeEqual } from 'node:crypto';
import type { z } from 'zod';
import type { CheckInBody } from '../../../contracts/meetings.ts';
import type { Role } from '../../../domain/access/index.ts';
import { checkCheckIn, checkInWindow } from '../../../domain/org-life/index.ts';
import { found, requirePermission } from '../../access/index.ts';
import { recordAudit } from '../../audit/audit.ts';
import { type Ctx, inTransaction } from '../../context.ts';
import { enforce } from '../../errors.ts';
import { memberIdOfPerson } from '../members/index.ts';
import { getOrgLifeSettings } from '../settings/index.ts';
import { findAttendeeRow, updateAttendee } from './attendance.repo.ts';
import { meetingForChange, WHAT } from './meeting-load.ts';
import { findMeeting, type MeetingRecord } from './meetings.repo.ts';

/** The code of a meeting: an HMAC of its id under its own secret (a new secret makes earlier codes useless). */
export function checkInToken(m: Pick<MeetingRecord, 'id' | 'checkInSecret'>): string {
  return createHmac('sha256', m.checkInSecret).update(`meeting:${m.id}`).digest('base64url').slice(0, 32);
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function windowOf(ctx: Ctx, m: MeetingRecord) {
  const s = await getOrgLifeSettings(ctx.db);
  return checkInWindow(m, { before: s.checkInBeforeMinutes, after: s.checkInAfterMinutes });
}

/** The secretary's QR code for a meeting (org_life.manage over its org), with the window it is valid in. */
export async function getCheckInCode(ctx: Ctx, input: { id: number }) {
  const { m } = await meetingForChange(ctx, input.id);
  const token = checkInToken(m);
  const w = await windowOf(ctx, m);
  return {
    token,
    url: `/check-in/meetings/${m.id}?token=${token}`,
    validFrom: w.validFrom.toISOString(),
    validUntil: w.validUntil.toISOString(),
  };
}

/** The member's own record (member.self), through the account's person; 404 for an account without one. */
export async function ownMember(ctx: Ctx): Promise<{ memberId: number; role: Role }> {
  const role = requirePermission(ctx, 'member.self');
  const { personId } = ctx.principal.user;
  const memberId = personId === null ? undefined : await memberIdOfPerson(ctx.db, personId);
  return { memberId: found(memberId, '本人的党员档案'), role };
}

/**
 * A member checks in with the meeting's code (docs/organizational-life.md §2): the code right, inside its window,
 * and the member 应到会 there; recorded present, source `qr`. Audited.
 */
export async function checkIn(ctx: Ctx, input: z.output<typeof CheckInBody> & { id: number }) {
  return inTransaction(ctx, async (tx) => {
    const { memberId, role } = await ownMember(tx);
    const m = found(await findMeeting(tx.db, input.id, true), WHAT);
    const row = await findAttendeeRow(tx.db, m.id, memberId);
    enforce(
      checkCheckIn(
        {
          tokenMatches: sameToken(input.token, checkInToken(m)),
          status: m.status,
          window: await windowOf(tx, m),
          expected: row !== undefined && row.excludedReason === null,
        },
        tx.at,
      ),
    );
    await updateAttendee(tx.db, m.id, memberId, {
      attendance: 'present',
      leaveReason: null,
      checkedInAt: tx.at,
      checkInSource: 'qr',
    });
    await recordAudit(tx, {
      action: 'meeting.check_in',
      entityType: 'meeting',
      entityId: m.id,
      orgId: m.orgId,
      role,
      after: { memberId, attendance: 'present', checkInSource: 'qr' },
    });
    return {
      meetingId: m.id,
      topic: m.topic,
      attendance: 'present' as const,
      checkedInAt: tx.at.toISOString(),
    };
  });
}

import type { z } from 'zod';
import type {
  AppraisalView,
  OwnAppraisalBody,
  UpdateParticipantBody,
} from '../../../contracts/appraisals.ts';
import { checkBallot, checkGrade, checkRoundOpen } from '../../../domain/org-life/index.ts';
import { found, requirePermission } from '../../access/index.ts';
import { recordAudit } from '../../audit/audit.ts';
import { type Ctx, inTransaction } from '../../context.ts';
import { enforce } from '../../errors.ts';
import {
  ballotsOf,
  findRoundInScope,
  listParticipants,
  type ParticipantRow,
  roundsOfParticipant,
  updateParticipant,
  updateRoundAtVersion,
  upsertBallot,
} from './appraisals.repo.ts';
import { loadView, lockRound } from './appraisals.service.ts';
import { findMemberOfPerson } from './branch-roster.repo.ts';

type UpdateInput = z.output<typeof UpdateParticipantBody> & { id: number; memberId: number };

/** The fields sent, the others left as they are. */
function changesOf(input: UpdateInput) {
  return {
    ...(input.selfAssessment !== undefined ? { selfAssessment: input.selfAssessment } : {}),
    ...(input.peerVotes !== undefined ? { peerVotes: input.peerVotes } : {}),
    ...(input.grade !== undefined ? { grade: input.grade } : {}),
    ...(input.gradeNote !== undefined ? { gradeNote: input.gradeNote } : {}),
  };
}

function pick(p: ParticipantRow, keys: readonly string[]) {
  return Object.fromEntries(keys.map((k) => [k, p[k as keyof ParticipantRow] ?? null]));
}

/**
 * The secretary enters a participant's self-assessment, the paper tally of the peer votes and the branch's grade
 * (docs/organizational-life.md §5.1): only while the round is open, a grade only for a graded participant. The
 * round's version moves on. Audited with the fields before and after.
 */
export async function updateAppraisalParticipant(ctx: Ctx, input: UpdateInput): Promise<AppraisalView> {
  return inTransaction(ctx, async (tx) => {
    const { row: r, role } = await lockRound(tx, input.id, input.version);
    enforce(checkRoundOpen(r.status));
    const participant = found(
      (await listParticipants(tx.db, [r.id])).find((p) => p.memberId === input.memberId),
      '参评党员',
    );
    const changes = changesOf(input);
    if (changes.grade !== undefined) enforce(checkGrade(participant.graded, changes.grade));
    await updateParticipant(tx.db, r.id, participant.memberId, changes);
    await updateRoundAtVersion(tx.db, r.id, r.version, {});
    await recordAudit(tx, {
      action: 'appraisal.participant',
      entityType: 'appraisal',
      entityId: r.id,
      orgId: r.orgId,
      role,
      before: pick(participant, Object.keys(changes)),
      after: { ...changes },
      note: { memberId: participant.memberId },
    });
    return loadView(tx, found(await findRoundInScope(tx.db, { roots: [r.orgPath] }, r.id)));
  });
}

/** The member behind the account (member.self), or 404. */
async function ownMember(ctx: Ctx) {
  requirePermission(ctx, 'member.self');
  const { personId } = ctx.principal.user;
  return found(personId === null ? undefined : await findMemberOfPerson(ctx.db, personId), '本人的党员档案');
}

async function ownView(ctx: Ctx, memberId: number, roundId: number) {
  const everyone = await listParticipants(ctx.db, [roundId]);
  const mine = await ballotsOf(ctx.db, roundId, memberId);
  return {
    self: everyone.find((p) => p.memberId === memberId),
    peers: everyone
      .filter((p) => p.memberId !== memberId)
      .map((p) => ({ memberId: p.memberId, name: p.name, myVote: mine.get(p.memberId) ?? null })),
  };
}

/** The open rounds the member takes part in, their self-assessment and the ballots they cast (§5.1). */
export async function listOwnAppraisals(ctx: Ctx) {
  const me = await ownMember(ctx);
  const rounds = await roundsOfParticipant(ctx.db, me.memberId);
  const items = [];
  for (const r of rounds) {
    const { self, peers } = await ownView(ctx, me.memberId, r.id);
    items.push({
      id: r.id,
      orgName: r.orgName,
      year: r.year,
      heldOn: r.heldOn,
      status: r.status,
      selfAssessment: self?.selfAssessment ?? null,
      peers,
    });
  }
  return { items };
}

/**
 * The member's own part from the phone (member.self): the self-assessment, and one ballot per other participant
 * (a new one replaces the earlier), never about oneself, only while the round is open. Audited.
 */
export async function saveOwnAppraisal(ctx: Ctx, input: z.output<typeof OwnAppraisalBody> & { id: number }) {
  return inTransaction(ctx, async (tx) => {
    const me = await ownMember(tx);
    const r = found(
      (await roundsOfParticipant(tx.db, me.memberId)).find((x) => x.id === input.id),
      WHAT_OWN,
    );
    enforce(checkRoundOpen(r.status));
    const everyone = new Set((await listParticipants(tx.db, [r.id])).map((p) => p.memberId));
    if (input.selfAssessment !== undefined) {
      await updateParticipant(tx.db, r.id, me.memberId, { selfAssessment: input.selfAssessment });
      await recordAudit(tx, {
        action: 'appraisal.participant',
        entityType: 'appraisal',
        entityId: r.id,
        orgId: r.orgId,
        role: 'member',
        after: { selfAssessment: input.selfAssessment },
        note: { memberId: me.memberId, self: true },
      });
    }
    for (const b of input.ballots ?? []) {
      enforce(checkBallot(me.memberId, b.subjectMemberId));
      found(everyone.has(b.subjectMemberId) ? b : undefined, '参评党员');
      await upsertBallot(tx.db, { roundId: r.id, voterMemberId: me.memberId, ...b, at: tx.at });
    }
    if ((input.ballots ?? []).length > 0) {
      await recordAudit(tx, {
        action: 'appraisal.ballot',
        entityType: 'appraisal',
        entityId: r.id,
        orgId: r.orgId,
        role: 'member',
        note: { voterMemberId: me.memberId, ballots: input.ballots?.length },
      });
    }
    return listOwnAppraisals(tx);
  });
}

const WHAT_OWN = '本人参加的民主评议';

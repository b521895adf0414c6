import type { z } from 'zod';
import type { CreateVoteBody, VoteView } from '../../../contracts/meeting-votes.ts';
import {
  checkMeetingPeople,
  checkVote,
  checkVotingMeeting,
  countAttendance,
  tallyBallots,
  type VoteTally,
} from '../../../domain/org-life/index.ts';
import { recordAudit } from '../../audit/audit.ts';
import { type Ctx, inTransaction } from '../../context.ts';
import { enforce, ruleViolation } from '../../errors.ts';
import { memberNames } from '../members/index.ts';
import { listAttendeeRows } from './attendance.repo.ts';
import { expectedRoster } from './expected.ts';
import { meetingForChange, readableMeeting } from './meeting-load.ts';
import { type BallotRow, insertBallots, insertVote, listVoteRows, type VoteRow } from './votes.repo.ts';

async function viewsOf(ctx: Ctx, votes: VoteRow[], ballots: BallotRow[]): Promise<VoteView[]> {
  const ids = [
    ...votes.flatMap((v) => (v.subjectMemberId === null ? [] : [v.subjectMemberId])),
    ...ballots.map((b) => b.memberId),
  ];
  const names = await memberNames(ctx.db, [...new Set(ids)]);
  return votes.map((v) => ({
    id: v.id,
    meetingId: v.meetingId,
    subject: v.subject,
    subjectMemberId: v.subjectMemberId,
    subjectMemberName: v.subjectMemberId === null ? null : (names.get(v.subjectMemberId) ?? null),
    title: v.title,
    secretBallot: v.secretBallot,
    inFavour: v.inFavour,
    against: v.against,
    abstain: v.abstain,
    writtenInFavour: v.writtenInFavour,
    entitled: v.entitled,
    present: v.present,
    passed: v.passed,
    recordedAt: v.recordedAt.toISOString(),
    ballots: ballots
      .filter((b) => b.voteId === v.id)
      .map((b) => ({
        memberId: b.memberId,
        name: names.get(b.memberId) ?? '',
        choice: b.choice,
        written: b.written,
      }))
      .sort((a, b) => a.name.localeCompare(b.name, 'zh')),
  }));
}

export async function listVotes(ctx: Ctx, input: { id: number }): Promise<VoteView[]> {
  const m = await readableMeeting(ctx, input.id);
  const { votes, ballots } = await listVoteRows(ctx.db, m.id);
  return viewsOf(ctx, votes, ballots);
}

type CreateInput = z.output<typeof CreateVoteBody> & { id: number };

/**
 * Records a vote of a closed 支部党员大会 (docs/organizational-life.md §3): the totals of a secret ballot or one
 * ballot per voting member 应到会 (present, or in writing when absent), checked against the quorum and the tallies;
 * it passes with votes in favour from more than half of the voting members 应到会 (a vote that does not is stored
 * as not passed). Entitled and present are those of the meeting's attendance now. Audited.
 */
export async function createVote(ctx: Ctx, input: CreateInput): Promise<VoteView> {
  return inTransaction(ctx, async (tx) => {
    const { m, role } = await meetingForChange(tx, input.id);
    enforce(checkVotingMeeting(m.kinds));
    if (m.status !== 'closed') {
      throw ruleViolation({ ok: false, reason: 'meeting_not_closed', message: '会议办结后才能登记表决结果' });
    }
    if (input.subjectMemberId !== null) {
      const roster = await expectedRoster(tx.db, m);
      const on = roster.some((r) => r.memberId === input.subjectMemberId);
      enforce(checkMeetingPeople(on ? [] : [input.subjectMemberId]));
    }
    const rows = (await listAttendeeRows(tx.db, m.id)).filter((r) => r.excludedReason === null);
    const counts = countAttendance(rows);
    const count = { entitled: counts.votingEntitled, present: counts.votingPresent };
    let tally: VoteTally;
    if (input.secretBallot) {
      tally = input.tally as VoteTally;
    } else {
      const voters = rows.map((r) => ({
        memberId: r.memberId,
        hasVote: r.hasVote,
        present: r.attendance === 'present',
      }));
      const result = tallyBallots(input.ballots ?? [], voters);
      if (!result.ok) throw ruleViolation(result);
      tally = result.tally;
    }
    const decision = checkVote(count, tally, { countWrittenOpinions: true });
    if (!decision.ok && decision.reason !== 'majority_not_reached') throw ruleViolation(decision);
    const id = await insertVote(tx.db, {
      meetingId: m.id,
      subject: input.subject,
      subjectMemberId: input.subjectMemberId,
      title: input.title,
      secretBallot: input.secretBallot,
      ...tally,
      entitled: count.entitled,
      present: count.present,
      passed: decision.ok,
      recordedBy: tx.audit.actorId,
      recordedAt: tx.at,
    });
    if (!input.secretBallot) {
      await insertBallots(
        tx.db,
        (input.ballots ?? []).map((b) => ({
          voteId: id,
          memberId: b.memberId,
          choice: b.choice,
          written: b.written,
        })),
      );
    }
    await recordAudit(tx, {
      action: 'meeting.vote',
      entityType: 'meeting',
      entityId: m.id,
      orgId: m.orgId,
      role,
      after: {
        voteId: id,
        subject: input.subject,
        subjectMemberId: input.subjectMemberId,
        secretBallot: input.secretBallot,
        ...tally,
        entitled: count.entitled,
        present: count.present,
        passed: decision.ok,
      },
    });
    const { votes, ballots } = await listVoteRows(tx.db, m.id, id);
    return (await viewsOf(tx, votes, ballots))[0] as VoteView;
  });
}

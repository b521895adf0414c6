import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { meetingBallots, meetingVotes } from '../../db/tables/meetings.ts';

export type VoteRow = typeof meetingVotes.$inferSelect;
export type BallotRow = typeof meetingBallots.$inferSelect;

export async function insertVote(db: Db, values: typeof meetingVotes.$inferInsert): Promise<number> {
  const [row] = await db.insert(meetingVotes).values(values).returning({ id: meetingVotes.id });
  return (row as { id: number }).id;
}

export async function insertBallots(db: Db, rows: (typeof meetingBallots.$inferInsert)[]): Promise<void> {
  if (rows.length > 0) await db.insert(meetingBallots).values(rows);
}

export async function listVoteRows(db: Db, meetingId: number, voteId?: number) {
  const votes = await db
    .select()
    .from(meetingVotes)
    .where(voteId === undefined ? eq(meetingVotes.meetingId, meetingId) : eq(meetingVotes.id, voteId))
    .orderBy(asc(meetingVotes.id));
  const ballots =
    votes.length === 0
      ? []
      : await db
          .select()
          .from(meetingBallots)
          .where(
            inArray(
              meetingBallots.voteId,
              votes.map((v) => v.id),
            ),
          );
  return { votes, ballots };
}

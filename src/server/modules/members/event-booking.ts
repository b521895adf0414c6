import { bookEvent, type ClosedPeriodPolicy } from '../../../domain/membership/index.ts';
import type { IsoDate } from '../../../domain/shared/index.ts';
import type { WorkCtx } from '../../context.ts';
import { conflict } from '../../errors.ts';
import { closingsForWrite } from '../membership-ledger/index.ts';
import { getClosedPeriodPolicy } from '../settings/index.ts';

/** An event about to be written: whose, the day it happened, the day asked for the ledger (if not that day). */
export type EventToBook = {
  readonly memberId: number;
  readonly effectiveOn: IsoDate;
  readonly countedOn?: IsoDate | null;
  readonly details?: Record<string, unknown> | null;
};

export type BookedEvent = { readonly countedOn: IsoDate; readonly details: Record<string, unknown> };

/**
 * THE guard on every member event, called by both insert functions of this module (insertMemberEvent,
 * insertEventRows), so that every writer — the form, the import, a status change, an approval, a transfer, the
 * demo city — passes through it (docs/membership.md §8). Decides, for each event, the day the 增减台账 counts it on
 * (bookEvent): never before the member's arrival in the records (`members.entered_on`), and never on or before the
 * end of the last closed period (关账). Such an event is refused (409 `ledger_period_closed`, nothing written: the
 * caller's transaction rolls back) or, under `correct_in_current`, counted today with `details.correctionOf` = the
 * day it would have been counted on, as the deployment's `closedPeriodPolicy` says. Reads the closings under a
 * shared lock that a closing waits for (ledger-closings.repo.ts).
 */
export async function bookEvents(
  tx: Pick<WorkCtx, 'db' | 'today'>,
  events: readonly EventToBook[],
  enteredOn: (memberId: number) => IsoDate | null,
): Promise<BookedEvent[]> {
  if (events.length === 0) return [];
  const closings = await closingsForWrite(tx.db);
  let policy: ClosedPeriodPolicy | undefined;
  const booked: BookedEvent[] = [];
  for (const e of events) {
    const details = { ...(e.details ?? {}) };
    const asked = { countedOn: e.countedOn ?? e.effectiveOn, enteredOn: enteredOn(e.memberId) };
    let booking = bookEvent(asked, closings, 'refuse', tx.today);
    if (!booking.ok) {
      policy ??= await getClosedPeriodPolicy(tx.db);
      booking = bookEvent(asked, closings, policy, tx.today);
    }
    if (!booking.ok) throw conflict(booking.reason, booking.message, { ...booking.details });
    if (booking.correctionOf) details.correctionOf = booking.correctionOf;
    booked.push({ countedOn: booking.countedOn, details });
  }
  return booked;
}

import type { LedgerPeriod } from '../../api/ledger.ts';

/** `2025年度` (to 12-31) or `2025年上半年` (to 06-30), as the server names a closed period. */
export function periodEndLabel(end: string): string {
  return `${end.slice(0, 4)}${end.endsWith('-06-30') ? '年上半年' : '年度'}`;
}

/**
 * The periods that may be closed today, newest first: the half-years and years that have ended (the day after
 * their end is today or earlier) and lie after the last closed end (docs/membership.md §8).
 */
export function closablePeriodEnds(today: string, closedThrough: string | null, count = 3): string[] {
  const ends: string[] = [];
  for (let year = Number(today.slice(0, 4)); ends.length < count && year > 1900; year -= 1) {
    for (const end of [`${year}-12-31`, `${year}-06-30`]) {
      if (end < today && (closedThrough === null || end > closedThrough) && ends.length < count)
        ends.push(end);
    }
    if (closedThrough !== null && `${year}-01-01` <= closedThrough) break;
  }
  return ends;
}

/** Whether the whole period shown lies inside the closed stretch (its figures can no longer change). */
export function periodIsClosed(period: LedgerPeriod, closedThrough: string | null): boolean {
  return closedThrough !== null && period.to <= closedThrough;
}

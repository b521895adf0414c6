import {
  ARREARS_LAPSE_MONTHS,
  arrearsFinding,
  duesMonthsBefore,
  monthStart,
} from '../../../domain/dues/index.ts';
import type { LocatedFinding, TodoProducer } from '../../todos/index.ts';
import { lapseCaseState } from '../lapse-cases/index.ts';
import { chargedMonthsOfBranches } from './dues-ledger.repo.ts';

/**
 * 欠缴党费 (docs/dues.md §5, 党章第九条): a member's consecutive months of arrears warned at 3 and 5 months on their
 * 党支部's to-dos, and at 6 a critical one asking the branch to open a 党章第九条 case for the 支部大会 to decide, with
 * the approval of the level above; none while a case of the cause is open, and months a closed case excused do not
 * count (docs/membership.md §6). The member's status is never changed.
 */
export const arrearsTodosProducer: TodoProducer = {
  name: 'dues-ledger.arrears',
  kinds: ['dues_arrears', 'dues_lapse'],
  severities: ['warning', 'critical'],
  article: 'docs/dues.md §5',
  inputs: ['dues', 'members', 'org', 'lapse_cases'],
  // A month ends with the date alone: what was not yet late becomes a month of arrears.
  dated: true,
  async produce({ db }, { orgs, date }) {
    if (orgs !== 'all' && orgs.length === 0) return [];
    const months = duesMonthsBefore(date, ARREARS_LAPSE_MONTHS);
    const rows = await chargedMonthsOfBranches(
      db,
      orgs,
      monthStart(months.at(-1) as string),
      monthStart(months[0] as string),
    );
    const cases = await lapseCaseState(
      db,
      'dues_arrears',
      rows.map((r) => r.memberId),
    );
    const out: LocatedFinding[] = [];
    for (const r of rows) {
      const state = cases.get(r.memberId);
      if (state?.open) continue;
      const finding = arrearsFinding(
        { id: r.memberId, name: r.name },
        r.months,
        date,
        state?.excusedThrough ?? null,
      );
      if (finding) out.push({ orgId: r.branchId, finding });
    }
    return out;
  },
};

import { BASE_MISSING_NAMES_SHOWN, baseMissingFinding, monthOf } from '../../../domain/dues/index.ts';
import type { LocatedFinding, TodoProducer } from '../../todos/index.ts';
import { membersWithoutBase } from './bases-missing.repo.ts';
import { rulesForMonth } from './dues-bases.service.ts';

/**
 * 未核定基数 (docs/dues.md §8; 中组发〔2008〕3号 第一条、第四条): the members who owe the current month in a percentage
 * category without a base on record, on the to-dos of the 党支部 they owe it to — one finding per branch naming them,
 * which the 党费基数 sheet of that branch and month settles. Computed from the members' bases, record, history and
 * names (marked `dues` by migration 0046 for their branches now and before) and the month (dated: a new month asks
 * again).
 */
export const baseMissingTodosProducer: TodoProducer = {
  name: 'dues-bases.missing',
  kinds: ['dues_base_missing'],
  severities: ['warning'],
  article: 'docs/dues.md §8',
  inputs: ['dues', 'org'],
  dated: true,
  async produce({ db }, { orgs, date }) {
    if (orgs !== 'all' && orgs.length === 0) return [];
    const month = monthOf(date);
    const rules = await rulesForMonth(db, month);
    const rows = await membersWithoutBase(db, orgs, month, rules.chargeOrgOn, BASE_MISSING_NAMES_SHOWN);
    const out: LocatedFinding[] = [];
    for (const r of rows) {
      const finding = baseMissingFinding(month, r);
      if (finding) out.push({ orgId: r.branchId, finding });
    }
    return out;
  },
};

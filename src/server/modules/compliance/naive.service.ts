import {
  addFigures,
  type ComplianceFigures,
  type CompliancePeriod,
  evaluateOrgPeriod,
  figuresOf,
  NO_FIGURES,
  periodEnd,
  periodStart,
} from '../../../domain/org-life/index.ts';
import type { IsoDate } from '../../../domain/shared/index.ts';
import type { Db } from '../../db/client.ts';
import { loadInputs } from './inputs.repo.ts';
import { loadRuleSets } from './rollup.repo.ts';

/**
 * The naive way (docs/organizational-life.md §7.5): every org of the subtree evaluated from its meetings on
 * request, without the roll-up. What the roll-up must equal (the property test) and what the benchmark compares it
 * with.
 */
export async function naiveSubtreeFigures(
  db: Db,
  path: string,
  period: CompliancePeriod,
  today: IsoDate,
): Promise<ComplianceFigures> {
  const sets = await loadRuleSets(db);
  const kinds = [...new Set(sets.flatMap((s) => s.requirements.flatMap((r) => [...r.appliesTo])))];
  const inputs = await loadInputs(
    db,
    { ids: 'all', kinds, under: path },
    periodStart(period),
    periodEnd(period),
  );
  let total = NO_FIGURES;
  for (const { org, meetings, exemptions } of inputs)
    total = addFigures(
      total,
      figuresOf(evaluateOrgPeriod(org, period, meetings, sets, { today, exemptions })),
    );
  return total;
}

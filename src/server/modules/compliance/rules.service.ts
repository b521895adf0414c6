import type { z } from 'zod';
import type { RuleSetList } from '../../../contracts/compliance.ts';
import { MEETING_KIND_LABELS, ruleSetInForce } from '../../../domain/org-life/index.ts';
import { requirePermission } from '../../access/index.ts';
import type { Ctx } from '../../context.ts';
import { requirementLabel } from './compliance.views.ts';
import { loadRuleSets } from './rollup.repo.ts';

/**
 * `GET /api/compliance/rules`: the deployment's versions of the rules of organizational life (CFG,
 * docs/organizational-life.md §7.2), the one in force today marked: what the pages label requirements by.
 */
export async function complianceRules(ctx: Ctx): Promise<z.infer<typeof RuleSetList>> {
  requirePermission(ctx, 'org_life.read');
  const sets = await loadRuleSets(ctx.db);
  const current = ruleSetInForce(sets, ctx.today);
  return {
    items: sets.map((set) => ({
      version: set.version,
      validFrom: set.validFrom,
      inForce: set === current,
      oneMeetingManyKinds: set.oneMeetingManyKinds,
      reminderDays: set.reminderDays,
      requirements: set.requirements.map((r) => ({
        id: r.id,
        label: requirementLabel([set], r.id) || MEETING_KIND_LABELS[r.meetingKind],
        meetingKind: r.meetingKind,
        cadence: r.cadence,
        minCount: r.minCount,
        needsCommittee: r.needsCommittee,
        perGroup: r.perGroup,
        byHead: r.byHead,
        article: r.article,
        local: r.local,
      })),
    })),
  };
}

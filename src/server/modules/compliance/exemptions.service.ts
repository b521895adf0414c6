import type { z } from 'zod';
import type { ExemptionList, ExemptionView } from '../../../contracts/compliance.ts';
import {
  type ComplianceRuleSet,
  checkExemption,
  checkExemptionApprover,
  checkExemptionNew,
  checkExemptionTarget,
  parsePeriodKey,
  periodLabel,
} from '../../../domain/org-life/index.ts';
import { canAt, found, loadForChange, orgIn, scopeFor } from '../../access/index.ts';
import { recordAudit } from '../../audit/audit.ts';
import { type Ctx, inTransaction } from '../../context.ts';
import { findOrgRefInScope, type OrgRef } from '../../db/org-refs.ts';
import { conflict, enforce, forbidden } from '../../errors.ts';
import { requirementLabel } from './compliance.views.ts';
import {
  deleteExemption,
  type ExemptionRow,
  exemptionFacts,
  findExemption,
  insertExemption,
  listExemptions,
} from './exemptions.repo.ts';
import { loadRuleSets } from './rollup.repo.ts';

const parentOf = (path: string) => path.split('.').slice(0, -1).join('.');

/** org_life.exempt over the org's parent: the level above approves (docs/organizational-life.md §7.3). */
function mayExempt(ctx: Ctx, orgPath: string): boolean {
  const parent = parentOf(orgPath);
  return parent !== '' && canAt(ctx, 'org_life.exempt', parent);
}

function viewOf(
  ctx: Ctx,
  row: ExemptionRow,
  sets: readonly ComplianceRuleSet[],
): z.infer<typeof ExemptionView> {
  const period = parsePeriodKey(row.periodKey);
  return {
    id: row.id,
    org: { id: row.orgId, name: row.orgName, kind: row.orgKind },
    requirementId: row.requirementId,
    requirementLabel: requirementLabel(sets, row.requirementId),
    period: row.periodKey,
    periodLabel: period ? periodLabel(period) : row.periodKey,
    group: row.groupId === null ? null : { id: row.groupId, name: row.groupName ?? '' },
    reason: row.reason,
    approvedBy: { id: row.approvedById, name: row.approvedByName },
    approvedAt: row.approvedAt,
    canDelete: mayExempt(ctx, row.orgPath),
  };
}

/** `GET /api/orgs/:id/compliance/exemptions`: the exemptions of the org's subtree (org_life.read). */
export async function exemptionsOf(
  ctx: Ctx,
  input: { id: number; year?: number | undefined },
): Promise<z.infer<typeof ExemptionList>> {
  const org = await orgIn(ctx, scopeFor(ctx, 'org_life.read'), input.id);
  const sets = await loadRuleSets(ctx.db);
  const rows = await listExemptions(ctx.db, org.path, input.year);
  return { items: rows.map((r) => viewOf(ctx, r, sets)) };
}

/** The org, in the scope of org_life.exempt (403 without it, 404 outside), whose parent the actor covers (else 403). */
async function openForExemption(ctx: Ctx, id: number) {
  const loaded = await loadForChange(ctx, {
    permission: 'org_life.exempt',
    load: (scope) => findOrgRefInScope(ctx.db, scope, id),
    at: (o: OrgRef) => o.path,
    what: '组织',
  });
  const level = checkExemptionApprover(mayExempt(ctx, loaded.row.path));
  if (!level.ok) throw forbidden(level.reason, level.message);
  return loaded;
}

/**
 * `POST /api/orgs/:id/compliance/exemptions`: the level above waives one requirement of the org for one period
 * (and one 党小组), with its reason; the approver is the actor. Audited; the roll-up follows by its trigger.
 */
export async function createExemption(
  ctx: Ctx,
  input: {
    id: number;
    requirementId: string;
    period: string;
    groupId?: number | null | undefined;
    reason: string;
  },
): Promise<z.infer<typeof ExemptionView>> {
  return inTransaction(ctx, async (tx) => {
    const { row: org, role } = await openForExemption(tx, input.id);
    const sets = await loadRuleSets(tx.db);
    const groupId = input.groupId ?? null;
    const facts = await exemptionFacts(tx.db, org.id, groupId);
    enforce(
      checkExemptionTarget(sets, {
        orgKind: org.kind,
        hasCommittee: facts.hasCommittee,
        requirementId: input.requirementId,
        period: input.period,
        group: groupId === null ? 'none' : facts.ownGroup ? 'own' : 'foreign',
      }),
    );
    enforce(
      checkExemption({
        requirementId: input.requirementId,
        period: input.period,
        groupId: groupId === null ? null : String(groupId),
        reason: input.reason,
        approvedBy: String(tx.principal.user.id),
      }),
    );
    const id = await insertExemption(tx.db, {
      orgId: org.id,
      requirementId: input.requirementId,
      periodKey: input.period,
      groupId,
      reason: input.reason,
      approvedBy: tx.principal.user.id,
      at: tx.at,
    });
    const fresh = checkExemptionNew(id === null);
    if (!fresh.ok) throw conflict(fresh.reason, fresh.message);
    // Refused above when null.
    const row = found(await findExemption(tx.db, org.id, id ?? 0));
    await recordAudit(tx, {
      action: 'org_life.exemption_create',
      entityType: 'org_life_exemption',
      entityId: row.id,
      orgId: org.id,
      role,
      after: {
        requirementId: row.requirementId,
        period: row.periodKey,
        groupId: row.groupId,
        reason: row.reason,
      },
    });
    return viewOf(tx, row, sets);
  });
}

/** `DELETE /api/orgs/:id/compliance/exemptions/:exemptionId`: the level above withdraws an exemption. Audited. */
export async function removeExemption(
  ctx: Ctx,
  input: { id: number; exemptionId: number },
): Promise<{ ok: true }> {
  return inTransaction(ctx, async (tx) => {
    const { row: org, role } = await openForExemption(tx, input.id);
    const row = found(await findExemption(tx.db, org.id, input.exemptionId), '免于考核记录');
    await deleteExemption(tx.db, row.id);
    await recordAudit(tx, {
      action: 'org_life.exemption_delete',
      entityType: 'org_life_exemption',
      entityId: row.id,
      orgId: org.id,
      role,
      before: {
        requirementId: row.requirementId,
        period: row.periodKey,
        groupId: row.groupId,
        reason: row.reason,
      },
    });
    return { ok: true as const };
  });
}

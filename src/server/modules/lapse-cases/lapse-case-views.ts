import type { LapseCaseView } from '../../../contracts/lapse-cases.ts';
import { LAPSE_STEPS } from '../../../domain/membership/index.ts';
import { type Acting, canAt } from '../../access/index.ts';
import type { LapseCaseRecord } from './lapse-cases.repo.ts';

/** A case as the pages show it: every step of the procedure with what was recorded, and what the actor may do. */
export function caseView(ctx: Acting, c: LapseCaseRecord): LapseCaseView {
  return {
    id: c.id,
    memberId: c.memberId,
    memberName: c.memberName,
    orgId: c.memberOrgId,
    orgName: c.memberOrgName,
    openedInOrgName: c.openedInOrgName,
    cause: c.cause,
    runFrom: c.runFrom,
    runTo: c.runTo,
    openedOn: c.openedOn,
    status: c.status,
    outcome: c.outcome,
    outcomeNote: c.outcomeNote,
    deadline: c.deadline,
    closedOn: c.closedOn,
    steps: LAPSE_STEPS.map((s) => ({
      key: s.key,
      label: s.label,
      on: c.steps[s.key]?.on ?? null,
      note: c.steps[s.key]?.note ?? null,
    })),
    can: { change: c.status === 'open' && canAt(ctx, 'member.manage', c.memberOrgPath) },
    version: c.version,
  };
}

/** What the audit row keeps of a case. */
export function audited(c: LapseCaseRecord) {
  return {
    memberId: c.memberId,
    cause: c.cause,
    runFrom: c.runFrom,
    runTo: c.runTo,
    status: c.status,
    outcome: c.outcome,
    outcomeNote: c.outcomeNote,
    deadline: c.deadline,
    steps: c.steps,
    closedOn: c.closedOn,
  };
}

import type { z } from 'zod';
import type { BatchResult, BatchTransferBody } from '../../../contracts/member-batch.ts';
import { requireAt, scopeFor } from '../../access/index.ts';
import { type Ctx, inTransaction } from '../../context.ts';
import { notFound } from '../../errors.ts';
import { type BatchRefusal, batchRefused, lockMemberInScope, resolveSelection } from '../members/index.ts';
import { type CreateInput, decideNew, type Issued, writeIssued } from './transfers.service.ts';

/**
 * 批量转接（系统内）: one letter per selected member to one receiving branch or group of the deployment, each
 * decided and written by the single letter's path (decideNew, writeIssued: the same rules, rows and audit row per
 * transfer). All or nothing, in one transaction: when any member cannot be transferred (left, a letter already
 * pending, the receiving org their own or not a branch or group…) nothing is written and the answer lists who and
 * why. The letters are numbered `letterNo-1`, `letterNo-2`… in the roster's order.
 */
export async function createTransfers(
  ctx: Ctx,
  input: z.output<typeof BatchTransferBody>,
): Promise<z.output<typeof BatchResult>> {
  const scope = scopeFor(ctx, 'member.manage');
  return inTransaction(ctx, async (tx) => {
    const selected = await resolveSelection(tx, scope, input.selection);
    const ready: { issued: Issued; letter: CreateInput; role: ReturnType<typeof requireAt> }[] = [];
    const refusals: BatchRefusal[] = [];
    for (const [i, s] of selected.entries()) {
      const locked = await lockMemberInScope(tx.db, scope, s.id);
      if (!locked) throw notFound('党员');
      const role = requireAt(tx, 'member.manage', locked.member.orgPath, '党员');
      const letter: CreateInput = {
        memberId: s.id,
        toOrgId: input.toOrgId,
        externalOrgName: null,
        letterNo: selected.length === 1 ? input.letterNo : `${input.letterNo}-${i + 1}`,
        issuedOn: input.issuedOn,
        validUntil: input.validUntil,
        reason: input.reason,
      };
      const issued = await decideNew(tx, locked.member, locked.lastEventOn, letter);
      if ('ok' in issued)
        refusals.push({ memberId: s.id, name: s.name, reason: issued.reason, message: issued.message });
      else ready.push({ issued, letter, role });
    }
    if (refusals.length > 0) throw batchRefused('转接', refusals);
    for (const r of ready) await writeIssued(tx, r.issued, r.letter, { role: r.role, scope });
    return { count: ready.length, memberIds: ready.map((r) => r.issued.m.id) };
  });
}

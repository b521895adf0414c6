import type { TransferLetterView } from '../../../contracts/transfers.ts';
import { ETHNICITY_LIST, findCodeName } from '../../../domain/codes/index.ts';
import { letterAge, letterStanding, letterValidityDays } from '../../../domain/membership/index.ts';
import { maskIdNumber } from '../../../domain/people/index.ts';
import { canAt, found, requireAt, scopeFor } from '../../access/index.ts';
import { recordAudit } from '../../audit/audit.ts';
import { type Ctx, inTransaction } from '../../context.ts';
import { findLetterParticulars } from './transfer-letter.repo.ts';
import { findTransferInScope, type TransferRecord } from './transfers.repo.ts';

/**
 * The ID number prints whole only for an actor who may see it whole (`member.reveal`, docs/security.md §3) over
 * the org that issued the letter or the member's present org; anyone else who may see the transfer prints it
 * masked (docs/official-forms.md §11).
 */
function mayPrintWholeId(ctx: Ctx, t: TransferRecord, memberOrgPath: string): boolean {
  return canAt(ctx, 'member.reveal', t.fromOrgPath) || canAt(ctx, 'member.reveal', memberOrgPath);
}

/** The side of the transfer under which the actor reads it, for the audit row's role. */
function readingPath(ctx: Ctx, t: TransferRecord): string {
  return canAt(ctx, 'member.read', t.fromOrgPath) || t.toOrgPath === null ? t.fromOrgPath : t.toOrgPath;
}

/**
 * The 组织关系介绍信 of a transfer, for printing (docs/official-forms.md §11): whoever may see the transfer (either
 * side, `member.read`; 404 otherwise) gets what its three parts say. Handing it out is audited (`transfer.print`),
 * with whether the ID number was whole.
 */
export async function getTransferLetter(ctx: Ctx, input: { id: number }): Promise<TransferLetterView> {
  const t = found(await findTransferInScope(ctx.db, scopeFor(ctx, 'member.read'), input.id), '组织关系转接');
  const role = requireAt(ctx, 'member.read', readingPath(ctx, t), '组织关系转接');
  const p = found(await findLetterParticulars(ctx.db, t.memberId), '党员');
  const whole = p.idNumberEnc !== null && mayPrintWholeId(ctx, t, p.orgPath);
  const plainId = p.idNumberEnc === null ? null : ctx.idCipher.decrypt(p.idNumberEnc);
  return inTransaction(ctx, async (tx) => {
    await recordAudit(tx, {
      action: 'transfer.print',
      entityType: 'transfer',
      entityId: t.id,
      orgId: t.fromOrgId,
      role,
      note: { letterNo: t.letterNo, wholeId: whole },
    });
    return {
      id: t.id,
      letterNo: t.letterNo,
      status: t.status,
      issuedOn: t.issuedOn,
      validUntil: t.validUntil,
      validityDays: letterValidityDays(t.issuedOn, t.validUntil),
      member: {
        name: t.memberName,
        gender: p.gender,
        age: letterAge(p.birthDate, t.issuedOn),
        ethnicity: p.ethnicity === null ? null : (findCodeName(p.ethnicity, ETHNICITY_LIST) ?? p.ethnicity),
        standing: letterStanding(p.confirmedOn, t.issuedOn),
        idNumber: plainId === null || whole ? plainId : maskIdNumber(plainId),
        idNumberWhole: whole,
      },
      fromOrgName: t.fromOrgName,
      toOrgName: t.toOrgName ?? t.externalOrgName ?? '',
      receivedOn: t.status === 'received' ? t.decidedOn : null,
    };
  });
}

import type { z } from 'zod';
import type { MemberDetail, UpdateOwnContactBody } from '../../../contracts/members.ts';
import { checkPhones } from '../../../domain/people/index.ts';
import { expectVersion, found, requirePermission } from '../../access/index.ts';
import { recordAudit } from '../../audit/audit.ts';
import { type Ctx, inTransaction } from '../../context.ts';
import { fieldError, NOTHING } from './member-access.ts';
import { detailView, WHOLE } from './member-views.ts';
import {
  findMemberOfPerson,
  listMemberEvents,
  type MemberRecord,
  updateMemberAtVersion,
  updatePerson,
} from './members.repo.ts';

type ContactInput = z.output<typeof UpdateOwnContactBody>;

/**
 * Self-service (member.self): a member's own record, found through the account's link to its person
 * (users.person_id, carried by the principal), never through an org scope. The `member` role reaches nothing else.
 */
async function ownMember(ctx: Ctx, lock = false): Promise<MemberRecord> {
  requirePermission(ctx, 'member.self');
  const { personId } = ctx.principal.user;
  const m = personId === null ? undefined : await findMemberOfPerson(ctx.db, personId, lock);
  return found(m, '本人的党员档案');
}

async function ownDetail(ctx: Ctx, m: MemberRecord): Promise<MemberDetail> {
  return detailView(ctx.idCipher, m, await listMemberEvents(ctx.db, m.id), WHOLE, NOTHING);
}

/** The own record, whole (not masked), with its history. */
export async function getOwnMember(ctx: Ctx): Promise<MemberDetail> {
  return ownDetail(ctx, await ownMember(ctx));
}

/** The contact as it will be: each field sent replaces the stored one (null clears it), the others stay. */
function mergedContact(current: MemberRecord['person'], input: ContactInput) {
  const pick = <K extends 'phoneMobile' | 'phoneLandline' | 'address'>(key: K) =>
    input[key] === undefined ? current[key] : input[key];
  return { phoneMobile: pick('phoneMobile'), phoneLandline: pick('phoneLandline'), address: pick('address') };
}

/**
 * The member changes their own phones and address — only the fields sent — at the record's version; audited as
 * `member.self_update` (phones and address masked in the audit diff, audit/redact.ts).
 */
export async function updateOwnContact(ctx: Ctx, input: ContactInput): Promise<MemberDetail> {
  return inTransaction(ctx, async (tx) => {
    const m = await ownMember(tx, true);
    expectVersion(m, input.version);
    const merged = mergedContact(m.person, input);
    const phones = checkPhones(merged);
    if (!phones.ok) throw fieldError(['body'], phones);
    const contact = {
      phoneMobile: phones.phoneMobile,
      phoneLandline: phones.phoneLandline,
      address: merged.address,
    };
    await updatePerson(tx.db, m.personId, contact, tx.at);
    await updateMemberAtVersion(tx.db, m.id, m.version, {}, tx.at);
    const { phoneMobile, phoneLandline, address } = m.person;
    await recordAudit(tx, {
      action: 'member.self_update',
      entityType: 'member',
      entityId: m.id,
      orgId: m.orgId,
      role: 'member',
      before: { phoneMobile, phoneLandline, address },
      after: contact,
    });
    return ownDetail(tx, (await findMemberOfPerson(tx.db, m.personId)) as MemberRecord);
  });
}

import type { z } from 'zod';
import type { MemberDetail, UpdateOwnContactBody } from '../../../contracts/members.ts';
import type { Actor } from '../../../domain/access/index.ts';
import { checkPhones } from '../../../domain/people/index.ts';
import { type AuditContext, recordAudit } from '../../audit/audit.ts';
import type { Db } from '../../db/client.ts';
import type { Deps } from '../../deps.ts';
import { requirePermission } from '../../http/access.ts';
import { notFound, staleVersion } from '../../http/errors.ts';
import { fieldError, NOTHING } from './member-access.ts';
import { detailView, WHOLE } from './member-views.ts';
import {
  findMemberOfPerson,
  findPersonIdOfUser,
  listMemberEvents,
  type MemberRecord,
  updateMemberAtVersion,
  updatePerson,
} from './members.repo.ts';

type ContactInput = z.output<typeof UpdateOwnContactBody>;

/**
 * Self-service (member.self): a member's own record, found through the account's link to its person
 * (users.person_id), never through an org scope. The `member` role reaches nothing else.
 */
async function ownMember(db: Db, actor: Actor, today: string, lock = false): Promise<MemberRecord> {
  requirePermission(actor, 'member.self', today);
  const personId = await findPersonIdOfUser(db, actor.userId);
  const m = personId === null ? undefined : await findMemberOfPerson(db, personId, lock);
  if (!m) throw notFound('本人的党员档案');
  return m;
}

async function ownDetail(db: Db, deps: Deps, m: MemberRecord): Promise<MemberDetail> {
  return detailView(deps.idCipher, m, await listMemberEvents(db, m.id), WHOLE, NOTHING);
}

/** The own record, whole (not masked), with its history. */
export async function getOwnMember(deps: Deps, actor: Actor): Promise<MemberDetail> {
  return ownDetail(deps.db, deps, await ownMember(deps.db, actor, deps.clock.today()));
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
export async function updateOwnContact(
  deps: Deps,
  actor: Actor,
  ctx: AuditContext,
  input: ContactInput,
): Promise<MemberDetail> {
  return deps.db.transaction(async (tx) => {
    const m = await ownMember(tx, actor, deps.clock.today(), true);
    if (input.version !== m.version) throw staleVersion();
    const merged = mergedContact(m.person, input);
    const phones = checkPhones(merged);
    if (!phones.ok) throw fieldError(['body'], phones);
    const contact = {
      phoneMobile: phones.phoneMobile,
      phoneLandline: phones.phoneLandline,
      address: merged.address,
    };
    await updatePerson(tx, m.personId, contact, ctx.at);
    if (!(await updateMemberAtVersion(tx, m.id, m.version, {}, ctx.at))) throw staleVersion();
    const { phoneMobile, phoneLandline, address } = m.person;
    await recordAudit(tx, ctx, {
      action: 'member.self_update',
      entityType: 'member',
      entityId: m.id,
      orgId: m.orgId,
      role: 'member',
      before: { phoneMobile, phoneLandline, address },
      after: contact,
    });
    return ownDetail(tx, deps, (await findMemberOfPerson(tx, m.personId)) as MemberRecord);
  });
}

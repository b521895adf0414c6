import type { MemberDetail, MemberListItem } from '../../../contracts/members.ts';
import { confirmationWarnings, type StatsMember } from '../../../domain/membership/index.ts';
import { LEGACY_ID_WARNING, maskIdNumber, maskPhone } from '../../../domain/people/index.ts';
import type { IdCipher } from '../../security/crypto.ts';
import type { MemberListRow } from './member-search.repo.ts';
import type { listMemberEvents, MemberRecord } from './members.repo.ts';

/**
 * How members are shown (docs/people.md §6): ID and phone numbers masked in lists and details; whole only on
 * the member's own record, or the ID number when an org_admin reveals it (audited by the caller).
 */
export type Unmask = { readonly idNumber: boolean; readonly phones: boolean };
export const MASKED: Unmask = { idNumber: false, phones: false };
export const WHOLE: Unmask = { idNumber: true, phones: true };

/** The stored ID number in clear: only to mask it, to reveal it, or to show a member their own. */
export function idNumberOf(cipher: IdCipher, enc: string | null): string | null {
  return enc === null ? null : cipher.decrypt(enc);
}

function shownId(cipher: IdCipher, enc: string | null, unmask: boolean): string | null {
  const plain = idNumberOf(cipher, enc);
  return plain === null || unmask ? plain : maskIdNumber(plain);
}

const shownPhone = (value: string | null, unmask: boolean) =>
  value === null || unmask ? value : maskPhone(value);

export function listItemView(cipher: IdCipher, r: MemberListRow): MemberListItem {
  return {
    ...r,
    idNumber: shownId(cipher, r.idNumberEnc, false),
    phoneMobile: shownPhone(r.phoneMobile, false),
  };
}

/** What the statistics count of a stored member (recordRosterChanges). */
export function statsOf(m: MemberRecord): StatsMember {
  return {
    orgId: m.orgId,
    status: m.status,
    gender: m.person.gender,
    ethnicity: m.person.ethnicity,
    birthDate: m.person.birthDate,
    education: m.person.education,
    workPost: m.person.workPost,
    admittedOn: m.admittedOn,
    category: m.category,
    isMobile: m.isMobile,
    isHardship: m.isHardship,
  };
}

type EventRow = Awaited<ReturnType<typeof listMemberEvents>>[number];

export function detailView(
  cipher: IdCipher,
  m: MemberRecord,
  events: readonly EventRow[],
  unmask: Unmask,
  can: MemberDetail['can'],
  decisions: MemberDetail['decisions'] = [],
): MemberDetail {
  const p = m.person;
  return {
    id: m.id,
    personId: m.personId,
    name: p.name,
    gender: p.gender,
    ethnicity: p.ethnicity,
    birthDate: p.birthDate,
    idNumber: shownId(cipher, p.idNumberEnc, unmask.idNumber),
    phoneMobile: shownPhone(p.phoneMobile, unmask.phones),
    phoneLandline: shownPhone(p.phoneLandline, unmask.phones),
    address: p.address,
    education: p.education,
    workPost: p.workPost,
    orgId: m.orgId,
    orgName: m.orgName,
    status: m.status,
    leftReason: m.leftReason,
    category: m.category,
    admittedOn: m.admittedOn,
    confirmedOn: m.confirmedOn,
    probationEndsOn: m.probationEndsOn,
    isMobile: m.isMobile,
    outflowDestination: m.outflowDestination,
    isHardship: m.isHardship,
    lostContactOn: m.lostContactOn,
    transferLetterNo: m.transferLetterNo,
    version: m.version,
    revealed: unmask.idNumber,
    events: events.map((e) => ({ ...e, recordedAt: e.recordedAt.toISOString() })),
    // Standing warnings, derived from the record itself: a legacy ID, an old record's 候补期 (docs/membership.md §3.3).
    warnings: [
      ...(p.idNumberLegacy ? [LEGACY_ID_WARNING] : []),
      ...confirmationWarnings(m.admittedOn, m.confirmedOn),
    ],
    can,
    decisions,
  };
}

/** What the audit log keeps of a member: its fields and its person's (the ID number is redacted there). */
export function auditedMember(m: MemberRecord): Record<string, unknown> {
  const p = m.person;
  return {
    name: p.name,
    gender: p.gender,
    ethnicity: p.ethnicity,
    birthDate: p.birthDate,
    // Compared for the diff and redacted by auditDiff: the log shows that it changed, never the number.
    idNumber: p.idNumberHash,
    education: p.education,
    workPost: p.workPost,
    phoneMobile: p.phoneMobile,
    phoneLandline: p.phoneLandline,
    address: p.address,
    orgId: m.orgId,
    status: m.status,
    leftReason: m.leftReason,
    category: m.category,
    admittedOn: m.admittedOn,
    confirmedOn: m.confirmedOn,
    probationEndsOn: m.probationEndsOn,
    isMobile: m.isMobile,
    outflowDestination: m.outflowDestination,
    isHardship: m.isHardship,
    lostContactOn: m.lostContactOn,
    transferLetterNo: m.transferLetterNo,
    enteredOn: m.enteredOn,
    enteredBy: m.enteredBy,
  };
}

import type { Dayjs } from 'dayjs';
import type { EntryKind, Gender, MemberCategory } from '../../../domain/membership/index.ts';
import type { CreateMemberInput, MemberDetail, UpdateMemberInput } from '../../api/members.ts';
import { fromIsoDate, isoDate, toIsoDate } from '../../ui/dates.ts';
import { normalizeIdInput } from './id-autofill.ts';

export type PersonValues = {
  idNumber?: string;
  name?: string;
  gender?: Gender;
  birthDate?: Dayjs | null;
  ethnicity?: string;
  education?: string;
  workPost?: string;
  phoneMobile?: string;
  phoneLandline?: string;
  address?: string;
};

export type MemberFormValues = {
  person: PersonValues;
  orgId?: number;
  status?: 'probationary' | 'full';
  category?: MemberCategory;
  admittedOn?: Dayjs | null;
  confirmedOn?: Dayjs | null;
  probationEndsOn?: Dayjs | null;
  isMobile?: boolean;
  outflowDestination?: string;
  isHardship?: boolean;
  /** How and when a new member came into the records (docs/membership.md §8). */
  entry?: { by?: EntryKind; on?: Dayjs | null };
};

/** Form fields as the server names them: its issues (`body.person.idNumber`) land on the same paths. */
export const MEMBER_FORM_FIELDS = [
  'person',
  'orgId',
  'status',
  'category',
  'admittedOn',
  'confirmedOn',
  'probationEndsOn',
  'isMobile',
  'outflowDestination',
  'isHardship',
  'entry',
];

/** Rule violations that belong to one field (the server's `details.reason`). */
export const MEMBER_REASON_FIELDS: Record<string, (string | number)[]> = {
  id_length: ['person', 'idNumber'],
  id_characters: ['person', 'idNumber'],
  id_province: ['person', 'idNumber'],
  id_birth_date: ['person', 'idNumber'],
  id_check_character: ['person', 'idNumber'],
  id_number_taken: ['person', 'idNumber'],
  id_birth_date_mismatch: ['person', 'birthDate'],
  id_gender_mismatch: ['person', 'gender'],
  birth_date_required: ['person', 'birthDate'],
  birth_date_out_of_range: ['person', 'birthDate'],
  gender_required: ['person', 'gender'],
  phone_mobile_invalid: ['person', 'phoneMobile'],
  phone_landline_invalid: ['person', 'phoneLandline'],
  admission_under_18: ['admittedOn'],
  admitted_before_birth: ['admittedOn'],
  admitted_in_future: ['admittedOn'],
  confirmed_in_future: ['confirmedOn'],
  confirmed_on_required: ['confirmedOn'],
  confirmed_too_early: ['confirmedOn'],
  confirmed_not_at_probation_end: ['confirmedOn'],
  probation_extension_out_of_range: ['probationEndsOn'],
  probationary_has_confirmed_on: ['confirmedOn'],
  member_org_not_branch: ['orgId'],
  member_org_dissolved: ['orgId'],
  entered_before_admission: ['entry', 'on'],
  entered_in_future: ['entry', 'on'],
  ledger_period_closed: ['entry', 'on'],
};

const trimmed = (v: string | undefined) => v?.trim() || null;

function personBody(p: PersonValues) {
  return {
    name: (p.name ?? '').trim(),
    gender: p.gender,
    birthDate: toIsoDate(p.birthDate),
    idNumber: p.idNumber ? normalizeIdInput(p.idNumber) : null,
    ethnicity: p.ethnicity ?? null,
    education: p.education ?? null,
    workPost: p.workPost ?? null,
    phoneMobile: trimmed(p.phoneMobile),
    phoneLandline: trimmed(p.phoneLandline),
    address: trimmed(p.address),
  };
}

export function toCreateBody(values: MemberFormValues): CreateMemberInput {
  const status = values.status ?? 'probationary';
  const person = personBody(values.person);
  return {
    // Required by the contract: an empty one is sent as '' and answered 请填写… on its field.
    person: {
      ...person,
      ethnicity: person.ethnicity ?? '',
      education: person.education ?? '',
      workPost: person.workPost ?? '',
    },
    orgId: values.orgId as number,
    status,
    category: values.category as MemberCategory,
    admittedOn: values.admittedOn ? isoDate(values.admittedOn) : '',
    confirmedOn: status === 'full' ? (toIsoDate(values.confirmedOn) ?? null) : null,
    probationEndsOn: toIsoDate(values.probationEndsOn) ?? null,
    isMobile: values.isMobile ?? false,
    outflowDestination: values.isMobile ? trimmed(values.outflowDestination) : null,
    isHardship: values.isHardship ?? false,
    entry: { by: values.entry?.by ?? 'admitted', on: toIsoDate(values.entry?.on) ?? null },
  };
}

const SENSITIVE = ['idNumber', 'phoneMobile', 'phoneLandline'] as const;
type Sensitive = (typeof SENSITIVE)[number];

/** A value the server masked (`110105********002X`, `138****1234`): never put back in a form or sent. */
export function isMasked(value: string | null | undefined): value is string {
  return !!value && value.includes('*');
}

/** The masked values of a record, each shown as its field's placeholder ("leave empty to keep"). */
export function maskedFields(detail: MemberDetail): Record<Sensitive, string | null> {
  return {
    idNumber: isMasked(detail.idNumber) ? detail.idNumber : null,
    phoneMobile: isMasked(detail.phoneMobile) ? detail.phoneMobile : null,
    phoneLandline: isMasked(detail.phoneLandline) ? detail.phoneLandline : null,
  };
}

/**
 * An edit sends what the form shows. A masked value is not in the form: its field left empty means
 * "unchanged" and is not sent; a whole value cleared is sent as null (removed).
 */
export function toUpdateBody(values: MemberFormValues, detail: MemberDetail): UpdateMemberInput {
  const person = personBody(values.person);
  const out: Record<string, unknown> = { ...person };
  for (const key of SENSITIVE) if (person[key] === null && isMasked(detail[key])) delete out[key];
  // With an ID number on record that is not being replaced, birth date and gender follow it: leave them be.
  if (person.idNumber === null && isMasked(detail.idNumber)) {
    delete out.birthDate;
    delete out.gender;
  }
  return {
    version: detail.version,
    person: out as UpdateMemberInput['person'],
    category: values.category,
    isMobile: values.isMobile ?? false,
    outflowDestination: values.isMobile ? trimmed(values.outflowDestination) : null,
    isHardship: values.isHardship ?? false,
  };
}

/** The form of an edit: masked values stay out of it (their current mask is the placeholder). */
export function editValues(detail: MemberDetail): MemberFormValues {
  const whole = (v: string | null) => (v === null || isMasked(v) ? undefined : v);
  return {
    person: {
      idNumber: whole(detail.idNumber),
      name: detail.name,
      gender: detail.gender,
      birthDate: fromIsoDate(detail.birthDate),
      ethnicity: detail.ethnicity ?? undefined,
      education: detail.education ?? undefined,
      workPost: detail.workPost ?? undefined,
      phoneMobile: whole(detail.phoneMobile),
      phoneLandline: whole(detail.phoneLandline),
      address: detail.address ?? undefined,
    },
    category: detail.category,
    isMobile: detail.isMobile,
    outflowDestination: detail.outflowDestination ?? undefined,
    isHardship: detail.isHardship,
  };
}

import {
  type CodeReason,
  EDUCATION_LIST,
  ETHNICITY_LIST,
  parseCodedCell,
  WORK_POST_LIST,
} from '../codes/index.ts';
import type { Gender } from '../membership/index.ts';
import type { IsoDate } from '../shared/index.ts';
import { type Denial, deny } from '../shared/index.ts';
import { checkIdAgainstPerson, checkIdNumber, EARLIEST_BIRTH_DATE, type Warning } from './id-number.ts';
import { checkLandline, checkMobile } from './phone.ts';
import type { PeopleReason } from './reasons.ts';

/**
 * The identity fields of a person (人员) as a form or an import gives them, checked and normalized: the ID
 * number (GB 11643, docs/people.md §2) with birth date and gender derived from it and a contradiction
 * refused, the official codes (docs/official-forms.md §5), and phone numbers in their normalized form.
 */
export type PersonFieldsInput = {
  readonly gender?: Gender | null;
  readonly birthDate?: IsoDate | null;
  readonly idNumber?: string | null;
  readonly ethnicity?: string | null;
  readonly education?: string | null;
  readonly workPost?: string | null;
  readonly phoneMobile?: string | null;
  readonly phoneLandline?: string | null;
};

export type CheckedPersonFields = {
  readonly gender: Gender;
  readonly birthDate: IsoDate;
  /** Normalized as given (18 characters, or a legacy 15-digit number); null when none was given. */
  readonly idNumber: string | null;
  readonly ethnicity: string | null;
  readonly education: string | null;
  readonly workPost: string | null;
  readonly phoneMobile: string | null;
  readonly phoneLandline: string | null;
  readonly warnings: readonly Warning[];
};

/** A refused field: which one, and why (by the identity rules, or a code list). */
export type FieldDenial<R extends string = PeopleReason | CodeReason> = {
  readonly ok: false;
  readonly field: keyof PersonFieldsInput;
  readonly denial: Denial<R>;
};
export type PersonFieldsCheck = ({ readonly ok: true } & CheckedPersonFields) | FieldDenial;

const refuse = (field: keyof PersonFieldsInput, denial: Denial<PeopleReason | CodeReason>): FieldDenial => ({
  ok: false,
  field,
  denial,
});

type Identity = { gender: Gender; birthDate: IsoDate; idNumber: string | null; warnings: readonly Warning[] };

/** Birth date and gender: from the ID number when there is one, else as given; both are required. */
function identityOf(input: PersonFieldsInput, today: IsoDate): Identity | FieldDenial {
  if (input.idNumber) {
    const id = checkIdNumber(input.idNumber, { today });
    if (!id.ok) return refuse('idNumber', id);
    const agrees = checkIdAgainstPerson(id, input);
    if (!agrees.ok) return refuse(agrees.reason === 'id_gender_mismatch' ? 'gender' : 'birthDate', agrees);
    return { gender: id.gender, birthDate: id.birthDate, idNumber: id.normalized, warnings: id.warnings };
  }
  if (!input.birthDate) {
    return refuse('birthDate', deny('birth_date_required', '请填写公民身份号码或出生日期'));
  }
  if (input.birthDate < EARLIEST_BIRTH_DATE || input.birthDate > today) {
    return refuse('birthDate', deny('birth_date_out_of_range', '出生日期应在1900年1月1日至今天之间'));
  }
  if (!input.gender) return refuse('gender', deny('gender_required', '请填写公民身份号码或性别'));
  return { gender: input.gender, birthDate: input.birthDate, idNumber: null, warnings: [] };
}

type Coded = 'ethnicity' | 'education' | 'workPost';
const LISTS = { ethnicity: ETHNICITY_LIST, education: EDUCATION_LIST, workPost: WORK_POST_LIST } as const;

function codes(input: PersonFieldsInput): Record<Coded, string | null> | FieldDenial {
  const out: Record<Coded, string | null> = { ethnicity: null, education: null, workPost: null };
  for (const field of ['ethnicity', 'education', 'workPost'] as const) {
    const raw = input[field];
    if (!raw) continue;
    const parsed = parseCodedCell<string>(raw, LISTS[field]);
    if (!parsed.ok) return refuse(field, parsed);
    out[field] = parsed.code;
  }
  return out;
}

function phones(
  input: PersonFieldsInput,
): { phoneMobile: string | null; phoneLandline: string | null } | FieldDenial {
  const mobile = input.phoneMobile ? checkMobile(input.phoneMobile) : null;
  if (mobile && !mobile.ok) return refuse('phoneMobile', mobile);
  const landline = input.phoneLandline ? checkLandline(input.phoneLandline) : null;
  if (landline && !landline.ok) return refuse('phoneLandline', landline);
  return { phoneMobile: mobile?.normalized ?? null, phoneLandline: landline?.normalized ?? null };
}

/** Checks every identity field; the first refusal names its field. */
export function checkPersonFields(input: PersonFieldsInput, today: IsoDate): PersonFieldsCheck {
  const identity = identityOf(input, today);
  if ('ok' in identity) return identity;
  const coded = codes(input);
  if ('ok' in coded) return coded;
  const phone = checkPhones(input);
  if (!phone.ok) return phone;
  return {
    ok: true,
    ...identity,
    ...coded,
    phoneMobile: phone.phoneMobile,
    phoneLandline: phone.phoneLandline,
  };
}

/** The phone numbers alone (self-service edits), normalized. */
export function checkPhones(
  input: Pick<PersonFieldsInput, 'phoneMobile' | 'phoneLandline'>,
): ({ ok: true } & { phoneMobile: string | null; phoneLandline: string | null }) | FieldDenial {
  const checked = phones(input);
  return 'ok' in checked ? checked : { ok: true, ...checked };
}

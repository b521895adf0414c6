/**
 * The reasons of this area's denials and warnings: the citizen ID number, birth date and gender, age at
 * admission, phones. Closed: a rule answers `Decision<PeopleReason>`; each is labelled in src/contracts/errors.ts.
 */
export const PEOPLE_REASONS = [
  'admission_under_18',
  'birth_date_out_of_range',
  'birth_date_required',
  'gender_required',
  'id_birth_date',
  'id_birth_date_mismatch',
  'id_characters',
  'id_check_character',
  'id_gender_mismatch',
  'id_legacy_15',
  'id_length',
  'id_province',
  'phone_landline_invalid',
  'phone_mobile_invalid',
] as const;
export type PeopleReason = (typeof PEOPLE_REASONS)[number];

/** The reasons of this area's denials: the bounds of an uploaded file (upload-limits.ts). Labelled in src/contracts/errors.ts. */
export const SHARED_REASONS = [
  'file_too_large',
  'inflated_too_large',
  'shared_strings_too_large',
  'too_many_columns',
  'too_many_rows',
] as const;
export type SharedReason = (typeof SHARED_REASONS)[number];

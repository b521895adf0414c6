/** The reasons of this area's denials: a coded cell of the 2017 form (coded-cell.ts). Labelled in src/contracts/errors.ts. */
export const CODE_REASONS = ['code_ambiguous', 'code_empty', 'code_name_mismatch', 'code_unknown'] as const;
export type CodeReason = (typeof CODE_REASONS)[number];

/**
 * The reasons of this area's denials: grants, 三员分立, accounts, passwords, the second factor. Closed: a rule
 * answers `Decision<AccessReason>`; each reason is labelled in Chinese in src/contracts/errors.ts.
 */
export const ACCESS_REASONS = [
  'already_deactivated',
  'code_already_used',
  'ends_in_past',
  'grant_above_own_rank',
  'grant_not_permitted',
  'member_account_exists',
  'member_has_left',
  'not_deactivated',
  'own_account',
  'own_password_reset',
  'password_contains_username',
  'password_too_short',
  'password_too_simple',
  'password_unchanged',
  'role_already_assigned',
  'second_factor_already_enabled',
  'second_factor_not_enabled',
  'second_factor_required',
  'self_deactivation',
  'self_grant',
  'separation_of_duties',
  'too_many_accounts',
] as const;
export type AccessReason = (typeof ACCESS_REASONS)[number];

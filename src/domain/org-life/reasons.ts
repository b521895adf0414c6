/**
 * The reasons of this area's denials: exemptions from a compliance requirement, quorum and votes
 * (docs/organizational-life.md §3, §7). Closed: a rule answers `Decision<OrgLifeReason>`; each reason is labelled in
 * Chinese in src/contracts/errors.ts.
 */
export const ORG_LIFE_REASONS = [
  'exemption_needs_approver',
  'exemption_needs_reason',
  'majority_not_reached',
  'no_voting_members',
  'quorum_not_reached',
  'vote_only_at_general_meeting',
  'vote_tally_exceeds_present',
] as const;
export type OrgLifeReason = (typeof ORG_LIFE_REASONS)[number];

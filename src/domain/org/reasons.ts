/**
 * The reasons of this area's denials: nesting, lifecycle (成立, 调整隶属关系, 撤销), leadership posts and terms.
 * Closed: a rule answers `Decision<OrgReason>`; each reason is labelled in Chinese in src/contracts/errors.ts.
 */
export const ORG_REASONS = [
  'already_dissolved',
  'already_under_parent',
  'dissolved_before_established',
  'dissolved_in_future',
  'early_election_needs_approval',
  'elected_in_future',
  'established_after_dissolved',
  'established_in_future',
  'group_leader_only_in_group',
  'has_active_children',
  'left_before_start',
  'move_into_own_subtree',
  'nesting_not_allowed',
  'no_current_term',
  'org_dissolved',
  'post_already_filled',
  'post_already_left',
  'post_before_term',
  'post_not_for_group',
  'root_cannot_dissolve',
  'root_cannot_move',
  'renewal_before_current_term',
  'root_must_be_local_committee',
  'term_already_ended',
  'term_end_before_start',
  'term_length_needs_approval',
  'term_not_elected',
  'term_too_long',
] as const;
export type OrgReason = (typeof ORG_REASONS)[number];

/**
 * The kinds of a member's history row (`member_events.kind`; docs/membership.md §4), in the past tense: what was
 * recorded. Closed: the database refuses any other (a CHECK constraint), the contracts name each in Chinese, and
 * the membership ledger sorts every one of them into a column.
 */
export const MEMBER_EVENT_KINDS = [
  'registered',
  'confirmed',
  'probation_extended',
  'suspended',
  'restored',
  'marked_unreachable',
  'marked_reachable',
  'left',
  'died',
  'category_changed',
  'org_changed',
  'transferred_out',
] as const;
export type MemberEventKind = (typeof MEMBER_EVENT_KINDS)[number];

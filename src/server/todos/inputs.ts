/**
 * What a to-do producer's findings are computed from, beyond the date: a closed list, because each input is marked
 * changed by the database itself (triggers of migration 0011_findings_refresh_triggers, one per input), whatever
 * service writes it. A new module whose findings rest on its own tables adds its input here and a trigger in its
 * migration.
 *
 * - `org`: an org's row (kind, founding, dissolution, parent): marked for the org and its old and new parent.
 * - `posts`: its leadership posts (班子成员 and their terms).
 * - `roster`: a 党支部's own roster counts (its members and its 党小组's, from the per-org rollup `org_stats`).
 * - `term_policy`: the deployment's term policy (settings, group `org`): marked for every org at once.
 * - `members`: a member's row (status, dates, placement) or the name of its person: marked for the member's org,
 *   old and new (migration 0019).
 * - `transfers`: a transfer's row: marked for its sending and receiving orgs (migration 0019).
 * - `accounts`: an account's link to a person or its deactivation: marked for the org of that person's member.
 * - `decisions`: a 支部大会 decision waiting for approval (member_decisions): marked for the org that approves it,
 *   the level above the member's 党支部 (docs/membership.md §12).
 * - `meetings`: a meeting, its attendance or an exemption of organizational life (migration 0036): marked for the
 *   党支部 that holds it (the branch of a 党小组).
 * - `lapse_cases`: a 党章第九条 case opened, closed or removed (migration of lapse_cases): marked for the 党支部 of the
 *   member, at opening and now (docs/membership.md §6).
 * - `dues`: a month's charge (dues_charges) or a ledger entry (dues_ledger) of a member: marked for the member's
 *   党支部 now (the branch of a 党小组), where the arrears to-dos are (docs/dues.md §5); a member's base, record (org,
 *   standing, category, 入党时间, arrival), history or name: marked for their 党支部 now and those of the orgs they
 *   left (migration 0046, the to-do 未核定基数, docs/dues.md §8); a version of the dues rules: every org.
 */
export const TODO_INPUTS = [
  'org',
  'posts',
  'roster',
  'term_policy',
  'members',
  'transfers',
  'accounts',
  'decisions',
  'meetings',
  'lapse_cases',
  'dues',
] as const;
export type TodoInput = (typeof TODO_INPUTS)[number];

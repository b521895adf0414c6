import { describe, expect, it } from 'vitest';
import type { OrgKind, Sector } from './org-kinds.ts';
import {
  checkByElection,
  checkElectedTerm,
  checkRenewal,
  checkTermLength,
  DEFAULT_TERM_POLICY,
  defaultTermEnd,
  defaultTermYears,
  hasElectedTerm,
} from './terms.ts';

describe('defaultTermYears (《关于党的基层组织任期的意见》)', () => {
  it.each<[OrgKind, Sector, number]>([
    ['committee', 'state_enterprise', 5],
    ['general_branch', 'government', 3],
    ['branch', 'institution', 3],
    ['committee', 'community', 5],
    ['general_branch', 'community', 5],
    ['branch', 'community', 5],
    ['joint_branch', 'private_enterprise', 3],
    ['floating_branch', 'other', 3],
  ])('%s in sector %s serves %i years', (kind, sector, years) => {
    expect(defaultTermYears(kind, sector, DEFAULT_TERM_POLICY)).toBe(years);
  });

  it('follows the configured policy', () => {
    expect(defaultTermYears('branch', 'government', { ...DEFAULT_TERM_POLICY, branchYears: 4 })).toBe(4);
  });

  it('computes the default end of a term', () => {
    expect(defaultTermEnd('2021-07-01', 'branch', 'community', DEFAULT_TERM_POLICY)).toBe('2026-07-01');
  });
});

describe('hasElectedTerm', () => {
  it.each<[OrgKind, boolean]>([
    ['local_committee', true],
    ['working_committee', false],
    ['committee', true],
    ['general_branch', true],
    ['branch', true],
    ['joint_branch', true],
    ['floating_branch', true],
    ['temporary_branch', false],
    ['group', false],
  ])('%s → %s', (kind, expected) => {
    expect(hasElectedTerm(kind)).toBe(expected);
  });
});

const approval = { docNo: '甲组字〔2026〕3号', date: '2026-01-10' };

describe('checkTermLength (党章第三十一条; 选举工作条例第三条)', () => {
  it.each<[string, string, boolean, boolean, string?]>([
    ['2021-01-01', '2026-01-01', false, true],
    ['2021-01-01', '2024-01-01', false, true],
    ['2021-01-01', '2021-01-01', false, false, 'term_end_before_start'],
    ['2021-01-01', '2020-12-31', false, false, 'term_end_before_start'],
    // A 1-year term of an enterprise branch: refused without the approval of the level above.
    ['2021-01-01', '2022-01-01', false, false, 'term_length_needs_approval'],
    ['2021-01-01', '2023-12-31', false, false, 'term_length_needs_approval'],
    ['2021-01-01', '2022-01-01', true, true],
    ['2021-01-01', '2026-06-30', false, false, 'term_length_needs_approval'],
    ['2021-01-01', '2026-06-30', true, true],
    ['2021-01-01', '2027-01-01', true, true],
    ['2021-01-01', '2027-01-02', true, false, 'term_too_long'],
  ])('%s → %s (approved %s): %s', (start, end, approved, ok, reason) => {
    const d = checkTermLength(start, end, approved ? approval : null);
    expect(d.ok).toBe(ok);
    if (!d.ok) expect(d.reason).toBe(reason);
  });
});

describe('checkRenewal (换届; 选举工作条例第三条)', () => {
  const current = { electedOn: '2021-06-01', endsOn: '2026-06-01', endedOn: null };
  it.each<[string, boolean, boolean, string?]>([
    ['2026-06-01', false, true],
    ['2026-09-01', false, true],
    ['2025-06-01', false, true],
    ['2025-05-31', false, false, 'early_election_needs_approval'],
    ['2025-05-31', true, true],
    ['2021-06-01', true, false, 'renewal_before_current_term'],
  ])('elected %s (approved %s): %s', (electedOn, approved, ok, reason) => {
    const d = checkRenewal(current, electedOn, approved ? approval : null);
    expect(d.ok).toBe(ok);
    if (!d.ok) expect(d.reason).toBe(reason);
  });

  it('allows the first recorded term', () => {
    expect(checkRenewal(null, '2020-01-01', null).ok).toBe(true);
  });
});

describe('checkByElection (补选 serves the remainder)', () => {
  const term = { electedOn: '2023-03-01', endsOn: '2026-03-01', endedOn: null };
  it.each<[string, string | null]>([
    ['2024-05-01', null],
    ['2023-03-01', null],
    ['2023-02-28', 'post_before_term'],
    ['2026-03-01', 'term_already_ended'],
  ])('a by-election on %s → %s', (startedOn, reason) => {
    const d = checkByElection(term, startedOn);
    expect(d.ok ? null : d.reason).toBe(reason);
  });

  it('needs a recorded current term', () => {
    const d = checkByElection(null, '2024-05-01');
    expect(d.ok ? null : d.reason).toBe('no_current_term');
  });
});

describe('checkElectedTerm', () => {
  it.each<[OrgKind, string, string | null]>([
    ['branch', '2026-01-01', null],
    ['joint_branch', '2026-01-01', null],
    ['working_committee', '2026-01-01', 'term_not_elected'],
    ['temporary_branch', '2026-01-01', 'term_not_elected'],
    ['group', '2026-01-01', 'term_not_elected'],
    ['branch', '2026-07-01', 'elected_in_future'],
  ])('%s elected %s → %s', (kind, electedOn, reason) => {
    const d = checkElectedTerm(kind, electedOn, '2026-06-15');
    expect(d.ok ? null : d.reason).toBe(reason);
  });
});

import { describe, expect, it } from 'vitest';
import type { OrgKind, Sector } from './org-kinds.ts';
import {
  checkPostTerm,
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
    ['group', false],
  ])('%s → %s', (kind, expected) => {
    expect(hasElectedTerm(kind)).toBe(expected);
  });
});

describe('checkPostTerm (党章第三十一条; 选举工作条例第三条)', () => {
  it.each<[string, string, string | null, boolean, string?]>([
    ['2021-01-01', '2026-01-01', null, true],
    ['2021-01-01', '2024-01-01', null, true],
    ['2021-01-01', '2021-01-01', null, false, 'term_end_before_start'],
    ['2021-01-01', '2020-12-31', null, false, 'term_end_before_start'],
    ['2021-01-01', '2026-06-30', null, false, 'term_extension_needs_approval'],
    ['2021-01-01', '2026-06-30', '甲组字〔2026〕3号', true],
    ['2021-01-01', '2027-01-01', '甲组字〔2026〕3号', true],
    ['2021-01-01', '2027-01-02', '甲组字〔2026〕3号', false, 'term_too_long'],
  ])('%s → %s (extension %s): %s', (start, end, doc, ok, reason) => {
    const d = checkPostTerm(start, end, doc);
    expect(d.ok).toBe(ok);
    if (!d.ok) expect(d.reason).toBe(reason);
  });
});

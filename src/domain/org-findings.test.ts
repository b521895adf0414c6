import { describe, expect, it } from 'vitest';
import type { PostTenure } from './leadership.ts';
import { currentTermEnd, type OrgFindingInput, orgFindings, vacantSince } from './org-findings.ts';
import { DEFAULT_TERM_POLICY } from './terms.ts';

const TODAY = '2026-06-15';

function post(p: Partial<PostTenure> & Pick<PostTenure, 'post'>): PostTenure {
  return { startedOn: '2021-07-01', endsOn: '2026-07-01', leftOn: null, ...p };
}

function branch(posts: PostTenure[], extra: Partial<OrgFindingInput> = {}): OrgFindingInput {
  return { kind: 'branch', establishedOn: '2010-03-01', dissolvedOn: null, posts, ...extra };
}

const kinds = (input: OrgFindingInput, today = TODAY) =>
  orgFindings(input, today, DEFAULT_TERM_POLICY).map((f) => `${f.kind}:${f.severity}`);

describe('orgFindings', () => {
  it.each<[string, string, string[]]>([
    ['ends in 8 months', '2027-02-15', []],
    ['ends in exactly 6 months', '2026-12-15', ['term_expiring:warning']],
    ['ends in 4 months', '2026-10-15', ['term_expiring:warning']],
    ['ends in 3 months', '2026-09-15', ['term_expiring:critical']],
    ['ends today', '2026-06-15', ['term_expiring:critical']],
    ['ended yesterday', '2026-06-14', ['term_expired:critical']],
  ])('a sitting secretary whose term %s', (_label, endsOn, expected) => {
    expect(kinds(branch([post({ post: 'secretary', endsOn })]))).toEqual(expected);
  });

  it('reports an expired term with the days overdue and the articles', () => {
    const [f] = orgFindings(
      branch([post({ post: 'secretary', endsOn: '2026-05-16' })]),
      TODAY,
      DEFAULT_TERM_POLICY,
    );
    expect(f).toMatchObject({ kind: 'term_expired', date: '2026-05-16', days: 30 });
    expect(f?.article).toContain('党章第三十一条');
    expect(f?.message).toContain('届满30天');
  });

  it('reports a vacant secretary post with since when and how long', () => {
    const left = post({
      post: 'secretary',
      startedOn: '2021-01-01',
      endsOn: '2026-01-01',
      leftOn: '2026-05-16',
    });
    const members = post({ post: 'organizing_member', endsOn: '2027-01-01' });
    const findings = orgFindings(branch([left, members]), TODAY, DEFAULT_TERM_POLICY);
    expect(findings).toEqual([
      expect.objectContaining({ kind: 'head_vacant', severity: 'warning', date: '2026-05-16', days: 30 }),
    ]);
  });

  it('turns a long vacancy critical (weak-organization signal, 3 months by default)', () => {
    const left = post({ post: 'secretary', leftOn: '2026-03-01' });
    expect(kinds(branch([left]))).toEqual(['head_vacant:critical']);
  });

  it('counts a never-filled post from the founding date', () => {
    const input = branch([], { establishedOn: '2026-06-01' });
    expect(vacantSince(input, TODAY)).toBe('2026-06-01');
    expect(orgFindings(input, TODAY, DEFAULT_TERM_POLICY)[0]).toMatchObject({
      kind: 'head_vacant',
      days: 14,
    });
  });

  it('expects a 党小组长 in a group, and no term there', () => {
    const group: OrgFindingInput = {
      kind: 'group',
      establishedOn: '2020-01-01',
      dissolvedOn: null,
      posts: [],
    };
    expect(orgFindings(group, TODAY, DEFAULT_TERM_POLICY)[0]?.message).toContain('党小组长');
    const led = { ...group, posts: [post({ post: 'group_leader', endsOn: '2020-01-01' })] };
    expect(kinds(led)).toEqual([]);
  });

  it('has no term findings for an appointed 党工委', () => {
    const street: OrgFindingInput = {
      kind: 'working_committee',
      establishedOn: '2020-01-01',
      dissolvedOn: null,
      posts: [post({ post: 'secretary', endsOn: '2020-01-01' })],
    };
    expect(kinds(street)).toEqual([]);
  });

  it('has nothing to say about a dissolved org', () => {
    expect(kinds(branch([], { dissolvedOn: '2026-01-01' }))).toEqual([]);
  });

  it('follows the configured reminder window', () => {
    const input = branch([post({ post: 'secretary', endsOn: '2027-02-15' })]);
    const policy = { ...DEFAULT_TERM_POLICY, warnMonths: 9 };
    expect(orgFindings(input, TODAY, policy).map((f) => f.kind)).toEqual(['term_expiring']);
  });
});

describe('currentTermEnd', () => {
  it('is the sitting secretary’s term, else the latest sitting member’s', () => {
    const posts = [
      post({ post: 'secretary', endsOn: '2027-01-01' }),
      post({ post: 'committee_member', endsOn: '2028-01-01' }),
    ];
    expect(currentTermEnd(posts, 'branch', TODAY)).toBe('2027-01-01');
    expect(currentTermEnd(posts.slice(1), 'branch', TODAY)).toBe('2028-01-01');
    expect(currentTermEnd([], 'branch', TODAY)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import type { PostTenure } from './leadership.ts';
import { type OrgFindingInput, orgFindings, vacantSince } from './org-findings.ts';
import { DEFAULT_TERM_POLICY } from './terms.ts';

const TODAY = '2026-06-15';

function post(p: Partial<PostTenure> & Pick<PostTenure, 'post'>): PostTenure {
  return { startedOn: '2021-07-01', leftOn: null, ...p };
}

/** The committee's term (届): elected 2021-07-01 until `endsOn`. */
const term = (endsOn: string) => ({ electedOn: '2021-07-01', endsOn });

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
    expect(kinds(branch([post({ post: 'secretary' })], { term: term(endsOn) }))).toEqual(expected);
  });

  it('reports an expired term with the days overdue and the articles', () => {
    const [f] = orgFindings(
      branch([post({ post: 'secretary' })], { term: term('2026-05-16') }),
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
      leftOn: '2026-05-16',
    });
    const members = post({ post: 'organizing_member' });
    const findings = orgFindings(
      branch([left, members], { term: term('2027-01-01') }),
      TODAY,
      DEFAULT_TERM_POLICY,
    );
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
    const [vacant] = orgFindings(group, TODAY, DEFAULT_TERM_POLICY);
    expect(vacant?.message).toContain('应由党支部及时指定');
    expect(vacant?.message).not.toContain('选举');
    expect(vacant?.article).toBe('支部工作条例第十三条');
    // A term recorded by mistake for a group is not the group's: a 党小组长 has none.
    const led = { ...group, posts: [post({ post: 'group_leader' })], term: term('2020-01-01') };
    expect(kinds(led)).toEqual([]);
  });

  it('has no term findings for an appointed 党工委', () => {
    const street: OrgFindingInput = {
      kind: 'working_committee',
      establishedOn: '2020-01-01',
      dissolvedOn: null,
      posts: [post({ post: 'secretary', leftOn: '2021-01-01' })],
      term: term('2020-01-01'),
    };
    // Appointed by the committee above: neither term nor vacancy findings unless the deployment follows 党工委.
    expect(kinds(street)).toEqual([]);
    const following = { ...DEFAULT_TERM_POLICY, followedKinds: ['working_committee' as const] };
    const [vacant] = orgFindings(street, TODAY, following);
    expect(vacant).toMatchObject({ kind: 'head_vacant', article: '党章第二十九条' });
    expect(vacant?.message).toContain('应由上级党委及时任命');
  });

  it('says nothing about the top 地方党委 by default: its elections are not the deployment’s', () => {
    const city: OrgFindingInput = {
      kind: 'local_committee',
      establishedOn: '2000-01-01',
      dissolvedOn: null,
      posts: [],
      term: term('2020-01-01'),
    };
    expect(kinds(city)).toEqual([]);
    const following = { ...DEFAULT_TERM_POLICY, followedKinds: ['local_committee' as const] };
    expect(orgFindings(city, TODAY, following).map((f) => f.kind)).toEqual(['term_expired', 'head_vacant']);
  });

  it('has no term findings without a recorded term, and none for a 临时党支部 (appointed)', () => {
    expect(kinds(branch([post({ post: 'secretary' })]))).toEqual([]);
    const temporary = branch([post({ post: 'secretary' })], {
      kind: 'temporary_branch',
      term: term('2026-01-01'),
    });
    expect(kinds(temporary)).toEqual([]);
  });

  it('has nothing to say about a dissolved org', () => {
    expect(kinds(branch([], { dissolvedOn: '2026-01-01' }))).toEqual([]);
  });

  it('follows the configured reminder window', () => {
    const input = branch([post({ post: 'secretary' })], { term: term('2027-02-15') });
    const policy = { ...DEFAULT_TERM_POLICY, warnMonths: 9 };
    expect(orgFindings(input, TODAY, policy).map((f) => f.kind)).toEqual(['term_expiring']);
  });
});

describe('orgFindings with a branch’s roster counts (docs/organizations.md §4, §5)', () => {
  const held = post({ post: 'secretary' });
  const committee = [held, post({ post: 'organizing_member' })];
  const counted = (
    fullMembers: number,
    members: number,
    posts = [held],
    kind: OrgFindingInput['kind'] = 'branch',
  ) => kinds(branch(posts, { kind, roster: { fullMembers, members } }));

  it.each<[string, number, number, string[]]>([
    ['an empty roster (not entered yet) is not judged', 0, 0, []],
    ['2 正式党员 and 3 预备党员: too few', 2, 5, ['branch_too_few_members:warning']],
    ['exactly 3 正式党员: enough', 3, 3, []],
    ['6 正式党员 with a lone secretary: no committee needed yet', 6, 8, []],
    ['7 正式党员 with a lone secretary: needs a committee', 7, 7, ['branch_needs_committee:warning']],
    ['exactly 50 members: within the norm', 40, 50, ['branch_needs_committee:warning']],
    ['51 members: too large', 45, 51, ['branch_needs_committee:warning', 'branch_too_large:warning']],
  ])('%s', (_label, full, members, expected) => {
    expect(counted(full, members)).toEqual(expected);
  });

  it('counts a committee only while a deputy or committee member is in post', () => {
    expect(counted(7, 7, committee)).toEqual([]);
    const left = [held, post({ post: 'publicity_member', leftOn: '2026-05-01' })];
    expect(counted(7, 7, left)).toEqual(['branch_needs_committee:warning']);
    const notYet = [held, post({ post: 'deputy_secretary', startedOn: '2026-07-01' })];
    expect(counted(7, 7, notYet)).toEqual(['branch_needs_committee:warning']);
  });

  it('judges only 党支部, and says what to do, citing the articles', () => {
    expect(counted(1, 1, [held], 'committee')).toEqual([]);
    expect(counted(1, 60, [held], 'general_branch')).toEqual([]);
    expect(counted(1, 1, [held], 'joint_branch')).toEqual(['branch_too_few_members:warning']);
    const [few] = orgFindings(
      branch([held], { roster: { fullMembers: 2, members: 2 } }),
      TODAY,
      DEFAULT_TERM_POLICY,
    );
    expect(few).toMatchObject({ date: null, days: null, article: '支部工作条例第四条；支部工作条例第五条' });
    expect(few?.message).toContain('正式党员仅2名');
    expect(few?.message).toContain('联合党支部');
    const [, large] = orgFindings(
      branch([held], { roster: { fullMembers: 52, members: 52 } }),
      TODAY,
      DEFAULT_TERM_POLICY,
    );
    expect(large).toMatchObject({ kind: 'branch_too_large', article: '支部工作条例第四条' });
    expect(large?.message).toContain('一般不超过50人');
  });

  it('has nothing to say about a dissolved branch, whatever its counts', () => {
    expect(kinds(branch([], { dissolvedOn: '2026-01-01', roster: { fullMembers: 1, members: 1 } }))).toEqual(
      [],
    );
  });
});

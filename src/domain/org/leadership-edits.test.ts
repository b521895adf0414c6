import { describe, expect, it } from 'vitest';
import type { LeadershipPost, PostTenure } from './leadership.ts';
import { checkPostEdit, type EditedTenure } from './leadership-edits.ts';

function tenure(post: LeadershipPost, startedOn: string, leftOn: string | null = null): PostTenure {
  return { post, startedOn, leftOn };
}
function edited(extra: Partial<EditedTenure>): EditedTenure {
  return { ...tenure('secretary', '2021-01-01'), ...extra };
}

describe('checkPostEdit', () => {
  const sittingSecretary = tenure('secretary', '2023-01-01');
  const formerSecretary = tenure('secretary', '2015-01-01', '2020-01-01');
  it.each<[string, Partial<EditedTenure>, PostTenure[], string]>([
    ['a valid correction', {}, [], 'ok'],
    ['left before start', { leftOn: '2020-06-01' }, [], 'left_before_start'],
    ['an ended tenure before the sitting secretary', { leftOn: '2023-01-01' }, [sittingSecretary], 'ok'],
    [
      'an ended tenure overlapping the sitting one',
      { leftOn: '2023-02-01' },
      [sittingSecretary],
      'post_already_filled',
    ],
    ['an open tenure beside a sitting secretary', {}, [sittingSecretary], 'post_already_filled'],
    ['an open tenure after a former one', {}, [formerSecretary], 'ok'],
    [
      'a start moved into a former tenure',
      { startedOn: '2019-06-01' },
      [formerSecretary],
      'post_already_filled',
    ],
    [
      'a committee member beside others',
      { post: 'committee_member' },
      [tenure('committee_member', '2021-01-01')],
      'ok',
    ],
  ])('%s', (_, change, others, expected) => {
    const d = checkPostEdit(edited(change), others);
    expect(d.ok ? 'ok' : d.reason).toBe(expected);
  });
});

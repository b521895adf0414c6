import { describe, expect, it } from 'vitest';
import {
  checkReduction,
  checkReductionApprover,
  checkReductionOverlap,
  checkReductionPending,
  type ReductionDraft,
} from './reductions.ts';

const TODAY = '2026-06-15';
const draft = (extra: Partial<ReductionDraft> = {}): ReductionDraft => ({
  kind: 'reduce',
  fromMonth: '2026-07',
  toMonth: '2026-12',
  monthlyAmount: 500,
  reason: '长期患病，生活困难',
  branchDecidedOn: '2026-06-10',
  ...extra,
});
const reason = (d: { ok: boolean; reason?: string }) => (d.ok ? 'ok' : d.reason);

describe('a reduction as the branch records it (docs/dues.md §6; 第七条)', () => {
  it.each([
    [{}, [4_000], 'ok'],
    [{ kind: 'exempt', monthlyAmount: null }, [], 'ok'],
    [{ fromMonth: '2026-12', toMonth: '2026-07' }, [4_000], 'dues_reduction_months_invalid'],
    [{ fromMonth: '2026-01', toMonth: '2026-12' }, [4_000], 'ok'], // 12 months
    [{ fromMonth: '2026-01', toMonth: '2027-01' }, [4_000], 'dues_reduction_too_long'], // 13 months
    [{ reason: '  ' }, [4_000], 'dues_reduction_reason_required'],
    [{ branchDecidedOn: '2026-06-16' }, [4_000], 'dues_reduction_date_future'],
    [{ monthlyAmount: null }, [4_000], 'dues_reduction_amount_invalid'],
    [{ monthlyAmount: -1 }, [4_000], 'dues_reduction_amount_invalid'],
    [{ kind: 'exempt', monthlyAmount: 100 }, [], 'dues_reduction_amount_invalid'],
    [{}, [], 'dues_reduction_full_unknown'],
    [{ monthlyAmount: 4_000 }, [4_000], 'dues_reduction_amount_not_lower'],
    [{ monthlyAmount: 3_999 }, [4_000, 5_000], 'ok'],
    [{ monthlyAmount: 4_500 }, [4_000, 5_000], 'dues_reduction_amount_not_lower'], // below the lowest month
    [{ monthlyAmount: 0 }, [4_000], 'ok'],
  ] as const)('%j with full amounts %j → %s', (extra, full, expected) => {
    const d = checkReduction(draft(extra as Partial<ReductionDraft>), TODAY, full);
    expect(reason(d)).toBe(expected);
    if (!d.ok) {
      expect(d.message).toMatch(/[\u4e00-\u9fff]/);
      expect(d.article).toContain('第七条');
    }
  });

  it('says how long a range was asked', () => {
    expect(checkReduction(draft({ fromMonth: '2026-01', toMonth: '2027-06' }), TODAY, [4_000])).toMatchObject(
      {
        details: { months: 18 },
      },
    );
  });
});

describe('approved reductions never overlap', () => {
  const approved = [{ fromMonth: '2026-03', toMonth: '2026-05' }];
  it.each([
    ['2026-01', '2026-02', 'ok'],
    ['2026-01', '2026-03', 'dues_reduction_overlap'],
    ['2026-04', '2026-04', 'dues_reduction_overlap'],
    ['2026-05', '2026-09', 'dues_reduction_overlap'],
    ['2026-06', '2026-09', 'ok'],
  ])('%s–%s → %s', (fromMonth, toMonth, expected) => {
    expect(reason(checkReductionOverlap({ fromMonth, toMonth }, approved))).toBe(expected);
  });
  it('names the months of the one it meets', () => {
    const d = checkReductionOverlap({ fromMonth: '2026-04', toMonth: '2026-04' }, approved);
    expect(d.ok ? '' : d.message).toContain('2026年3月至2026年5月');
  });
});

describe('who decides', () => {
  it('the level above approves; a branch never approves its own', () => {
    expect(checkReductionApprover(true).ok).toBe(true);
    expect(reason(checkReductionApprover(false))).toBe('dues_reduction_not_level_above');
  });
  it.each([
    ['pending', 'ok'],
    ['approved', 'dues_reduction_not_pending'],
    ['rejected', 'dues_reduction_not_pending'],
    ['withdrawn', 'dues_reduction_not_pending'],
  ])('a %s reduction may be decided or withdrawn: %s', (status, expected) => {
    expect(reason(checkReductionPending(status))).toBe(expected);
  });
});

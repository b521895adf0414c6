import { describe, expect, it } from 'vitest';
import {
  decisionKindOf,
  earliestChangeDate,
  extensionRange,
  leavingProcedure,
  leftReasonsFor,
  probationExtended,
  statusChangesFor,
} from './status-changes.ts';

const kinds = (m: Parameters<typeof statusChangesFor>[0]) => statusChangesFor(m).map((c) => c.kind);

describe('status changes offered to the user', () => {
  it('offers each status what the rules allow it (src/domain/membership/member-rules.ts)', () => {
    const probationary = {
      status: 'probationary' as const,
      admittedOn: '2025-03-20',
      probationEndsOn: '2026-03-20',
    };
    expect(kinds(probationary)).toEqual([
      'confirm',
      'extend_probation',
      'mark_unreachable',
      'suspend',
      'leave',
      'record_death',
    ]);
    expect(kinds({ ...probationary, status: 'full' })).toEqual([
      'mark_unreachable',
      'suspend',
      'leave',
      'record_death',
    ]);
    expect(kinds({ ...probationary, status: 'unreachable' })).toEqual([
      'mark_reachable',
      'suspend',
      'leave',
      'record_death',
    ]);
    expect(kinds({ ...probationary, status: 'suspended' })).toEqual(['restore', 'leave', 'record_death']);
    expect(kinds({ ...probationary, status: 'left' })).toEqual([]);
    expect(kinds({ ...probationary, status: 'deceased' })).toEqual([]);
    expect(kinds({ ...probationary, status: 'transferred_out' })).toEqual([]);
  });

  it('offers 延长预备期 once only', () => {
    const extended = {
      status: 'probationary' as const,
      admittedOn: '2025-03-20',
      probationEndsOn: '2026-09-20',
    };
    expect(probationExtended(extended)).toBe(true);
    expect(kinds(extended)).not.toContain('extend_probation');
  });

  it('bounds an extension by 6 to 12 months after the original year (党章第七条)', () => {
    expect(extensionRange('2025-03-20')).toEqual({ earliest: '2026-09-20', latest: '2027-03-20' });
  });

  it('offers the T10 categories: 取消预备党员资格 only to a 预备党员, who is never 劝退 or 除名', () => {
    expect(leftReasonsFor('probationary')).toEqual(['probation_cancelled', 'not_recognized']);
    expect(leftReasonsFor('full')).toEqual([
      'withdrawn',
      'persuaded',
      'removed_refused',
      'removed_lapsed',
      'expelled',
      'not_recognized',
    ]);
    expect(leftReasonsFor('suspended')).not.toContain('probation_cancelled');
  });

  it('asks each category for its procedure: 退党 filed, 除名 approved, 开除 decided (党章第九条)', () => {
    expect(leavingProcedure('withdrawn')).toMatchObject({ procedure: 'filed', documentRequired: false });
    expect(leavingProcedure('removed_lapsed')).toMatchObject({
      procedure: 'approved',
      documentRequired: true,
    });
    expect(leavingProcedure('persuaded').orgLabel).toBe('批准的上级党组织');
    expect(leavingProcedure('expelled')).toMatchObject({ procedure: 'discipline', documentRequired: true });
  });

  it('never dates a change before admission or before the latest change', () => {
    expect(earliestChangeDate('2020-01-01', [])).toBe('2020-01-01');
    expect(
      earliestChangeDate('2020-01-01', [{ effectiveOn: '2023-05-01' }, { effectiveOn: '2021-02-02' }]),
    ).toBe('2023-05-01');
  });

  it('records 转正, 延长预备期 and the 出党 approved above as 支部大会 decisions (docs/membership.md §12)', () => {
    expect(decisionKindOf('confirm', undefined)).toBe('confirm');
    expect(decisionKindOf('extend_probation', undefined)).toBe('extend_probation');
    expect(decisionKindOf('leave', 'persuaded')).toBe('leave');
    expect(decisionKindOf('leave', 'probation_cancelled')).toBe('leave');
    expect(decisionKindOf('leave', 'withdrawn')).toBeNull();
    expect(decisionKindOf('leave', 'expelled')).toBeNull();
    expect(decisionKindOf('leave', undefined)).toBeNull();
    expect(decisionKindOf('suspend', undefined)).toBeNull();
  });
});

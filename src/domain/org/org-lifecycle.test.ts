import { describe, expect, it } from 'vitest';
import type { OrgKind } from './org-kinds.ts';
import {
  checkDissolve,
  checkEstablishedOn,
  checkMove,
  checkNewOrg,
  checkOrgOpen,
  type OrgPlace,
} from './org-lifecycle.ts';

const TODAY = '2026-06-15';

function place(id: number, path: string, kind: OrgKind, extra: Partial<OrgPlace> = {}) {
  const labels = path.split('.');
  const parentId = labels.length > 1 ? Number(labels.at(-2)) : null;
  return { id, path, kind, parentId, establishedOn: '2020-01-01', dissolvedOn: null, ...extra };
}

describe('checkOrgOpen', () => {
  it.each([
    [null, true],
    ['2025-01-01', false],
  ])('dissolvedOn %s → ok %s', (dissolvedOn, ok) => {
    expect(checkOrgOpen({ dissolvedOn }).ok).toBe(ok);
  });
});

describe('checkEstablishedOn', () => {
  it.each([
    ['2026-06-15', null, 'ok'],
    ['2026-06-16', null, 'established_in_future'],
    ['2024-01-01', '2025-01-01', 'ok'],
    ['2025-02-01', '2025-01-01', 'established_after_dissolved'],
  ])('established %s, dissolved %s → %s', (establishedOn, dissolvedOn, expected) => {
    const d = checkEstablishedOn(establishedOn, dissolvedOn, TODAY);
    expect(d.ok ? 'ok' : d.reason).toBe(expected);
  });
});

describe('checkNewOrg', () => {
  it.each<[OrgKind, string | null, OrgKind, string, string]>([
    ['committee', null, 'branch', '2026-01-01', 'ok'],
    ['branch', null, 'group', '2026-06-15', 'ok'],
    ['committee', '2025-01-01', 'branch', '2026-01-01', 'org_dissolved'],
    ['branch', null, 'branch', '2026-01-01', 'nesting_not_allowed'],
    ['committee', null, 'group', '2026-01-01', 'nesting_not_allowed'],
    ['committee', null, 'branch', '2026-07-01', 'established_in_future'],
  ])('under a %s (dissolved %s) a %s founded %s → %s', (parentKind, dissolvedOn, kind, on, expected) => {
    const d = checkNewOrg({ kind: parentKind, dissolvedOn }, kind, on, TODAY);
    expect(d.ok ? 'ok' : d.reason).toBe(expected);
  });

  it('answers in Chinese with the article for a nesting refusal', () => {
    const d = checkNewOrg({ kind: 'branch', dissolvedOn: null }, 'committee', '2026-01-01', TODAY);
    expect(d).toMatchObject({ ok: false, message: '党支部之下只能设党小组' });
    expect(d.ok ? '' : d.article).toContain('党章');
  });
});

describe('checkMove', () => {
  const branch = place(9, '1.2.4.6.9', 'branch');
  it.each<[string, ReturnType<typeof place>, ReturnType<typeof place>, string]>([
    ['to another committee', branch, place(7, '1.2.4.7', 'committee'), 'ok'],
    ['the root', place(1, '1', 'local_committee'), place(3, '1.3', 'local_committee'), 'root_cannot_move'],
    ['under itself', branch, branch, 'move_into_own_subtree'],
    ['under its own group', branch, place(10, '1.2.4.6.9.10', 'group'), 'move_into_own_subtree'],
    ['to the parent it has', branch, place(6, '1.2.4.6', 'committee'), 'already_under_parent'],
    [
      'to a dissolved parent',
      branch,
      place(7, '1.2.4.7', 'committee', { dissolvedOn: '2025-01-01' }),
      'org_dissolved',
    ],
    [
      'a dissolved org',
      { ...branch, dissolvedOn: '2025-01-01' },
      place(7, '1.2.4.7', 'committee'),
      'org_dissolved',
    ],
    ['under a branch', branch, place(11, '1.2.4.7.11', 'branch'), 'nesting_not_allowed'],
    [
      'a group under a committee',
      place(10, '1.2.4.6.9.10', 'group'),
      place(7, '1.2.4.7', 'committee'),
      'nesting_not_allowed',
    ],
  ])('moving %s → %s', (_, org, parent, expected) => {
    const d = checkMove(org, parent);
    expect(d.ok ? 'ok' : d.reason).toBe(expected);
  });

  it('does not mistake a sibling whose path starts with the same digits for a descendant', () => {
    expect(checkMove(place(9, '1.2.9', 'committee'), place(99, '1.2.99', 'committee')).ok).toBe(true);
  });
});

describe('checkDissolve', () => {
  const branch = place(9, '1.2.4.6.9', 'branch', { establishedOn: '2020-03-01' });
  it.each<[string, ReturnType<typeof place>, number, string, string]>([
    ['a branch without children, today', branch, 0, TODAY, 'ok'],
    ['on its founding day', branch, 0, '2020-03-01', 'ok'],
    ['the root', place(1, '1', 'local_committee'), 0, TODAY, 'root_cannot_dissolve'],
    ['twice', { ...branch, dissolvedOn: '2025-01-01' }, 0, TODAY, 'already_dissolved'],
    ['with active children', branch, 2, TODAY, 'has_active_children'],
    ['in the future', branch, 0, '2026-06-16', 'dissolved_in_future'],
    ['before its founding', branch, 0, '2020-02-29', 'dissolved_before_established'],
    ['with no founding date known', { ...branch, establishedOn: null }, 0, '1990-01-01', 'ok'],
  ])('dissolving %s', (_, org, children, on, expected) => {
    const d = checkDissolve(org, children, on, TODAY);
    expect(d.ok ? 'ok' : d.reason).toBe(expected);
  });

  it('says how many children remain', () => {
    const d = checkDissolve(branch, 3, TODAY, TODAY);
    expect(d).toMatchObject({ ok: false, details: { activeChildCount: 3 } });
    expect(d.ok ? '' : d.message).toContain('3个下级组织');
  });
});

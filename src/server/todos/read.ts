import { FINDING_KINDS, type FindingKind, type OrgFinding, type OrgKind } from '../../domain/org/index.ts';
import type { IsoDate } from '../../domain/shared/index.ts';
import type { Db } from '../db/client.ts';
import { pathNamesOf } from '../db/org-refs.ts';
import type { Scope } from '../db/scope.ts';
import { countFindings, type FindingFilter, selectFindingPage } from './findings.repo.ts';
import { keepFindingsCurrent } from './keep.ts';
import type { TodoRegistry } from './registry.ts';

export type { FindingFilter } from './findings.repo.ts';

/** What reading the to-do list takes: the day it is read on, and the app's registry (context.ts). */
export type TodoReadCtx = {
  readonly db: Db;
  readonly today: IsoDate;
  readonly todos?: TodoRegistry | undefined;
};

/** A finding as the lists show it: with its org and the org's place from the top of the scope. */
export type FindingItem = {
  readonly org: {
    readonly id: number;
    readonly name: string;
    readonly kind: OrgKind;
    readonly pathNames: string;
  };
  readonly finding: OrgFinding;
};

export type FindingCounts = Record<FindingKind, { warning: number; critical: number }>;

async function current(ctx: TodoReadCtx): Promise<void> {
  if (!ctx.todos) throw new Error('the to-do registry is missing from the context (app.ts puts it there)');
  await keepFindingsCurrent(ctx, ctx.todos);
}

/** One page of the findings of the scope today, most urgent first (the order of compareFindings). */
export async function readFindingItems(
  ctx: TodoReadCtx,
  scope: Scope,
  filter: FindingFilter,
  page: { readonly limit: number; readonly offset: number },
): Promise<FindingItem[]> {
  await current(ctx);
  const rows = await selectFindingPage(ctx.db, scope, filter, page);
  const names = await pathNamesOf(
    ctx.db,
    scope,
    rows.map((r) => r.orgPath),
  );
  return rows.map((r) => ({
    org: { id: r.orgId, name: r.orgName, kind: r.orgKind, pathNames: names.get(r.orgPath) ?? '' },
    finding: r.finding,
  }));
}

/** A page of the findings of the scope today, and how many there are in all. */
export async function readFindingPage(
  ctx: TodoReadCtx,
  scope: Scope,
  filter: FindingFilter,
  page: { readonly limit: number; readonly offset: number },
): Promise<{ items: FindingItem[]; total: number }> {
  const items = await readFindingItems(ctx, scope, filter, page);
  const total = (await countFindings(ctx.db, scope, filter)).reduce((sum, c) => sum + c.n, 0);
  return { items, total };
}

/** The warnings and critical findings of the scope today, counted by kind (every kind, zero included). */
export async function readFindingCounts(ctx: TodoReadCtx, scope: Scope): Promise<FindingCounts> {
  await current(ctx);
  const counts = Object.fromEntries(
    FINDING_KINDS.map((k) => [k, { warning: 0, critical: 0 }]),
  ) as FindingCounts;
  for (const { kind, severity, n } of await countFindings(ctx.db, scope, { within: null })) {
    if (severity !== 'info') counts[kind][severity] += n;
  }
  return counts;
}

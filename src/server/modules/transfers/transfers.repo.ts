import {
  and,
  asc,
  count,
  desc,
  eq,
  gte,
  ilike,
  inArray,
  isNull,
  lt,
  ne,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { MEMBER_ORG_KINDS, type TransferStatus } from '../../../domain/membership/index.ts';
import type { Db } from '../../db/client.ts';
import { pathInScope, type Scope } from '../../db/scope.ts';
import { orgs } from '../../db/tables/orgs.ts';
import { members, persons, transfers } from '../../db/tables/people.ts';
import { updateAtVersion } from '../../db/versioned.ts';

export type TransferRow = typeof transfers.$inferSelect;

const fromOrg = alias(orgs, 'from_org');
const toOrg = alias(orgs, 'to_org');

const recordColumns = {
  transfer: transfers,
  memberName: persons.name,
  fromOrgName: fromOrg.name,
  fromOrgPath: fromOrg.path,
  toOrgName: toOrg.name,
  toOrgPath: toOrg.path,
};

/** A transfer with its member's name and both orgs' names and paths (to: null when out of the deployment). */
export type TransferRecord = TransferRow & {
  memberName: string;
  fromOrgName: string;
  fromOrgPath: string;
  toOrgName: string | null;
  toOrgPath: string | null;
};

type Joined = {
  transfer: TransferRow;
  memberName: string;
  fromOrgName: string;
  fromOrgPath: string;
  toOrgName: string | null;
  toOrgPath: string | null;
};
const flatten = ({ transfer, ...rest }: Joined): TransferRecord => ({ ...transfer, ...rest });

function selectRecords(db: Db) {
  return db
    .select(recordColumns)
    .from(transfers)
    .innerJoin(members, eq(members.id, transfers.memberId))
    .innerJoin(persons, eq(persons.id, members.personId))
    .innerJoin(fromOrg, eq(fromOrg.id, transfers.fromOrgId))
    .leftJoin(toOrg, eq(toOrg.id, transfers.toOrgId));
}

/** Both sides see a transfer: the sending org's scope or the receiving org's. */
function visibleIn(scope: Scope): SQL {
  return or(pathInScope(scope, fromOrg.path), pathInScope(scope, toOrg.path)) as SQL;
}

/** The transfer if either side lies in the scope; `lock` takes a row lock on it. */
export async function findTransferInScope(
  db: Db,
  scope: Scope,
  id: number,
  lock = false,
): Promise<TransferRecord | undefined> {
  const query = selectRecords(db).where(and(eq(transfers.id, id), visibleIn(scope)));
  const [row] = lock ? await query.for('update', { of: transfers }) : await query;
  return row && flatten(row);
}

export type TransferFilter = {
  readonly scope: Scope;
  readonly memberId?: number | undefined;
  /** Only transfers leaving and/or arriving in this subtree (a path already checked to be in scope). */
  readonly within: Scope | null;
  readonly direction: 'outgoing' | 'incoming' | 'both';
  readonly status?: TransferStatus | undefined;
  readonly overdue?: boolean | undefined;
  readonly today: string;
  readonly limit: number;
  readonly offset: number;
};

function sideCondition(area: Scope, direction: TransferFilter['direction']): SQL | undefined {
  if (direction === 'outgoing') return pathInScope(area, fromOrg.path);
  if (direction === 'incoming') return pathInScope(area, toOrg.path);
  return visibleIn(area);
}

/** The SQL of isTransferOverdue in src/domain/membership/transfer-rules.ts. */
function overdueCondition(overdue: boolean, today: string): SQL | undefined {
  const isOverdue = and(eq(transfers.status, 'pending'), lt(transfers.validUntil, today));
  return overdue ? isOverdue : or(ne(transfers.status, 'pending'), gte(transfers.validUntil, today));
}

export async function listTransfers(
  db: Db,
  f: TransferFilter,
): Promise<{ rows: TransferRecord[]; total: number }> {
  const where = and(
    sideCondition(f.scope, f.direction),
    f.within ? sideCondition(f.within, f.direction) : undefined,
    f.memberId === undefined ? undefined : eq(transfers.memberId, f.memberId),
    f.status ? eq(transfers.status, f.status) : undefined,
    f.overdue === undefined ? undefined : overdueCondition(f.overdue, f.today),
  );
  const [counted] = await db
    .select({ n: count() })
    .from(transfers)
    .innerJoin(fromOrg, eq(fromOrg.id, transfers.fromOrgId))
    .leftJoin(toOrg, eq(toOrg.id, transfers.toOrgId))
    .where(where);
  const total = counted?.n ?? 0;
  if (total === 0 || f.offset >= total) return { rows: [], total };
  const rows = await selectRecords(db)
    .where(where)
    .orderBy(sql`${transfers.status} = 'pending' desc`, desc(transfers.issuedOn), desc(transfers.id))
    .limit(f.limit)
    .offset(f.offset);
  return { rows: rows.map(flatten), total };
}

/**
 * A receiving org anywhere in the deployment (a transfer may go beyond the sender's scope): what the rules
 * need to know of it. Nothing personal; the org's existence is all it tells.
 */
export async function findReceivingOrg(db: Db, id: number) {
  const [row] = await db
    .select({ id: orgs.id, path: orgs.path, name: orgs.name, kind: orgs.kind, dissolvedOn: orgs.dissolvedOn })
    .from(orgs)
    .where(eq(orgs.id, id));
  return row;
}

const parentOrg = alias(orgs, 'parent_org');

/** Branches and groups of the whole deployment that are not dissolved, by name (contains) or exact code. */
export async function searchReceivingOrgs(db: Db, q: string, limit: number) {
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return db
    .select({ id: orgs.id, name: orgs.name, kind: orgs.kind, code: orgs.code, parentName: parentOrg.name })
    .from(orgs)
    .leftJoin(parentOrg, eq(parentOrg.id, orgs.parentId))
    .where(
      and(
        inArray(orgs.kind, [...MEMBER_ORG_KINDS]),
        isNull(orgs.dissolvedOn),
        or(ilike(orgs.name, pattern), eq(orgs.code, q)),
      ),
    )
    .orderBy(sql`nlevel(${orgs.path})`, asc(orgs.name), asc(orgs.id))
    .limit(limit);
}

export async function insertTransfer(db: Db, values: typeof transfers.$inferInsert): Promise<number> {
  const [row] = await db.insert(transfers).values(values).returning({ id: transfers.id });
  return (row as { id: number }).id;
}

/** Saves a decision at the version read (409 `stale_version` otherwise: updateAtVersion). */
export async function updateTransferAtVersion(
  db: Db,
  id: number,
  version: number,
  patch: Partial<Pick<TransferRow, 'status' | 'decidedOn' | 'decidedBy' | 'rejectionReason'>>,
  at: Date,
): Promise<void> {
  await updateAtVersion(db, transfers, id, version, { ...patch, updatedAt: at });
}

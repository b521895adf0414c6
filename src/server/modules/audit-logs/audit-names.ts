import type { AuditEntityType } from '../../../contracts/audit.ts';
import type { NameKind, NameRequest, Names } from './audit-logs.repo.ts';

/** The kind of record an entry's `entityId` names; entries about settings, tokens, the log or a backup have none. */
const ENTITY_KIND: Partial<Record<AuditEntityType, NameKind>> = {
  org: 'orgs',
  member: 'members',
  person: 'persons',
  user: 'users',
  role_assignment: 'roleAssignments',
  leadership_post: 'posts',
  transfer: 'transfers',
  import_batch: 'importBatches',
};

/** Fields of a recorded change that hold the id of a record of this kind. */
const REF_FIELDS: Record<string, 'orgs' | 'members' | 'persons' | 'users'> = {
  orgId: 'orgs',
  parentId: 'orgs',
  fromParentId: 'orgs',
  toParentId: 'orgs',
  fromOrgId: 'orgs',
  toOrgId: 'orgs',
  memberId: 'members',
  personId: 'persons',
  userId: 'users',
};

/** An org path as the audit records it: the ids from the root down, `1.2.3.449`. */
const PATH = /^\d+(\.\d+)*$/;
const MAX_DEPTH = 4;

const idOf = (value: unknown): number | null => {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return value;
  if (typeof value === 'string' && /^\d{1,15}$/.test(value)) return Number(value);
  return null;
};

type Refs = { orgs: Set<number>; members: Set<number>; persons: Set<number>; users: Set<number> };

/** Walks a recorded change (before/after/note, nested a little) for the ids it mentions. */
function collectRefs(value: unknown, refs: Refs, depth = 0): void {
  if (depth > MAX_DEPTH || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const v of value) collectRefs(v, refs, depth + 1);
    return;
  }
  for (const [key, v] of Object.entries(value)) {
    const kind = REF_FIELDS[key];
    const id = kind ? idOf(v) : null;
    if (kind && id !== null) refs[kind].add(id);
    else if (key === 'path' && typeof v === 'string' && PATH.test(v)) {
      for (const part of v.split('.')) refs.orgs.add(Number(part));
    } else collectRefs(v, refs, depth + 1);
  }
}

type Entry = { entityType: AuditEntityType; entityId: string | null; diff: unknown };

/** Every id a page of entries mentions, by kind: each entry's subject and the records its change refers to. */
export function namesWanted(entries: readonly Entry[]): NameRequest {
  const wanted: Record<NameKind, Set<number>> = {
    orgs: new Set(),
    members: new Set(),
    persons: new Set(),
    users: new Set(),
    roleAssignments: new Set(),
    posts: new Set(),
    transfers: new Set(),
    importBatches: new Set(),
  };
  for (const e of entries) {
    const kind = ENTITY_KIND[e.entityType];
    const id = idOf(e.entityId);
    if (kind && id !== null) wanted[kind].add(id);
    collectRefs(e.diff, wanted);
  }
  return {
    orgs: [...wanted.orgs],
    members: [...wanted.members],
    persons: [...wanted.persons],
    users: [...wanted.users],
    roleAssignments: [...wanted.roleAssignments],
    posts: [...wanted.posts],
    transfers: [...wanted.transfers],
    importBatches: [...wanted.importBatches],
  };
}

/** The name of an entry's subject, when it is in scope. */
export function entityNameOf(entry: Entry, names: Names): string | null {
  const kind = ENTITY_KIND[entry.entityType];
  const id = idOf(entry.entityId);
  return kind && id !== null ? (names[kind].get(id) ?? null) : null;
}

const pick = (all: ReadonlyMap<number, string>, ids: ReadonlySet<number>): Record<string, string> =>
  Object.fromEntries([...ids].flatMap((id) => (all.has(id) ? [[String(id), all.get(id) as string]] : [])));

/** The names of the records one entry's change refers to (those in scope). */
export function refNamesOf(entry: Entry, names: Names) {
  const refs: Refs = { orgs: new Set(), members: new Set(), persons: new Set(), users: new Set() };
  collectRefs(entry.diff, refs);
  return {
    orgs: pick(names.orgs, refs.orgs),
    members: pick(names.members, refs.members),
    persons: pick(names.persons, refs.persons),
    users: pick(names.users, refs.users),
  };
}

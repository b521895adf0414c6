import {
  AUDIT_ACTION_LABELS,
  AUDIT_ENTITY_TYPE_LABELS,
  type AuditAction,
  type AuditEntityType,
} from '../../../contracts/audit.ts';
import type { AuditFilter } from '../../api/audit.ts';

/** The audit list as the address bar keeps it, so that back, reload and a shared link show the same page. */
export type AuditListState = { filter: AuditFilter; page: number; pageSize: number };

const PAGE_SIZES = [10, 20, 50, 100];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const positive = (raw: string | null, fallback: number) => {
  const n = Number(raw);
  return Number.isInteger(n) && n >= 1 ? n : fallback;
};

/** Reads the state from the query string; anything unknown or malformed is left out. */
export function auditStateFromSearch(params: URLSearchParams): AuditListState {
  const text = (key: string) => params.get(key)?.trim() || undefined;
  const date = (key: string) => {
    const v = text(key);
    return v && DATE.test(v) ? v : undefined;
  };
  const action = text('action');
  const entityType = text('entityType');
  const pageSize = positive(params.get('pageSize'), 20);
  return {
    filter: {
      from: date('from'),
      to: date('to'),
      actor: text('actor'),
      action: action && action in AUDIT_ACTION_LABELS ? (action as AuditAction) : undefined,
      entityType:
        entityType && entityType in AUDIT_ENTITY_TYPE_LABELS ? (entityType as AuditEntityType) : undefined,
    },
    page: positive(params.get('page'), 1),
    pageSize: PAGE_SIZES.includes(pageSize) ? pageSize : 20,
  };
}

/** The query string of a state: only what differs from the defaults. */
export function searchFromAuditState(state: AuditListState): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(state.filter)) {
    if (value) params.set(key, String(value));
  }
  if (state.page !== 1) params.set('page', String(state.page));
  if (state.pageSize !== 20) params.set('pageSize', String(state.pageSize));
  return params;
}

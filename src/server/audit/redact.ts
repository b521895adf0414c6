import { HIDDEN, isSensitiveField, protectField } from '../../domain/access/index.ts';

/**
 * What an audit diff may hold of a record: secrets and ID numbers hidden, phones, address and birth date masked —
 * the one list in src/domain/access/sensitive-fields.ts.
 */
export const REDACTED = HIDDEN;

export function isSensitiveKey(key: string): boolean {
  return isSensitiveField(key);
}

type Plain = Record<string, unknown>;

function normalize(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  return value;
}

function redact(record: Plain): Plain {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, protectField(k, normalize(v))]));
}

/**
 * The before/after diff of a write: for an edit, only the fields that changed; for a creation, the new
 * record; for a removal, the old one. Sensitive fields show that they changed, never their values (masked or hidden).
 */
export function auditDiff(before: Plain | null, after: Plain | null): { before?: Plain; after?: Plain } {
  if (before && after) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
      (k) =>
        k !== 'updatedAt' &&
        k !== 'version' &&
        JSON.stringify(normalize(before[k])) !== JSON.stringify(normalize(after[k])),
    );
    const pick = (r: Plain) => redact(Object.fromEntries(keys.filter((k) => k in r).map((k) => [k, r[k]])));
    return { before: pick(before), after: pick(after) };
  }
  return {
    ...(before ? { before: redact(before) } : {}),
    ...(after ? { after: redact(after) } : {}),
  };
}

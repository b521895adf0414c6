/** Fields whose values never reach the audit log (or any log): secrets and personal identifiers. */
const SENSITIVE_KEYS = new Set([
  'password',
  'passwordHash',
  'currentPassword',
  'newPassword',
  'initialPassword',
  'token',
  'tokenHash',
  'idNumber',
  'idNumberEnc',
  'idNumberHash',
]);

export const REDACTED = '[已隐藏]';

export function isSensitiveKey(key: string): boolean {
  return SENSITIVE_KEYS.has(key);
}

type Plain = Record<string, unknown>;

function normalize(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  return value;
}

function redact(record: Plain): Plain {
  return Object.fromEntries(
    Object.entries(record).map(([k, v]) => [k, isSensitiveKey(k) ? REDACTED : normalize(v)]),
  );
}

/**
 * The before/after diff of a write: for an edit, only the fields that changed; for a creation, the new
 * record; for a removal, the old one. Sensitive fields show that they changed, never their values.
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

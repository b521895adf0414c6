import type { FormInstance } from 'antd';
import type { ErrorReason } from '../../contracts/errors.ts';
import type { ApiError } from '../api/api-error.ts';

export type FieldPath = (string | number)[];
export type FieldError = { name: FieldPath; errors: string[] };

export type ServerErrorMapping = {
  /** A prefix to drop after `body`, when the form edits a part of the body (settings: `['value']`). */
  prefix?: FieldPath;
  /** Rule violations without issues that belong to one field: `{ wrong_current_password: 'currentPassword' }`. */
  reasonFields?: Partial<Record<ErrorReason, string | FieldPath>>;
  /** The form's top-level field names; issues about anything else are reported as messages instead. */
  knownFields?: readonly string[];
};

function startsWith(path: FieldPath, prefix: FieldPath): boolean {
  return prefix.every((segment, i) => path[i] === segment);
}

/**
 * Maps the server's Zod issues (`path: ['body', 'name']`) and field-specific rule violations onto form
 * fields. What cannot be placed on a field comes back in `unmapped`, to be shown as a message.
 */
export function mapServerErrors(
  error: ApiError,
  mapping: ServerErrorMapping = {},
): { fields: FieldError[]; unmapped: string[] } {
  const byName = new Map<string, FieldError>();
  const unmapped: string[] = [];
  const add = (name: FieldPath, message: string) => {
    const key = JSON.stringify(name);
    const field = byName.get(key) ?? { name, errors: [] };
    if (!field.errors.includes(message)) field.errors.push(message);
    byName.set(key, field);
  };
  for (const issue of error.issues) {
    let path = issue.path[0] === 'body' ? issue.path.slice(1) : issue.path;
    if (mapping.prefix && startsWith(path, mapping.prefix)) path = path.slice(mapping.prefix.length);
    const head = path[0];
    const known = head !== undefined && (!mapping.knownFields || mapping.knownFields.includes(String(head)));
    if (known && issue.path[0] !== 'query' && issue.path[0] !== 'params') add(path, issue.message);
    else unmapped.push(issue.message);
  }
  const reasonField = error.reason ? mapping.reasonFields?.[error.reason] : undefined;
  if (reasonField !== undefined) {
    add(Array.isArray(reasonField) ? reasonField : [reasonField], error.message);
  }
  return { fields: [...byName.values()], unmapped };
}

/** Puts the server's field errors onto the form; answers the messages that fit no field. */
export function applyServerErrors(
  form: FormInstance,
  error: ApiError,
  mapping: ServerErrorMapping = {},
): { mapped: number; unmapped: string[] } {
  const { fields, unmapped } = mapServerErrors(error, mapping);
  if (fields.length > 0) form.setFields(fields);
  return { mapped: fields.length, unmapped };
}

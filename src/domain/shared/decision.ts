/**
 * A rule answers with a decision and a reason the UI can show, never a bare boolean (docs/design.md §1.1).
 * `reason` is a stable English key for programs; `message` is Chinese for people; `article` cites the rule.
 */
export type Denial = {
  readonly ok: false;
  readonly reason: string;
  readonly message: string;
  readonly article?: string;
  readonly details?: Readonly<Record<string, unknown>>;
};
export type Decision = { readonly ok: true } | Denial;

export const allow: Decision = { ok: true };

export function deny(
  reason: string,
  message: string,
  extra: { article?: string; details?: Record<string, unknown> } = {},
): Denial {
  return { ok: false, reason, message, ...extra };
}

/** The first denial among several decisions, or `allow`. */
export function firstDenial(...decisions: Decision[]): Decision {
  return decisions.find((d) => !d.ok) ?? allow;
}

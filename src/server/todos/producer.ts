import type { FindingKind, OrgFinding, Severity } from '../../domain/org/index.ts';
import type { IsoDate } from '../../domain/shared/index.ts';
import type { Db } from '../db/client.ts';
import type { TodoInput } from './inputs.ts';

/** The orgs to compute findings for: these ids, or every org of the deployment (the daily pass, a policy change). */
export type OrgSelection = readonly number[] | 'all';

/** A finding and the org it is about. */
export type LocatedFinding = { readonly orgId: number; readonly finding: OrgFinding };

/**
 * A module's source of to-dos (待办), registered in its `Module.todoProducers` (modules/module.ts). The registry
 * (registry.ts) gives each kind to one producer; the findings table (keep.ts) recomputes a producer's findings for
 * the orgs whose `inputs` a write changed, in that write's transaction, and for every org when the day changes
 * (when `dated`) or the table is new.
 */
export type TodoProducer = {
  /** Names the producer in errors and logs: `<module>.<what>`. */
  readonly name: string;
  /** The finding kinds it gives, and it alone (closed vocabulary: FINDING_KINDS). */
  readonly kinds: readonly FindingKind[];
  /** The severities its findings may have. */
  readonly severities: readonly Severity[];
  /** Where the rule is written down: `docs/<file>.md §n`. */
  readonly article: string;
  /** What its findings are computed from besides the date (inputs.ts). */
  readonly inputs: readonly TodoInput[];
  /** Whether its findings change with the date alone (a term expires, a vacancy ages): the daily pass recomputes it. */
  readonly dated: boolean;
  /**
   * Its findings on `date` for the selected orgs, every one of them (an org without a finding gives none): only of
   * its kinds, only for those orgs, none for a dissolved org.
   */
  readonly produce: (
    ctx: { readonly db: Db },
    input: { readonly orgs: OrgSelection; readonly date: IsoDate },
  ) => Promise<LocatedFinding[]>;
};

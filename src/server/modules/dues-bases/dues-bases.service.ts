import type { z } from 'zod';
import type {
  BaseBatchBody,
  BaseEntryBody,
  BaseSaveResult,
  BaseSetResult,
  BaseSheet,
  BaseView,
} from '../../../contracts/dues-bases.ts';
import type { Role } from '../../../domain/access/index.ts';
import {
  type BaseEntry,
  baseWarnings,
  checkBaseSheetOrg,
  checkMemberInBranch,
  checkPayVisible,
  checkRowRepeated,
  type DuesRuleSet,
  decideBase,
  duesRulesInForce,
  FLAT_CATEGORIES,
  isMonthKey,
  type MonthKey,
  monthEnd,
  monthlyDues,
  monthStart,
  payAssignment,
} from '../../../domain/dues/index.ts';
import type { Denial } from '../../../domain/shared/index.ts';
import { found, holds, orgIn, scopeFor } from '../../access/index.ts';
import { recordAudit } from '../../audit/audit.ts';
import { type Ctx, inTransaction } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import type { OrgRef } from '../../db/org-refs.ts';
import { type ErrorReason, enforce, forbidden, staleVersion } from '../../errors.ts';
import { type BatchRefusal, batchRefused, rosterOn } from '../members/index.ts';
import {
  type BaseMember,
  type BaseRecord,
  baseAt,
  baseMembers,
  basesInForce,
  basesOfMember,
  groupsOf,
  insertBase,
  replaceBase,
  storedRuleSets,
} from './dues-bases.repo.ts';

/**
 * 党费计算基数 (docs/dues.md §2, §11): the branch's sheet, a member's history, setting one base or a whole sheet.
 * Pay is personal data: read and written only by whom `payAssignment` names (dues.base at the member's own branch
 * for a secretary, over it for an org_admin) — in scope but not so is 403 — or read by the member themself.
 * Every write audited in its transaction; the audit row carries the base, the kind and the month, never the items.
 */

export type BaseInput = z.output<typeof BaseEntryBody>;

const viewOf = (b: BaseRecord): BaseView => ({ ...b, items: [...b.items] });

/** 403 unless the actor may see the pay of the members of the branch at `branchPath` (docs/dues.md §11). */
function payRole(ctx: Ctx, branchPath: string): Role {
  const visible = checkPayVisible(ctx.actor.assignments, { branchPath }, ctx.today);
  if (!visible.ok) throw forbidden(visible.reason, visible.message);
  return (payAssignment(ctx.actor.assignments, { branchPath }, ctx.today) as { role: Role }).role;
}

/** The branch of a sheet: in the dues.base scope (404), a 党支部 (422), its pay visible to the actor (403). */
async function sheetBranch(ctx: Ctx, orgId: number): Promise<{ branch: OrgRef; role: Role }> {
  const branch = await orgIn(ctx, scopeFor(ctx, 'dues.base'), orgId, '党支部');
  enforce(checkBaseSheetOrg(branch.kind));
  return { branch, role: payRole(ctx, branch.path) };
}

/** The rules in force on a month's first day (docs/dues.md §7). */
export async function rulesForMonth(db: Db, month: MonthKey): Promise<DuesRuleSet> {
  return duesRulesInForce(await storedRuleSets(db), monthStart(month));
}

/** The members on a branch's roster (its groups' too) on the month's first or last day, first-day placement first. */
async function sheetRoster(db: Db, branchId: number, month: MonthKey) {
  const orgIds = [branchId, ...(await groupsOf(db, branchId))];
  const byId = new Map<number, Awaited<ReturnType<typeof rosterOn>>[number]>();
  for (const day of [monthStart(month), monthEnd(month)]) {
    for (const m of await rosterOn(db, orgIds, day)) if (!byId.has(m.memberId)) byId.set(m.memberId, m);
  }
  return [...byId.values()];
}

/**
 * The branch's sheet for a month: one row per member on its roster that month, with their category on the
 * month's first day, the base in force and the monthly dues it gives under the rules in force.
 */
export async function baseSheet(ctx: Ctx, input: { orgId: number; month: MonthKey }): Promise<BaseSheet> {
  const { branch } = await sheetBranch(ctx, input.orgId);
  const roster = await sheetRoster(ctx.db, branch.id, input.month);
  const ids = roster.map((m) => m.memberId);
  const facts = new Map(
    (await baseMembers(ctx.db, ids, monthStart(input.month))).map((m) => [m.id, m] as const),
  );
  const bases = await basesInForce(ctx.db, ids, monthStart(input.month));
  const rules = await rulesForMonth(ctx.db, input.month);
  const rows = roster.flatMap((r) => {
    const f = facts.get(r.memberId);
    if (!f) return [];
    const base = bases.get(r.memberId) ?? null;
    const dues = monthlyDues(f.category, base?.amount ?? null, rules);
    return [
      {
        memberId: r.memberId,
        name: r.name,
        orgId: r.orgId,
        orgName: r.orgName,
        status: r.status,
        category: f.category,
        workPost: f.workPost,
        needsBase: !(FLAT_CATEGORIES as readonly string[]).includes(f.category),
        base: base && viewOf(base),
        dues: {
          kind: dues.kind,
          amount: dues.kind === 'no_base' ? null : dues.amount,
          rateBp: dues.kind === 'percentage' ? dues.rateBp : null,
        },
        warnings: baseWarnings(f).map((w) => w.message),
      },
    ];
  });
  return { org: { id: branch.id, name: branch.name }, month: input.month, ruleVersion: rules.version, rows };
}

/** A member's bases, newest first: for whoever may see their pay, or the member themself (member.self). */
export async function memberBaseHistory(ctx: Ctx, input: { id: number }) {
  const [own] = await baseMembers(ctx.db, [input.id], ctx.today);
  const self =
    own !== undefined &&
    holds(ctx, 'member.self') &&
    ctx.principal.user.personId !== null &&
    ctx.principal.user.personId === own.personId;
  if (!self) {
    const [m] = await baseMembers(ctx.db, [input.id], ctx.today, scopeFor(ctx, 'dues.base'));
    payRole(ctx, found(m, '党员').branchPath);
  }
  const m = own as BaseMember;
  const items = (await basesOfMember(ctx.db, m.id)).map(viewOf);
  return { memberId: m.id, name: m.name, category: m.category, items };
}

type Checked =
  | { ok: true; member: BaseMember; write: BaseEntry & { amount: number }; warnings: Denial<ErrorReason>[] }
  | { ok: false; denial: Denial<ErrorReason> };

/** A row decided by the rules, against the member's category in its from-month (docs/dues.md §2). */
async function decideRow(db: Db, member: BaseMember, input: BaseInput): Promise<Checked> {
  const valid = isMonthKey(input.fromMonth);
  const [then] = valid ? await baseMembers(db, [member.id], monthStart(input.fromMonth)) : [member];
  const facts = {
    fromMonth: input.fromMonth,
    category: (then ?? member).category,
    workPost: member.workPost,
  };
  const entry: BaseEntry = { kind: input.kind, items: input.items, incomeTax: input.incomeTax };
  const decision = decideBase(entry, facts);
  if (!decision.ok) return { ok: false, denial: decision };
  return { ok: true, member, write: { ...entry, amount: decision.amount }, warnings: [...decision.warnings] };
}

const sameBase = (b: BaseRecord, w: BaseEntry & { amount: number }, note: string | null) =>
  b.kind === w.kind &&
  b.incomeTax === w.incomeTax &&
  b.amount === w.amount &&
  (b.note ?? null) === note &&
  JSON.stringify(b.items) ===
    JSON.stringify(w.items.map((i) => ({ label: i.label, amount: i.amount, counted: i.counted })));

/** What the audit row keeps of a base: never the pay items (personal data, docs/dues.md §11). */
const audited = (b: { fromMonth: string; kind: string; amount: number; incomeTax: number }) => ({
  fromMonth: b.fromMonth,
  kind: b.kind,
  amount: b.amount,
  incomeTax: b.incomeTax,
});

/**
 * Writes one decided row (new, or replacing the base of the same month at the version read) with its audit row;
 * 'unchanged' when it equals the base on record.
 */
async function writeRow(
  tx: Ctx,
  role: Role,
  member: BaseMember,
  input: BaseInput,
  write: BaseEntry & { amount: number },
  action: 'dues_base.set' | 'dues_base.import',
  note?: Record<string, unknown>,
): Promise<{ id: number; changed: boolean }> {
  const fromMonth = monthStart(input.fromMonth);
  const existing = await baseAt(tx.db, member.id, fromMonth);
  const values = {
    memberId: member.id,
    fromMonth,
    kind: write.kind,
    items: write.items.map((i) => ({ label: i.label.trim(), amount: i.amount, counted: i.counted })),
    incomeTax: write.incomeTax,
    amount: write.amount,
    note: input.note ?? null,
    setBy: tx.audit.actorId,
    setAt: tx.at,
  };
  let id: number;
  if (existing) {
    // The page and the API replace a base only at the version they read; the import replaces (its sheet says so).
    if (action !== 'dues_base.import' && input.version !== existing.version) throw staleVersion();
    if (sameBase(existing, { ...write, items: values.items }, values.note))
      return { id: existing.id, changed: false };
    if (!(await replaceBase(tx.db, existing.id, existing.version, values))) throw staleVersion();
    id = existing.id;
  } else {
    if (input.version !== undefined) throw staleVersion();
    const inserted = await insertBase(tx.db, values);
    if (inserted === undefined) throw staleVersion();
    id = inserted;
  }
  await recordAudit(tx, {
    action,
    entityType: 'dues_base',
    entityId: id,
    orgId: member.orgId,
    role,
    before: existing ? { memberId: member.id, ...audited(existing) } : null,
    after: { memberId: member.id, ...audited({ ...values, fromMonth: input.fromMonth }) },
    ...(note ? { note } : {}),
  });
  return { id, changed: true };
}

/** One member's base from a month on (a base of the same month is replaced, at its version). */
export async function setBase(ctx: Ctx, input: BaseInput): Promise<z.output<typeof BaseSetResult>> {
  return inTransaction(ctx, async (tx) => {
    const [m] = await baseMembers(tx.db, [input.memberId], tx.today, scopeFor(tx, 'dues.base'));
    const member = found(m, '党员');
    const role = payRole(tx, member.branchPath);
    const checked = await decideRow(tx.db, member, input);
    if (!checked.ok) return enforce(checked.denial) as never;
    const { id } = await writeRow(tx, role, member, input, checked.write, 'dues_base.set');
    const base = (await basesOfMember(tx.db, member.id)).find((b) => b.id === id) as BaseRecord;
    return { base: viewOf(base), warnings: checked.warnings.map((w) => w.message) };
  });
}

export type SheetOutcome = {
  readonly member: BaseMember | null;
  readonly input: BaseInput;
  readonly decision: Checked;
};

/**
 * The rows of a branch's sheet decided, none written: each member must be placed in the branch (or its groups)
 * now, each member and month named once, each row allowed by the rules.
 */
export async function decideSheetRows(
  tx: Ctx,
  branch: OrgRef,
  inputs: readonly BaseInput[],
): Promise<SheetOutcome[]> {
  const members = new Map(
    (await baseMembers(tx.db, [...new Set(inputs.map((r) => r.memberId))], tx.today)).map((m) => [m.id, m]),
  );
  const seen = new Set<string>();
  const out: SheetOutcome[] = [];
  for (const input of inputs) {
    const member = members.get(input.memberId) ?? null;
    const key = `${input.memberId}:${input.fromMonth}`;
    const repeated = checkRowRepeated(seen.has(key));
    seen.add(key);
    const inBranch = checkMemberInBranch(member?.branchId ?? -1, branch.id);
    const denial = !inBranch.ok ? inBranch : !repeated.ok ? repeated : null;
    const decision: Checked =
      denial || !member
        ? { ok: false, denial: (denial ?? inBranch) as Denial<ErrorReason> }
        : await decideRow(tx.db, member, input);
    out.push({ member, input, decision });
  }
  return out;
}

/** Writes decided rows (all allowed): the number written and unchanged, and the WARNs kept. */
export async function writeSheetRows(
  tx: Ctx,
  role: Role,
  rows: readonly SheetOutcome[],
  action: 'dues_base.set' | 'dues_base.import',
  note?: Record<string, unknown>,
): Promise<z.output<typeof BaseSaveResult>> {
  let saved = 0;
  let unchanged = 0;
  const warnings: { memberId: number; name: string; message: string }[] = [];
  for (const r of rows) {
    if (!r.decision.ok) continue;
    const { member, write } = r.decision;
    const { changed } = await writeRow(tx, role, member, r.input, write, action, note);
    if (changed) saved += 1;
    else unchanged += 1;
    for (const w of r.decision.warnings)
      warnings.push({ memberId: member.id, name: member.name, message: w.message });
  }
  return { saved, unchanged, warnings };
}

/** A branch's sheet, all or nothing: any row refused refuses the whole (422 `batch_refused`, each row and why). */
export async function saveSheet(
  ctx: Ctx,
  input: z.output<typeof BaseBatchBody>,
): Promise<z.output<typeof BaseSaveResult>> {
  return inTransaction(ctx, async (tx) => {
    const { branch, role } = await sheetBranch(tx, input.orgId);
    const rows = await decideSheetRows(tx, branch, input.rows);
    const refusals: BatchRefusal[] = rows.flatMap((r) =>
      r.decision.ok
        ? []
        : [
            {
              memberId: r.input.memberId,
              name: r.member?.name ?? `党员${r.input.memberId}`,
              reason: r.decision.denial.reason,
              message: r.decision.denial.message,
            },
          ],
    );
    if (refusals.length > 0) throw batchRefused('核定党费计算基数', refusals);
    return writeSheetRows(tx, role, rows, 'dues_base.set');
  });
}

export { sheetBranch };

import type { Agent } from 'node:http';
import type { IsoDate } from '../src/domain/shared/index.ts';
import { type Random, seededRandom } from '../src/server/seed/random.ts';
import type { LoadFiles } from './load-files.ts';
import { IMPORT_ROWS } from './load-files.ts';
import { type Answer, importBody, json, send } from './load-http.ts';
import { pickWeighted, type SessionPlan } from './load-plan.ts';
import type { Outcome, Recorder } from './load-report.ts';

/**
 * One virtual session of the load run: signed in once, then in a loop until the run stops — a request kind
 * drawn by weight from its menu (the importer and the hostile uploader follow a fixed turn), sent, recorded,
 * then a think time. Everything drawn comes from the session's own seeded PRNG.
 */
export type RunContext = {
  readonly url: string;
  readonly today: IsoDate;
  readonly recorder: Recorder;
  readonly files: LoadFiles;
  readonly timeoutMs: number;
  /** Uploads have longer: a person watches the progress bar of a file being sent and read. */
  readonly uploadTimeoutMs: number;
  stopped: boolean;
  /** Import batches committed in this run, undone after it. */
  readonly batches: number[];
  commitsUsed: number;
};

type Writable = { id: number; version: number; status: string };

export type Session = {
  readonly plan: SessionPlan;
  readonly rnd: Random;
  readonly agent: Agent;
  readonly cookie: string;
  memberIds: number[];
  writable: Writable[];
  turn: number;
};

type Done = { readonly kind: string; readonly answer: Answer; readonly outcome: Outcome };

export function newSession(plan: SessionPlan, agent: Agent, cookie: string): Session {
  return { plan, rnd: seededRandom(plan.seed), agent, cookie, memberIds: [], writable: [], turn: 0 };
}

const get = (ctx: RunContext, s: Session, path: string) =>
  send(ctx.url, s.agent, s.cookie, 'GET', path, ctx.timeoutMs);
const okIf200 = (a: Answer): Outcome =>
  a.status === 200 ? { status: 200, ok: true } : { status: a.status, ok: false, note: a.body.slice(0, 200) };

/** Roster filters a secretary uses: a status, a category, an age band, education, a surname. */
const FILTERS = [
  'status=probationary',
  'category=retired',
  'ageBand=61_above',
  'education=college_or_above',
  `q=${encodeURIComponent('王')}`,
];

async function rosterPage(ctx: RunContext, s: Session, kind: string, filter: string | null): Promise<Done> {
  const answer = await get(
    ctx,
    s,
    `/api/members?pageSize=20&orgId=${s.plan.orgId}${filter ? `&${filter}` : ''}`,
  );
  if (answer.status === 200) {
    const ids = (JSON.parse(answer.body) as { items: { id: number }[] }).items.map((m) => m.id);
    if (ids.length > 0) s.memberIds = ids;
  }
  return { kind, answer, outcome: okIf200(answer) };
}

async function readKind(ctx: RunContext, s: Session, kind: string): Promise<Done> {
  const [area, level] = kind.split('.', 2) as [string, string];
  if (kind === 'member.detail' && s.memberIds.length === 0)
    return rosterPage(ctx, s, `roster.list.${s.plan.level}`, null);
  if (kind.startsWith('roster.list.')) return rosterPage(ctx, s, kind, null);
  if (kind.startsWith('roster.filtered.')) return rosterPage(ctx, s, kind, s.rnd.pick(FILTERS));
  let path: string;
  if (kind === 'member.detail') path = `/api/members/${s.rnd.pick(s.memberIds)}`;
  else if (area === 'ledger')
    path = `/api/orgs/${s.plan.orgId}/ledger?from=${ctx.today.slice(0, 4)}-01-01&to=${ctx.today}`;
  else if (area === 'workbench') path = '/api/workbench';
  else if (area === 'stats') {
    const orgId = level === s.plan.level ? s.plan.orgId : s.rnd.pick(s.plan.childIds);
    path = `/api/orgs/${orgId}/stats`;
  } else throw new Error(`unknown request kind ${kind}`);
  const answer = await get(ctx, s, path);
  return { kind, answer, outcome: okIf200(answer) };
}

/** 失联 and back: each writer walks its own full members round, so every change is allowed and repeats. */
async function statusChange(ctx: RunContext, s: Session): Promise<Done> {
  const kind = 'member.status_change';
  const m = s.writable[s.turn % Math.max(1, s.writable.length)];
  if (!m) return readKind(ctx, s, 'member.detail');
  const answer = await postEvent(ctx, s, m);
  if (answer.status === 422) s.writable = s.writable.filter((w) => w !== m);
  return { kind, answer, outcome: okIf200(answer) };
}

async function postEvent(ctx: RunContext, s: Session, m: Writable): Promise<Answer> {
  const body =
    m.status === 'full'
      ? { version: m.version, kind: 'mark_unreachable', effectiveOn: ctx.today, lostContactOn: ctx.today }
      : { version: m.version, kind: 'mark_reachable', effectiveOn: ctx.today };
  const answer = await send(
    ctx.url,
    s.agent,
    s.cookie,
    'POST',
    `/api/members/${m.id}/events`,
    ctx.timeoutMs,
    json(body),
  );
  if (answer.status === 200) {
    const detail = JSON.parse(answer.body) as { version: number; status: string };
    m.version = detail.version;
    m.status = detail.status;
  }
  return answer;
}

/** Dry runs of the community's file; every third import commits a file into an empty branch while one is left. */
async function importTurn(ctx: RunContext, s: Session, communityId: number): Promise<Done> {
  const commit = s.turn % 3 === 2 ? ctx.files.commits[ctx.commitsUsed] : undefined;
  if (commit) ctx.commitsUsed++;
  const fields = commit
    ? { orgId: String(commit.orgId), dryRun: 'false' }
    : { orgId: String(communityId), dryRun: 'true' };
  const body = importBody(commit ? commit.content : ctx.files.dryRun, fields);
  const answer = await send(
    ctx.url,
    s.agent,
    s.cookie,
    'POST',
    '/api/members/import',
    ctx.uploadTimeoutMs,
    body,
  );
  const kind = commit ? 'import.commit' : 'import.dry_run';
  if (answer.status !== 200) return { kind, answer, outcome: okIf200(answer) };
  const report = JSON.parse(answer.body) as {
    validCount: number;
    importedCount: number;
    batchId: number | null;
  };
  if (report.batchId !== null) ctx.batches.push(report.batchId);
  const full = commit ? report.importedCount === IMPORT_ROWS : report.validCount === IMPORT_ROWS;
  const note = `valid ${report.validCount}, imported ${report.importedCount}`;
  return { kind, answer, outcome: { status: 200, ok: full, note } };
}

/** The hostile uploads in turn; each must be refused with its own reason (400), never answered otherwise. */
async function hostileTurn(ctx: RunContext, s: Session): Promise<Done> {
  const file = ctx.files.hostile[s.turn % ctx.files.hostile.length];
  if (!file) throw new Error('no hostile files');
  const body = importBody(file.content, { dryRun: 'true' });
  const answer = await send(
    ctx.url,
    s.agent,
    s.cookie,
    'POST',
    '/api/members/import',
    ctx.uploadTimeoutMs,
    body,
  );
  let reason: string | undefined;
  try {
    reason = (JSON.parse(answer.body) as { error?: { details?: { reason?: string } } }).error?.details
      ?.reason;
  } catch {
    reason = undefined;
  }
  const ok = answer.status === 400 && reason === file.reason;
  return {
    kind: file.kind,
    answer,
    outcome: { status: answer.status, ok, note: reason ?? answer.body.slice(0, 200) },
  };
}

async function perform(ctx: RunContext, s: Session, communityId: number): Promise<Done> {
  if (s.plan.role === 'importer') return importTurn(ctx, s, communityId);
  if (s.plan.role === 'hostile') return hostileTurn(ctx, s);
  const kind = pickWeighted(s.rnd, s.plan.menu);
  if (kind === 'member.status_change') return statusChange(ctx, s);
  return readKind(ctx, s, kind);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function runSession(ctx: RunContext, s: Session, communityId: number): Promise<void> {
  while (!ctx.stopped) {
    const startedAt = performance.now();
    let done: Done;
    try {
      done = await perform(ctx, s, communityId);
    } catch (error) {
      const answer: Answer = { status: 'network', body: String(error), ms: performance.now() - startedAt };
      done = { kind: 'bench.error', answer, outcome: { status: 'network', ok: false, note: answer.body } };
    }
    ctx.recorder.add(done.kind, startedAt, done.answer.ms, done.outcome);
    s.turn++;
    await sleep(s.rnd.int(s.plan.think[0], s.plan.think[1]));
  }
}

/** A writer's members: the first page of its community's full members (not timed). */
export async function loadWritable(ctx: RunContext, s: Session): Promise<void> {
  const answer = await get(ctx, s, `/api/members?pageSize=20&orgId=${s.plan.orgId}&status=full`);
  if (answer.status !== 200) throw new Error(`${s.plan.username}: members → ${answer.status}`);
  const items = (JSON.parse(answer.body) as { items: Writable[] }).items;
  s.writable = items.map((m) => ({ id: m.id, version: m.version, status: m.status }));
}

/** After the run: the writers' members back to 正式党员, the committed batches undone (not timed). */
export async function cleanUp(ctx: RunContext, sessions: readonly Session[]): Promise<string[]> {
  const problems: string[] = [];
  for (const s of sessions.filter((x) => x.plan.role === 'writer')) {
    for (const m of s.writable.filter((w) => w.status !== 'full')) {
      const a = await postEvent(ctx, s, m);
      if (a.status !== 200) problems.push(`restore member ${m.id}: ${a.status} ${a.body.slice(0, 200)}`);
    }
  }
  const importer = sessions.find((x) => x.plan.role === 'importer');
  for (const id of ctx.batches) {
    if (!importer) break;
    const path = `/api/import-batches/${id}/undo`;
    const a = await send(ctx.url, importer.agent, importer.cookie, 'POST', path, 300_000, json({}));
    if (a.status !== 200) problems.push(`undo batch ${id}: ${a.status} ${a.body.slice(0, 200)}`);
  }
  return problems;
}

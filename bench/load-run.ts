import os from 'node:os';
import type { LoadCity } from './load-city.ts';
import { serverToday } from './load-city.ts';
import type { LoadFiles } from './load-files.ts';
import { inBatches, login, send, sessionAgent } from './load-http.ts';
import { type KindSummary, Recorder } from './load-report.ts';
import { cpuSeconds, machineTicks, startLoadServer, watchMemory } from './load-server.ts';
import {
  cleanUp,
  loadWritable,
  newSession,
  type RunContext,
  runSession,
  type Session,
} from './load-session.ts';

/**
 * One load run: a new server process on the city, every session signed in, a warm-up that is not counted,
 * the measured window, then the sessions stopped (each finishes its request in flight), the run's writes
 * undone and the server stopped. With `hostile`, one more session posts hostile uploads all along.
 */
export type RunOptions = {
  readonly name: string;
  readonly hostile: boolean;
  readonly warmupSeconds: number;
  readonly seconds: number;
  readonly timeoutMs: number;
  readonly uploadTimeoutMs: number;
};

export type RunResult = {
  readonly name: string;
  readonly sessions: number;
  readonly seconds: number;
  readonly results: KindSummary[];
  readonly failures: Record<string, string[]>;
  readonly server: {
    readonly memory: ReturnType<ReturnType<typeof watchMemory>['stop']>;
    /** CPU seconds of the server process over the window, and the share of one core. */
    readonly cpuSeconds: number;
    readonly cores: number;
    readonly startSeconds: number;
    readonly exit: string;
    /** Lines the server logged at warn or above (LOG_LEVEL=warn), and the first few of them. */
    readonly logLines: number;
    readonly logSample: string[];
  };
  /** Busy share of the whole machine (all processes, both cores) over the window, in percent. */
  readonly machineBusyPercent: number;
  /** CPU seconds of this process (the load generator) over the window. */
  readonly benchCpuSeconds: number;
  readonly loadAverage: number[];
  readonly cleanupProblems: string[];
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

async function signIn(url: string, city: LoadCity, options: RunOptions): Promise<Session[]> {
  const plans = city.sessions.filter((p) => options.hostile || p.role !== 'hostile');
  return inBatches(plans, 8, async (p) => {
    const agent = sessionAgent();
    return newSession(p, agent, await login(url, agent, p.username, options.timeoutMs));
  });
}

function newContext(url: string, files: LoadFiles, options: RunOptions): RunContext {
  return {
    url,
    today: serverToday(),
    recorder: new Recorder(),
    files,
    timeoutMs: options.timeoutMs,
    uploadTimeoutMs: options.uploadTimeoutMs,
    stopped: false,
    batches: [],
    commitsUsed: 0,
  };
}

/** The sessions at work: the readers and writers from the warm-up on; uploads and the probe with the window. */
async function drive(
  ctx: RunContext,
  sessions: readonly Session[],
  pid: number,
  options: RunOptions,
  communityId: number,
) {
  const run = (s: Session) => runSession(ctx, s, communityId);
  const uploads = (s: Session) => s.plan.role === 'importer' || s.plan.role === 'hostile';
  const loops = sessions.filter((s) => !uploads(s)).map(run);
  await sleep(options.warmupSeconds * 1000);
  // Uploads take seconds to minutes: they start with the window, so that each one falls in it.
  const late = () => [...sessions.filter(uploads).map(run), probeNewConnections(ctx)];
  return measureWindow(ctx, pid, options.seconds, loops, late);
}

export async function loadRun(city: LoadCity, files: LoadFiles, options: RunOptions): Promise<RunResult> {
  const started = performance.now();
  const server = await startLoadServer(city.serverEnv);
  const startSeconds = round((performance.now() - started) / 1000);
  try {
    const sessions = await signIn(server.url, city, options);
    const ctx = newContext(server.url, files, options);
    for (const s of sessions.filter((x) => x.plan.role === 'writer')) await loadWritable(ctx, s);
    console.log(
      `${options.name}: server up in ${startSeconds} s, ${sessions.length} sessions signed in; warm-up ${options.warmupSeconds} s, then ${options.seconds} s measured`,
    );
    const measured = await drive(ctx, sessions, server.pid, options, city.importTarget.communityId);
    const cleanupProblems = await cleanUp(ctx, sessions);
    await inBatches(sessions, 8, (s) =>
      send(server.url, s.agent, s.cookie, 'POST', '/api/auth/logout', options.timeoutMs),
    );
    for (const s of sessions) s.agent.destroy();
    const exit = await server.stop();
    return {
      name: options.name,
      sessions: sessions.length,
      seconds: measured.seconds,
      results: ctx.recorder.summary(measured.seconds),
      failures: Object.fromEntries(ctx.recorder.failures),
      server: { ...measured.server, startSeconds, exit, ...logLines(server.output()) },
      machineBusyPercent: measured.machineBusyPercent,
      benchCpuSeconds: measured.benchCpuSeconds,
      loadAverage: os.loadavg().map((n) => round(n, 2)),
      cleanupProblems,
    };
  } finally {
    await server.stop();
  }
}

/** The measured window, with the server's memory, its CPU and the machine's, then the sessions' last requests. */
async function measureWindow(
  ctx: RunContext,
  pid: number,
  seconds: number,
  loops: Promise<void>[],
  late: () => Promise<void>[],
) {
  const memory = watchMemory(pid);
  const cpu0 = cpuSeconds(pid);
  const bench0 = process.cpuUsage();
  const machine0 = machineTicks();
  ctx.recorder.startWindow();
  loops.push(...late());
  await sleep(seconds * 1000);
  const windowSeconds = ctx.recorder.endWindow();
  ctx.stopped = true;
  const cpu = round(cpuSeconds(pid) - cpu0);
  const bench = process.cpuUsage(bench0);
  const machine1 = machineTicks();
  // Requests started in the window are counted whole: wait for them (each is bounded by its deadline).
  await Promise.all(loops);
  const busy = (machine1.busy - machine0.busy) / Math.max(1, machine1.total - machine0.total);
  return {
    seconds: round(windowSeconds, 2),
    server: { memory: memory.stop(), cpuSeconds: cpu, cores: round(cpu / windowSeconds, 2) },
    machineBusyPercent: round(busy * 100),
    benchCpuSeconds: round((bench.user + bench.system) / 1e6),
  };
}

/**
 * Once a second, GET /api/health over a new connection: what a person opening the app meets while the server is
 * busy (the sessions' own connections are open already). Not part of the 200 sessions' figures.
 */
async function probeNewConnections(ctx: RunContext): Promise<void> {
  while (!ctx.stopped) {
    const startedAt = performance.now();
    const answer = await send(ctx.url, null, null, 'GET', '/api/health', ctx.timeoutMs);
    const outcome = { status: answer.status, ok: answer.status === 200, note: answer.body.slice(0, 200) };
    ctx.recorder.add('probe.new_connection', startedAt, answer.ms, outcome);
    await sleep(Math.max(0, 1000 - (performance.now() - startedAt)));
  }
}

function logLines(output: string) {
  // The shutdown notice (SIGTERM, a warning by design) is the bench's own doing.
  const lines = output.split('\n').filter((l) => /"level":(40|50|60)/.test(l) && !l.includes('SIGTERM'));
  return { logLines: lines.length, logSample: lines.slice(0, 3).map((l) => l.slice(0, 300)) };
}

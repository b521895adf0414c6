/**
 * The load run (issue 7, Benchmark): 200 concurrent sessions over real HTTP on loopback against the real server
 * (`src/server/main.ts`, a child process) on a synthetic city — 1,000,000 members on PostgreSQL, 300,000 on
 * PGlite (BENCH_MEMBERS) — for BENCH_LOAD_SECONDS (60) after a BENCH_LOAD_WARMUP (10) that is not counted;
 * twice: a normal morning, then the same with one hostile upload in flight all along. Throughput, p50/p95/p99
 * per request kind, errors, the server's peak RSS; results in bench/results/load-<database>-<members>.json.
 * Sessions and the workload: load-plan.ts; the city and its accounts: load-city.ts, load-accounts.ts.
 */
import { spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import { type LoadCity, prepareLoadCity } from './load-city.ts';
import { buildLoadFiles, IMPORT_ROWS, type LoadFiles } from './load-files.ts';
import { SESSION_COUNTS } from './load-plan.ts';
import { printTable } from './load-report.ts';
import { loadRun, type RunResult } from './load-run.ts';

const MEMBERS = Number(process.env.BENCH_MEMBERS ?? (process.env.DATABASE_URL ? 1_000_000 : 300_000));
const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 60);
const WARMUP = Number(process.env.BENCH_LOAD_WARMUP ?? 10);
/** A request not answered in 30 s counts as an error (`timeout`); an upload, in 120 s. */
const TIMEOUT_MS = 30_000;
const UPLOAD_TIMEOUT_MS = 120_000;

function printRun(title: string, run: RunResult): void {
  printTable(title, run.results);
  const m = run.server.memory;
  console.log(
    `server: RSS ${m.startMb} MB at the window's start, peak ${m.peakSampledMb} MB sampled / ${m.peakHwmMb ?? '–'} MB VmHWM; ` +
      `CPU ${run.server.cpuSeconds} s (${run.server.cores} cores), load generator ${run.benchCpuSeconds} s; ` +
      `machine busy ${run.machineBusyPercent}%; ` +
      `load average ${run.loadAverage.join(' ')}; ${run.server.logLines} warn/error log lines`,
  );
  for (const [kind, notes] of Object.entries(run.failures))
    console.log(`  unexpected ${kind}: ${notes.join(' | ')}`);
  for (const p of run.cleanupProblems) console.log(`  cleanup: ${p}`);
}

/** Past this the run is stopped (and the server with it): every step has its own deadline well inside it. */
function watchdog(): void {
  const bound = (2 * (180 + 2 * (WARMUP + SECONDS + UPLOAD_TIMEOUT_MS / 1000 + 300)) + 120) * 1000;
  setTimeout(() => {
    console.error(`load run: not finished within ${bound / 1000} s, stopped`);
    process.exit(1);
  }, bound).unref();
}

async function writeReport(city: LoadCity, files: LoadFiles, loadBefore: number[], runs: RunResult[]) {
  const report = {
    benchmark: 'load',
    database: city.kind,
    date: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model,
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      loadAverageBefore: loadBefore,
    },
    data: { orgs: city.orgCount, members: MEMBERS, timings: city.timings },
    workload: {
      sessions: SESSION_COUNTS,
      warmupSeconds: WARMUP,
      seconds: SECONDS,
      requestTimeoutMs: TIMEOUT_MS,
      uploadTimeoutMs: UPLOAD_TIMEOUT_MS,
      importRows: IMPORT_ROWS,
      hostileFiles: files.hostile.map((h) => ({ kind: h.kind, bytes: h.content.length, expected: h.reason })),
    },
    runs,
  };
  await writeFile(
    new URL(`./results/load-${city.kind}-${MEMBERS}.json`, import.meta.url),
    `${JSON.stringify(report, null, 2)}\n`,
  );
}

async function main(): Promise<void> {
  const city = await prepareLoadCity(MEMBERS);
  if (city.fresh && !process.env.BENCH_CHILD) {
    // Generating leaves this process with a large heap (PGlite's WASM memory, or a million rows' garbage): the
    // load generator runs from a new process on the city just made, as BENCH_REUSE=1 would.
    const child = spawnSync(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
      stdio: 'inherit',
      env: { ...process.env, BENCH_ONLY: 'load', BENCH_REUSE: '1', BENCH_CHILD: '1' },
    });
    process.exitCode = child.status ?? 1;
    return;
  }
  watchdog();
  const files = await buildLoadFiles(city.importTarget);
  const loadBefore = os.loadavg().map((n) => Math.round(n * 100) / 100);
  const runs: RunResult[] = [];
  for (const [name, hostile] of [
    ['normal', false],
    ['hostile uploads in flight', true],
  ] as const) {
    const timeouts = { timeoutMs: TIMEOUT_MS, uploadTimeoutMs: UPLOAD_TIMEOUT_MS };
    const options = { name, hostile, warmupSeconds: WARMUP, seconds: SECONDS, ...timeouts };
    const run = await loadRun(city, files, options);
    printRun(`${city.kind}, ${MEMBERS.toLocaleString()} members, ${run.sessions} sessions: ${name}`, run);
    runs.push(run);
  }
  await writeReport(city, files, loadBefore, runs);
  const errors = runs.flatMap((r) => r.results.slice(0, -1)).reduce((n, k) => n + k.errors, 0);
  if (errors > 0) console.log(`\n${errors} unexpected answers (target 0): see above and the JSON's failures`);
}

await main();

import { readFileSync, writeFileSync } from 'node:fs';
import { type ServerProcess, startServerProcess } from '../src/server/testing/server-process.ts';
import { SECRET_KEY } from './load-city.ts';

/**
 * The real server (`src/server/main.ts`) as a child process on 127.0.0.1 and a free port, on the load city;
 * its memory and CPU read from /proc. Whatever happens, `stop` (SIGTERM, then SIGKILL) ends it, and so does this
 * process's exit.
 */
export type LoadServer = {
  readonly url: string;
  readonly pid: number;
  output(): string;
  stop(): Promise<string>;
};

const live = new Set<ServerProcess>();
process.once('exit', () => {
  for (const s of live) s.child.kill('SIGKILL');
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    for (const s of live) s.child.kill('SIGKILL');
    process.exit(130);
  });
}

export async function startLoadServer(cityEnv: Record<string, string>): Promise<LoadServer> {
  const server = await startServerProcess(
    {
      ...cityEnv,
      JICENG_SECRET_KEY: SECRET_KEY.toString('hex'),
      LOG_LEVEL: 'warn',
      // 200 sessions sign in from one address within seconds; the limit is for guessing, not for this.
      JICENG_LOGIN_RATE_LIMIT: '1000000',
    },
    180_000,
  );
  live.add(server);
  let stopping: Promise<string> | undefined;
  const stop = async () => {
    server.child.kill('SIGTERM');
    let exit = await server.exited(20_000);
    if (exit === 'timeout') {
      server.child.kill('SIGKILL');
      exit = `killed (${await server.exited(5_000)})`;
    }
    live.delete(server);
    return exit;
  };
  return {
    url: server.url,
    pid: server.child.pid as number,
    output: server.output,
    // Once: the run's end and its `finally` both call it.
    stop: () => {
      stopping ??= stop();
      return stopping;
    },
  };
}

const statusKb = (pid: number, field: 'VmRSS' | 'VmHWM'): number => {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${field}:`));
  return Number(line?.match(/\d+/)?.[0] ?? 0);
};

/** User + system CPU seconds of a process (/proc/<pid>/stat, fields 14 and 15, in clock ticks of 1/100 s). */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Busy and total jiffies of the whole machine (/proc/stat): how much of the 2 cores anything used. */
export function machineTicks(): { busy: number; total: number } {
  const [, ...values] = (readFileSync('/proc/stat', 'utf8').split('\n')[0] as string).trim().split(/\s+/);
  const n = values.slice(0, 8).map(Number);
  const total = n.reduce((a, b) => a + b, 0);
  return { busy: total - (n[3] as number) - (n[4] as number), total };
}

/**
 * The server's resident memory over a window: VmRSS sampled every 250 ms, and VmHWM (the kernel's peak) reset
 * at the start through /proc/<pid>/clear_refs so that it covers this window only.
 */
export function watchMemory(pid: number) {
  let hwmReset = true;
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
  } catch {
    hwmReset = false;
  }
  const startMb = statusKb(pid, 'VmRSS') / 1024;
  let peakKb = 0;
  const sample = () => {
    try {
      peakKb = Math.max(peakKb, statusKb(pid, 'VmRSS'));
    } catch {
      // The process is gone: the samples so far stand.
    }
  };
  sample();
  const timer = setInterval(sample, 250);
  return {
    stop() {
      clearInterval(timer);
      sample();
      const hwm = hwmReset ? statusKb(pid, 'VmHWM') / 1024 : null;
      const round = (n: number) => Math.round(n);
      return { startMb: round(startMb), peakSampledMb: round(peakKb / 1024), peakHwmMb: hwm && round(hwm) };
    },
  };
}

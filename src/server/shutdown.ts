import type { Logger } from 'pino';

type ShutdownOptions = {
  readonly log: Pick<Logger, 'warn' | 'error'>;
  /** The whole shutdown's budget: past it the process exits anyway. */
  readonly seconds: number;
  /** Run in order (stop taking requests and drain them, then close the database), each within the budget. */
  readonly steps: readonly (() => Promise<unknown>)[];
  /** For tests: what ends the process. */
  readonly exit?: (code: number) => void;
};

/**
 * SIGTERM and SIGINT end the server within a bounded time whatever its state: requests are drained and the
 * database closed (PGlite runs without fsync, so its folder is consistent only after a clean close), but a step
 * that hangs — a request that never finishes, a dead database — does not keep the process alive past `seconds`.
 * A second signal exits at once. Writing to a closed standard output never blocks the exit (logging.ts) and
 * never throws here.
 */
export function installShutdown(options: ShutdownOptions): void {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  ignoreBrokenPipes();
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      exit(130);
      return;
    }
    stopping = true;
    safely(() => options.log.warn({ signal }, '正在停止服务'));
    const deadline = setTimeout(() => {
      safely(() => options.log.error({ seconds: options.seconds }, '停止超时，强制退出'));
      exit(1);
    }, options.seconds * 1000);
    void runSteps(options.steps, options.log).then((ok) => {
      clearTimeout(deadline);
      exit(ok ? 0 : 1);
    });
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}

async function runSteps(steps: ShutdownOptions['steps'], log: ShutdownOptions['log']): Promise<boolean> {
  let ok = true;
  for (const step of steps) {
    try {
      await step();
    } catch (err) {
      ok = false;
      safely(() => log.error({ err }, '停止服务时出错'));
    }
  }
  return ok;
}

function safely(write: () => void): void {
  try {
    write();
  } catch {
    // Nowhere left to write to.
  }
}

/**
 * A closed terminal or `npm start | head` closes the pipe: a later console.log then fails with EPIPE, which
 * Node raises as an 'error' event on the stream — an uncaught exception without a listener.
 */
function ignoreBrokenPipes(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
    });
  }
}

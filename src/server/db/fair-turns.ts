/**
 * Turns for the embedded database, handed over through the event loop. PGlite runs each query synchronously on the
 * server's thread and passes its lock to the next waiting query in a promise microtask, so a backlog of queries
 * ran as one uninterrupted task: while it lasted the server accepted no connection and read no upload (the load
 * run saw a 5,000-row import and a new connection wait a whole minute: PERFORMANCE.md). Here each turn ends with
 * `setImmediate`, so between two database turns the event loop goes through its I/O phase once, and a request that
 * arrives meanwhile gets its place in the queue.
 */
export type FairTurns = {
  /** Runs `work` when its turn comes (first come, first served), alone. */
  run<T>(work: () => Promise<T>): Promise<T>;
};

export function fairTurns(): FairTurns {
  const waiting: (() => void)[] = [];
  let busy = false;
  const next = () => {
    const resume = waiting.shift();
    if (resume) setImmediate(resume);
    else busy = false;
  };
  const acquire = () =>
    new Promise<void>((resolve) => {
      if (!busy) {
        busy = true;
        resolve();
      } else waiting.push(resolve);
    });
  return {
    async run(work) {
      await acquire();
      try {
        return await work();
      } finally {
        next();
      }
    },
  };
}

import type { IncomingMessage } from 'node:http';
import pino, { type DestinationStream, type Logger } from 'pino';
import { safeError } from './log-errors.ts';

/**
 * Nothing personal in logs (docs/design.md §1.5): a query string may carry an ID number or a phone typed into a
 * search box, so requests are logged by path only, and the headers that carry credentials are dropped.
 */
export function pathOnly(url: string | undefined): string {
  if (!url) return '';
  const q = url.indexOf('?');
  return q === -1 ? url : `${url.slice(0, q)}?…`;
}

/**
 * The logger of the server. Errors go through `safeError` (a failed query's parameters and the values a database
 * message quotes are personal data). Standard output is written synchronously: pino's default asynchronous stream
 * flushes on exit in a loop that never ends when the pipe is closed (sonic-boom retries EPIPE forever), which left
 * a server that would not stop; the synchronous stream drops its output on EPIPE instead.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    serializers: {
      req: (req: IncomingMessage & { id?: string; ip?: string }) => ({
        id: req.id,
        method: req.method,
        url: pathOnly(req.url),
      }),
      err: safeError,
    },
  };
  return pino(options, destination ?? pino.destination({ dest: 1, sync: true }));
}

import type { IncomingMessage } from 'node:http';
import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * Nothing personal in logs (DESIGN.md §2.5): a query string may carry an ID number or a phone typed into a
 * search box, so requests are logged by path only, and the headers that carry credentials are dropped.
 */
export function pathOnly(url: string | undefined): string {
  if (!url) return '';
  const q = url.indexOf('?');
  return q === -1 ? url : `${url.slice(0, q)}?…`;
}

export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    serializers: {
      req: (req: IncomingMessage & { id?: string; ip?: string }) => ({
        id: req.id,
        method: req.method,
        url: pathOnly(req.url),
      }),
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

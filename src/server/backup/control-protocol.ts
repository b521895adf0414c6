import path from 'node:path';
import { z } from 'zod';
import { Manifest } from './manifest.ts';

/**
 * The control socket: a Unix-domain socket in the data folder, through which `npm run backup` asks the running
 * server for a copy of the embedded database (another process cannot open PGlite's folder while the server
 * holds it). One request line of JSON; the answer is one line of JSON, then, on success, the archive's bytes
 * until the server closes the connection. Only the server's own OS user can connect (mode 0600 socket).
 */
export const CONTROL_SOCKET_NAME = 'control.sock';
export const PROTOCOL = 1;

export function controlSocketPath(dataDir: string): string {
  return path.join(dataDir, CONTROL_SOCKET_NAME);
}

export const ControlRequest = z.object({ protocol: z.literal(PROTOCOL), command: z.literal('backup') });
export type ControlRequest = z.infer<typeof ControlRequest>;

export const ControlReply = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), archiveName: z.string().regex(/^[\w.-]+\.tar\.gz$/), manifest: Manifest }),
  z.object({ ok: z.literal(false), message: z.string() }),
]);
export type ControlReply = z.infer<typeof ControlReply>;

const MAX_LINE = 4 * 1024 * 1024;

/**
 * Reads the first line of a stream; gives the line and an iterator over the bytes after it, so that the rest
 * can be piped on without losing what arrived together with the line.
 */
export async function readFirstLine(
  source: AsyncIterable<Buffer>,
): Promise<{ line: string; rest: AsyncIterable<Buffer> } | null> {
  const iterator = source[Symbol.asyncIterator]();
  let head = Buffer.alloc(0);
  for (;;) {
    const next = await iterator.next();
    if (next.done) return null;
    head = Buffer.concat([head, next.value]);
    const end = head.indexOf(10);
    if (end >= 0) {
      const after = head.subarray(end + 1);
      const rest = async function* () {
        if (after.length > 0) yield after;
        for (let r = await iterator.next(); !r.done; r = await iterator.next()) yield r.value;
      };
      return { line: head.subarray(0, end).toString('utf8'), rest: rest() };
    }
    if (head.length > MAX_LINE) throw new Error('control socket: line too long');
  }
}

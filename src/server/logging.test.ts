import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, pathOnly } from './logging.ts';

describe('request logging', () => {
  it('keeps the path and drops the query string, where an ID number or phone may sit', () => {
    expect(pathOnly('/api/members?q=11010519491231002X&page=1')).toBe('/api/members?…');
    expect(pathOnly('/api/orgs/3')).toBe('/api/orgs/3');
  });

  it('never writes the query string or the credentials of a request', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logger = createLogger('info', sink);
    logger.info(
      { req: { method: 'GET', url: '/api/members?q=13812341234', headers: { cookie: 'jcs_x' } } },
      'in',
    );
    const written = lines.join('');
    expect(written).toContain('/api/members?…');
    expect(written).not.toContain('13812341234');
    expect(written).not.toContain('jcs_x');
  });
});

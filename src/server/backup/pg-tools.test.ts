import { describe, expect, it } from 'vitest';
import { connectionFor, findPgTool } from './pg-tools.ts';

describe('the PostgreSQL client programs', () => {
  it('are looked for on PATH and in /usr/lib/postgresql/<version>/bin, and their absence is explained', () => {
    expect(() => findPgTool('pg_dump', '/nowhere', '/nowhere-either')).toThrow(
      /^找不到 pg_dump：备份和恢复 PostgreSQL 需要它。请安装 PostgreSQL 客户端工具（Debian\/Ubuntu：apt install postgresql-client/,
    );
  });

  it('get the password through PGPASSWORD, never on their command line (visible in ps)', () => {
    const { dbname, env } = connectionFor('postgres://owner:s%40cret@db.example:5433/jiceng?sslmode=require');
    expect(dbname).toBe('postgres://owner@db.example:5433/jiceng?sslmode=require');
    expect(env).toEqual({ PGPASSWORD: 's@cret' });
    expect(connectionFor('postgres://postgres@127.0.0.1/test').env).toEqual({});
  });
});

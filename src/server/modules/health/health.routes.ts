import { sql } from 'drizzle-orm';
import { z } from '../../../contracts/zod-zh.ts';
import type { Deps } from '../../deps.ts';
import type { App } from '../../http/app-types.ts';

const Health = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.enum(['pglite', 'postgres']),
  time: z.string(),
});

export function registerHealthRoutes(app: App, deps: Deps): void {
  app.get(
    '/api/health',
    {
      schema: { tags: ['系统'], summary: '健康检查', response: { 200: Health, 503: Health } },
      config: { public: true },
    },
    async (request, reply) => {
      const time = request.anonCtx.at.toISOString();
      try {
        await deps.db.execute(sql`select 1`);
        return { status: 'ok' as const, database: deps.database.kind, time };
      } catch {
        return reply.status(503).send({ status: 'degraded' as const, database: deps.database.kind, time });
      }
    },
  );
}

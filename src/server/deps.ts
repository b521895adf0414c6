import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from './clock.ts';
import type { Database, Db } from './db/client.ts';

/** What the services need from the outside world, passed in so that tests can supply their own. */
export type Deps = {
  readonly db: Db;
  readonly database: Database;
  readonly clock: Clock;
  readonly log: FastifyBaseLogger;
  readonly secureCookie: boolean;
  readonly loginRateLimitPerMinute: number;
};

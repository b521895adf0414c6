import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from './clock.ts';
import type { Database, Db } from './db/client.ts';
import type { PaymentProvider } from './payments/index.ts';
import type { IdCipher } from './security/crypto.ts';
import type { TodoRegistry } from './todos/registry.ts';

/**
 * What the app is built around (buildApp), passed in so that tests can supply their own. Services never take it:
 * each request builds its context from it once (context.ts, http/request-context.ts), and services take that.
 */
export type Deps = {
  readonly db: Db;
  readonly database: Database;
  readonly clock: Clock;
  readonly log: FastifyBaseLogger;
  readonly secureCookie: boolean;
  readonly loginRateLimitPerMinute: number;
  /** Encrypts ID numbers at rest and hashes them for lookup (key from JICENG_SECRET_KEY or the key file). */
  readonly idCipher: IdCipher;
  /** Where uploads wait while they are read; a private folder under the system's temp folder by default. */
  readonly uploadTempDir?: string;
  /** The to-do producers of the app's modules; buildApp makes it from them when absent. */
  readonly todos?: TodoRegistry;
  /** The payment provider that verifies dues paid by method `external` (docs/dues.md §9); none: such payments are refused. */
  readonly payments?: PaymentProvider;
};

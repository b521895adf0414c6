import path from 'node:path';
import { z } from 'zod';

const Env = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z.string().url().optional(),
  DATABASE_MIGRATION_URL: z.string().url().optional(),
  JICENG_DATA_DIR: z.string().default('./data'),
  JICENG_ADMIN_PASSWORD: z.string().optional(),
  JICENG_SECRET_KEY: z.string().optional(),
  JICENG_DEMO: z.enum(['0', '1']).optional(),
  JICENG_DEMO_PASSWORD: z.string().optional(),
  JICENG_TIMEZONE: z.string().default('Asia/Shanghai'),
  JICENG_SECURE_COOKIE: z.enum(['0', '1']).default('0'),
  JICENG_LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).default(20),
  JICENG_TRUST_PROXY: z.string().optional(),
  JICENG_SHUTDOWN_SECONDS: z.coerce.number().min(1).max(300).default(10),
  JICENG_ROOT_ORG_NAME: z.string().default('本级党委'),
  // warn: request lines would push the first start's admin password and demo accounts off the console.
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('warn'),
});

export type Config = {
  readonly port: number;
  readonly host: string;
  readonly databaseUrl: string | undefined;
  /**
   * The owner role's connection, for migrations only; the app then runs as DATABASE_URL's role, which can
   * read and write rows but cannot alter tables or disable the audit trigger.
   */
  readonly databaseMigrationUrl: string | undefined;
  readonly dataDir: string;
  readonly adminPassword: string | undefined;
  /** 32 bytes, base64 or hex; without it a key file is created in the data folder. */
  readonly secretKey: string | undefined;
  /** Seed the demo city on an empty database: always for the embedded one, on a server only if asked. */
  readonly seedDemo: boolean;
  readonly demoPassword: string | undefined;
  readonly timeZone: string;
  readonly secureCookie: boolean;
  readonly loginRateLimitPerMinute: number;
  /**
   * The reverse proxies whose X-Forwarded-For is believed (addresses or CIDRs, or proxy-addr's `loopback`);
   * false when unset: the client address is the TCP peer, and a forged header changes nothing.
   */
  readonly trustProxy: string[] | false;
  /** How long SIGTERM/SIGINT waits for requests and the database before the process exits anyway. */
  readonly shutdownSeconds: number;
  readonly rootOrgName: string;
  readonly logLevel: string;
};

const TRUST_ALL = new Set(['1', 'true', 'yes', 'on', '*']);

/**
 * `JICENG_TRUST_PROXY=127.0.0.1` or `10.0.0.5,10.0.1.0/24` or `loopback`. Trusting every sender would let anyone
 * forge their address (and so escape the login rate limit and sign the audit log with another address), so a
 * bare "on" is refused: name the proxies.
 */
export function parseTrustProxy(value: string | undefined): string[] | false {
  const text = value?.trim() ?? '';
  if (text === '' || text === '0' || text.toLowerCase() === 'false') return false;
  if (TRUST_ALL.has(text.toLowerCase())) {
    throw new Error(
      'JICENG_TRUST_PROXY 须列出反向代理的地址（如 127.0.0.1 或 10.0.0.0/24），不能信任所有来源：' +
        '否则任何人都能伪造 X-Forwarded-For，绕过登录限流并在审计日志中冒用他人地址',
    );
  }
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const e = Env.parse(env);
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    databaseMigrationUrl: e.DATABASE_MIGRATION_URL,
    dataDir: path.resolve(e.JICENG_DATA_DIR),
    adminPassword: e.JICENG_ADMIN_PASSWORD,
    secretKey: e.JICENG_SECRET_KEY,
    seedDemo: e.DATABASE_URL ? e.JICENG_DEMO === '1' : e.JICENG_DEMO !== '0',
    demoPassword: e.JICENG_DEMO_PASSWORD,
    timeZone: e.JICENG_TIMEZONE,
    secureCookie: e.JICENG_SECURE_COOKIE === '1',
    loginRateLimitPerMinute: e.JICENG_LOGIN_RATE_LIMIT,
    trustProxy: parseTrustProxy(e.JICENG_TRUST_PROXY),
    shutdownSeconds: e.JICENG_SHUTDOWN_SECONDS,
    rootOrgName: e.JICENG_ROOT_ORG_NAME,
    logLevel: e.LOG_LEVEL,
  };
}

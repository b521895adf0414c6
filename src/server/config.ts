import path from 'node:path';
import { z } from 'zod';

const Env = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z.string().url().optional(),
  JICENG_DATA_DIR: z.string().default('./data'),
  JICENG_ADMIN_PASSWORD: z.string().optional(),
  JICENG_SECRET_KEY: z.string().optional(),
  JICENG_DEMO: z.enum(['0', '1']).optional(),
  JICENG_DEMO_PASSWORD: z.string().optional(),
  JICENG_TIMEZONE: z.string().default('Asia/Shanghai'),
  JICENG_SECURE_COOKIE: z.enum(['0', '1']).default('0'),
  JICENG_LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).default(20),
  JICENG_ROOT_ORG_NAME: z.string().default('本级党委'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = {
  readonly port: number;
  readonly host: string;
  readonly databaseUrl: string | undefined;
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
  readonly rootOrgName: string;
  readonly logLevel: string;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const e = Env.parse(env);
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.JICENG_DATA_DIR),
    adminPassword: e.JICENG_ADMIN_PASSWORD,
    secretKey: e.JICENG_SECRET_KEY,
    seedDemo: e.DATABASE_URL ? e.JICENG_DEMO === '1' : e.JICENG_DEMO !== '0',
    demoPassword: e.JICENG_DEMO_PASSWORD,
    timeZone: e.JICENG_TIMEZONE,
    secureCookie: e.JICENG_SECURE_COOKIE === '1',
    loginRateLimitPerMinute: e.JICENG_LOGIN_RATE_LIMIT,
    rootOrgName: e.JICENG_ROOT_ORG_NAME,
    logLevel: e.LOG_LEVEL,
  };
}

import { networkInterfaces } from 'node:os';
import { ROLE_LABELS } from '../domain/access/index.ts';
import type { Config } from './config.ts';
import type { DatabaseKind } from './db/client.ts';
import { ADMIN_USERNAME } from './seed/bootstrap.ts';
import type { StartupReport } from './startup.ts';

export type StartupNotes = {
  /** The ID-number key file this start created: the operator must back it up, apart from the data. */
  readonly keyFileCreated?: string | undefined;
  /** False when the app's database role could alter the audit table (see database-setup.ts). */
  readonly appRoleSeparated: boolean;
};

/**
 * The addresses a browser can use: the host given, or, when listening on every interface (HOST=0.0.0.0, the
 * office network), each IPv4 address of this machine.
 */
export function browserUrls(host: string, port: number, scheme: 'http' | 'https' = 'http'): string[] {
  if (host !== '0.0.0.0' && host !== '::') return [`${scheme}://${host}:${port}`];
  const addresses = Object.values(networkInterfaces())
    .flat()
    .filter((a) => a !== undefined && a.family === 'IPv4')
    .map((a) => (a as { address: string }).address)
    .sort((a, b) => Number(a.startsWith('127.')) - Number(b.startsWith('127.')));
  return addresses.map((a) => `${scheme}://${a}:${port}`);
}

/** What a newcomer needs to see on the console: where to go and how to log in. */
export function printStartupBanner(
  config: Config,
  kind: DatabaseKind,
  report: StartupReport,
  ms: number,
  notes: StartupNotes,
): void {
  const [url = `http://127.0.0.1:${config.port}`, ...more] = browserUrls(config.host, config.port);
  const lines = [
    '',
    `基层 Jiceng 已启动: ${url}  (${(ms / 1000).toFixed(1)} 秒)`,
    ...more.map((u) => `                    ${u}`),
    kind === 'pglite'
      ? `数据库: 内嵌 PGlite, 数据目录 ${config.dataDir}（演示与小规模使用；生产环境请设置 DATABASE_URL 使用 PostgreSQL）`
      : '数据库: PostgreSQL (DATABASE_URL)',
    `接口文档: ${url}/api/docs`,
  ];
  if (notes.keyFileCreated) {
    lines.push(
      '',
      `已生成身份证号加密密钥 ${notes.keyFileCreated}（权限 0600）：请另行备份并与数据分开保存，丢失后已加密的身份证号无法恢复。`,
    );
  }
  if (!notes.appRoleSeparated) {
    lines.push(
      '',
      '注意: 应用以数据表所有者（或超级用户）身份连接 PostgreSQL，可以停用审计日志的防篡改触发器。',
      '      生产环境请用 DATABASE_MIGRATION_URL 指定所有者账号执行迁移，DATABASE_URL 使用只有读写权限的账号（见 README）。',
    );
  }
  if (report.generatedAdminPassword) {
    lines.push(
      '',
      `首次启动: 已创建系统管理员 ${ADMIN_USERNAME}，初始密码（只显示这一次，首次登录须修改）:`,
      `    ${report.generatedAdminPassword}`,
    );
  } else if (report.adminCreated) {
    lines.push('', `首次启动: 已创建系统管理员 ${ADMIN_USERNAME}，密码为 JICENG_ADMIN_PASSWORD 的值`);
  }
  if (report.seededDemo) {
    lines.push('', `已生成演示城市。演示账号（密码均为 ${report.demoPassword}）:`);
    for (const a of report.demoAccounts) {
      lines.push(`    ${a.username.padEnd(22)} ${ROLE_LABELS[a.role].padEnd(6, '　')} ${a.orgName}`);
    }
  }
  lines.push('');
  console.log(lines.join('\n'));
}

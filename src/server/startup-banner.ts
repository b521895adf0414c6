import { ROLE_LABELS } from '../domain/roles.ts';
import type { Config } from './config.ts';
import type { DatabaseKind } from './db/client.ts';
import { ADMIN_USERNAME } from './seed/bootstrap.ts';
import type { StartupReport } from './startup.ts';

/** What a newcomer needs to see on the console: where to go and how to log in. */
export function printStartupBanner(
  config: Config,
  kind: DatabaseKind,
  report: StartupReport,
  ms: number,
): void {
  const url = `http://${config.host}:${config.port}`;
  const lines = [
    '',
    `基层 Jiceng 已启动: ${url}  (${(ms / 1000).toFixed(1)} 秒)`,
    kind === 'pglite'
      ? `数据库: 内嵌 PGlite, 数据目录 ${config.dataDir}（演示与小规模使用；生产环境请设置 DATABASE_URL 使用 PostgreSQL）`
      : '数据库: PostgreSQL (DATABASE_URL)',
    `接口文档: ${url}/api/docs`,
  ];
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

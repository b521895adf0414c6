/**
 * `npm run admin -- reset-password <用户名>` and `npm run admin -- reset-second-factor <用户名>`: the recovery
 * command, run on the server for the day the last security administrator is locked out. It reads the same
 * environment as the server (JICENG_DATA_DIR, DATABASE_URL, DATABASE_MIGRATION_URL, JICENG_TIMEZONE). With the
 * embedded database the server must be stopped first (the data folder is locked while it runs); with PostgreSQL
 * the command works while the server serves.
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { systemClock } from '../src/server/clock.ts';
import { loadConfig } from '../src/server/config.ts';
import { jobCtx, readClock } from '../src/server/context.ts';
import { openConfiguredDatabase } from '../src/server/database-setup.ts';
import { MODULES } from '../src/server/modules/index.ts';
import { todoRegistryOf } from '../src/server/modules/module.ts';
import {
  COMMAND_LINE_ACTOR,
  RECOVERY_ACTIONS,
  type RecoveryAction,
  RecoveryError,
  type RecoveryResult,
  recoverAccount,
} from '../src/server/modules/users/index.ts';

const USAGE = [
  '用法：',
  '  npm run admin -- reset-password <用户名>        生成临时密码（下次登录须修改），解除锁定，结束会话，吊销 API 令牌',
  '  npm run admin -- reset-second-factor <用户名>   清除双因素认证（下次登录重新绑定），解除锁定，结束会话',
  '使用内嵌数据库时请先停止服务器再执行；使用 PostgreSQL 时可在服务器运行时执行。',
].join('\n');

class UsageError extends Error {}

function commandLine(argv: string[]): { action: RecoveryAction; username: string } | null {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (parsed.values.help) return null;
  const [action, username, ...rest] = parsed.positionals;
  if (!RECOVERY_ACTIONS.includes(action as RecoveryAction))
    throw new UsageError(`未知的操作“${action ?? ''}”`);
  if (!username || rest.length > 0) throw new UsageError('请给出一个用户名');
  return { action: action as RecoveryAction, username };
}

function osUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    return 'unknown';
  }
}

function report(action: RecoveryAction, result: RecoveryResult): void {
  const who = `${result.name}（${result.username}）`;
  if (result.temporaryPassword) {
    console.log(`已重置 ${who} 的密码。临时密码（只显示这一次，请当面或通过安全渠道交给本人）：`);
    console.log(`\n    ${result.temporaryPassword}\n`);
    console.log(`该用户下次登录时须修改密码。已吊销 ${result.tokensRevoked} 个 API 令牌。`);
  } else if (action === 'reset-second-factor') {
    console.log(`已清除 ${who} 的双因素认证和恢复码。该用户下次登录时须重新绑定身份验证器（如角色要求）。`);
  }
  console.log(
    `${result.wasLocked ? '已解除账号锁定，' : ''}该用户的所有会话已结束。本次操作已记入审计日志。`,
  );
  if (result.deactivated) console.log('注意：该账号处于停用状态，须由管理员启用后才能登录。');
}

async function main(): Promise<number> {
  const command = commandLine(process.argv.slice(2));
  if (!command) {
    console.log(USAGE);
    return 0;
  }
  // What the command creates in the data folder (a first embedded database) is private, as the server's.
  process.umask(0o077);
  const config = loadConfig();
  const opened = await openConfiguredDatabase(config, { purpose: '账号恢复命令（npm run admin）' });
  try {
    // One job, one reading of the clock: the audit row and every timestamp of the reset share it.
    const clock = systemClock(config.timeZone);
    const ctx = jobCtx(opened.database.db, readClock(clock), COMMAND_LINE_ACTOR, todoRegistryOf(MODULES));
    const result = await recoverAccount(ctx, { ...command, osUser: osUser() });
    report(command.action, result);
    return 0;
  } finally {
    await opened.close();
  }
}

try {
  process.exitCode = await main();
} catch (error) {
  if (error instanceof UsageError) console.error(`${error.message}。\n${USAGE}`);
  else if (error instanceof RecoveryError) console.error(`操作失败：${error.message}`);
  else console.error(`操作失败：${(error as Error).message ?? error}`);
  process.exitCode = 1;
}

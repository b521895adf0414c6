/**
 * `npm run restore -- <archive> --key <keyfile>`: restores a backup into an empty data folder (embedded
 * database; the server must be stopped) or an empty PostgreSQL database (DATABASE_URL, or
 * DATABASE_MIGRATION_URL when set), checks every table against the backup's manifest and installs the key.
 */
import { parseArgs } from 'node:util';
import { BackupError } from '../src/server/backup/backup-error.ts';
import { runCommand } from '../src/server/backup/cli.ts';
import { runRestore } from '../src/server/backup/run-restore.ts';
import { loadConfig } from '../src/server/config.ts';

const USAGE = '用法：npm run restore -- <备份文件.tar.gz> --key <密钥文件.key>';

/** An unknown option is the operator's slip, not a program error. */
function commandLine<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw new BackupError(`${(error as Error).message}。${USAGE}`);
  }
}

await runCommand('恢复', async () => {
  const { positionals, values } = commandLine(() =>
    parseArgs({
      allowPositionals: true,
      options: { key: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    }),
  );
  if (values.help) return console.log(USAGE);
  const [archive, ...extra] = positionals;
  if (!archive || extra.length > 0 || !values.key) throw new BackupError(`参数不对。${USAGE}`);
  await runRestore({
    config: loadConfig(),
    archive,
    keyFile: values.key,
    now: () => new Date(),
    say: (line) => console.log(line),
  });
});

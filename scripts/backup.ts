/**
 * `npm run backup [-- <folder>]`: a consistent backup while the server runs, into
 * `<folder>/jiceng-backup-YYYYMMDD-HHMMSS.tar.gz` (default ./backups) with the key beside it in `….key`.
 * Reads the same environment as the server (JICENG_DATA_DIR, DATABASE_URL, DATABASE_MIGRATION_URL,
 * JICENG_SECRET_KEY, JICENG_TIMEZONE).
 */
import { parseArgs } from 'node:util';
import { BackupError } from '../src/server/backup/backup-error.ts';
import { runCommand } from '../src/server/backup/cli.ts';
import { runBackup } from '../src/server/backup/run-backup.ts';
import { loadConfig } from '../src/server/config.ts';

const USAGE = '用法：npm run backup [-- <备份目录>]（默认 ./backups）';

/** An unknown option is the operator's slip, not a program error. */
function commandLine<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw new BackupError(`${(error as Error).message}。${USAGE}`);
  }
}

await runCommand('备份', async () => {
  const { positionals, values } = commandLine(() =>
    parseArgs({ allowPositionals: true, options: { help: { type: 'boolean', short: 'h' } } }),
  );
  if (values.help) return console.log(USAGE);
  if (positionals.length > 1) throw new BackupError(`参数过多。${USAGE}`);
  await runBackup({
    config: loadConfig(),
    dir: positionals[0] ?? 'backups',
    now: () => new Date(),
    say: (line) => console.log(line),
  });
});

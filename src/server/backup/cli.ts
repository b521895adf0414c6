import { BackupError } from './backup-error.ts';

/**
 * The frame of the two commands: files they create are private (umask 077, as the server's), a refusal prints
 * its Chinese message alone, anything unexpected prints its stack; either way the exit code is 1.
 */
export async function runCommand(title: string, task: () => Promise<unknown>): Promise<void> {
  process.umask(0o077);
  try {
    await task();
  } catch (error) {
    if (error instanceof BackupError) console.error(`${title}失败：${error.message}`);
    else console.error(`${title}失败（程序错误）：`, error);
    process.exitCode = 1;
  }
}

/**
 * A refusal or failure the operator can act on, with a Chinese message that says what happened and what to do.
 * The scripts print its message as it is; any other error is a bug and is printed with its stack.
 */
export class BackupError extends Error {
  override readonly name = 'BackupError';
}

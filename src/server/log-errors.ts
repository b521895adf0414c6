/**
 * Errors as the log may show them. A failed query (drizzle's DrizzleQueryError) carries its parameters — a phone
 * number, a name, an address — in its message and in `params`; PostgreSQL's own message and `detail` quote the
 * offending value (`invalid input syntax for type integer: "13812341234"`, `Key (phone)=(…) already exists`).
 * The log keeps what helps find the fault (the kind of error, SQLSTATE, constraint, table, column, the SQL text
 * with its placeholders, the stack's frames) and never the values.
 */
type LoggedError = {
  type: string;
  message: string;
  stack?: string;
  code?: string;
  constraint?: string;
  table?: string;
  column?: string;
  query?: string;
  cause?: LoggedError;
};

/** Quoted text that is an SQL identifier (a constraint or column name) stays; any other quoted value goes. */
const QUOTED = /"([^"]*)"|\(([^()]*)\)=\(([^()]*)\)/g;
const IDENTIFIER = /^[a-z_][a-z0-9_$.]*$/i;

export function scrubMessage(message: string): string {
  const withoutParams = message.replace(/\nparams:[\s\S]*$/, '\nparams: [已隐藏]');
  return withoutParams.replace(QUOTED, (whole, quoted?: string, key?: string) => {
    if (quoted !== undefined) return IDENTIFIER.test(quoted) ? whole : '"[已隐藏]"';
    return `(${key})=([已隐藏])`;
  });
}

function framesOf(stack: string | undefined): string | undefined {
  if (!stack) return undefined;
  const frames = stack.split('\n').filter((line) => /^\s+at /.test(line));
  return frames.join('\n');
}

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

export function safeError(error: unknown, depth = 0): LoggedError {
  if (!(error instanceof Error)) return { type: typeof error, message: '[非 Error 对象]' };
  const e = error as Error & Record<string, unknown>;
  const logged: LoggedError = {
    type: e.name || e.constructor?.name || 'Error',
    message: scrubMessage(e.message),
  };
  const frames = framesOf(e.stack);
  if (frames) logged.stack = `${logged.type}: ${logged.message}\n${frames}`;
  for (const key of ['code', 'constraint', 'table', 'column'] as const) {
    const value = str(e[key]);
    if (value !== undefined) logged[key] = value;
  }
  // drizzle keeps the SQL text (with $1 placeholders) beside the parameters: the text alone is safe.
  const query = str(e.query);
  if (query !== undefined) logged.query = query;
  if (e.cause !== undefined && depth < 3) logged.cause = safeError(e.cause, depth + 1);
  return logged;
}

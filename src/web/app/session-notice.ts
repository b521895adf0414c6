/**
 * Remembers, across the redirect to the login page, that the session ended on its own (idle timeout,
 * logout elsewhere), so that the login page can say so instead of appearing without explanation.
 */
const KEY = 'jiceng.sessionExpired';

export function markSessionExpired(): void {
  try {
    sessionStorage.setItem(KEY, '1');
  } catch {
    // storage unavailable (private mode): the notice is a nicety
  }
}

/** Whether the last session ended on its own. Only reads: a render may be discarded (Suspense) and retried. */
export function sessionExpiredNotice(): boolean {
  try {
    return sessionStorage.getItem(KEY) === '1';
  } catch {
    return false;
  }
}

/** Forgets the notice once the login page has shown it. */
export function clearSessionExpired(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // nothing to clear
  }
}

import { Secret, TOTP } from 'otpauth';
import type { Page } from 'playwright-core';

/**
 * The authenticator app of the browser journeys: it reads the key the enrolment page shows (the text for manual
 * entry) and computes codes as a phone would, on the real clock the server uses.
 */
export function codeFor(secret: string, at = Date.now()): string {
  return TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: at });
}

/**
 * A code for the login right after another one: the code of the next 30-second step, which the server's ±1 step
 * window accepts, and which is never a replay of the step just used (a code is accepted once).
 */
export const nextCodeFor = (secret: string) => codeFor(secret, Date.now() + 30_000);

/** Enrols on the 绑定身份验证器 page or dialog: reads the key, confirms with a code, keeps the recovery codes. */
export async function enrolOnPage(page: Page): Promise<{ secret: string; recoveryCodes: string[] }> {
  const key = page.getByLabel('密钥');
  await key.waitFor();
  const secret = ((await key.locator('code').textContent()) ?? '').replace(/\s/g, '');
  await page.getByLabel('验证码').fill(codeFor(secret));
  await page.getByRole('button', { name: '确认绑定' }).click();
  const list = page.getByRole('list', { name: '恢复码' });
  await list.waitFor();
  const recoveryCodes = (await list.getByRole('listitem').allTextContents()).map((c) => c.trim());
  return { secret, recoveryCodes };
}

import type { Page } from 'playwright-core';
import { codeFor } from '../second-factor.ts';

/** 绑定身份验证器 (the page after the password, or the dialog in 个人设置): the key, the code, the recovery codes. */
export class EnrolmentPage {
  constructor(private readonly page: Page) {}

  async shown(): Promise<void> {
    await this.page.getByRole('heading', { name: '绑定身份验证器' }).waitFor();
  }

  /** The QR code renders once the new key has arrived. */
  async qrCodeShown(): Promise<void> {
    await this.page.getByLabel('身份验证器二维码').waitFor();
  }

  /** Reads the key (the text for manual entry), confirms with a code computed from it, keeps the recovery codes. */
  async enrol(): Promise<{ secret: string; recoveryCodes: string[] }> {
    const page = this.page;
    const key = page.getByLabel('密钥');
    await key.waitFor();
    const secret = ((await key.getByRole('code').textContent()) ?? '').replace(/\s/g, '');
    await page.getByLabel('验证码').fill(codeFor(secret));
    await page.getByRole('button', { name: '确认绑定' }).click();
    const list = page.getByRole('list', { name: '恢复码' });
    await list.waitFor();
    const recoveryCodes = (await list.getByRole('listitem').allTextContents()).map((c) => c.trim());
    return { secret, recoveryCodes };
  }

  /** 我已保存恢复码，进入系统 */
  async enterSystem(): Promise<void> {
    await this.page.getByRole('button', { name: '我已保存恢复码，进入系统' }).click();
  }
}

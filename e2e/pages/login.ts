import type { Page } from 'playwright-core';

/** 登录 and the pages right after it: 修改初始密码, and the code step of 双因素认证. */
export class LoginPage {
  constructor(private readonly page: Page) {}

  /** Opens /login (relative to the context's baseURL, or `origin` when given) and submits the password step. */
  async signIn(username: string, password: string, origin = ''): Promise<void> {
    await this.page.goto(`${origin}/login`);
    await this.submitPassword(username, password);
  }

  async submitPassword(username: string, password: string): Promise<void> {
    await this.page.getByLabel('用户名').fill(username);
    await this.page.getByLabel('密码', { exact: true }).fill(password);
    await this.page.getByRole('button', { name: '登录' }).click();
  }

  /** Waits until the login form shows (after 退出登录). */
  async shown(): Promise<void> {
    await this.page.getByRole('button', { name: '登录' }).waitFor();
  }

  /** 修改初始密码: the first login of an account with a generated or initial password. */
  async changeInitialPassword(current: string, next: string): Promise<void> {
    await this.page.getByText('修改初始密码').first().waitFor();
    await this.page.getByLabel('当前密码').fill(current);
    await this.page.getByLabel('新密码', { exact: true }).fill(next);
    await this.page.getByLabel('确认新密码').fill(next);
    await this.page.getByRole('button', { name: '修改密码并进入系统' }).click();
  }

  /** The code step of a login with 双因素认证: the 验证 button shows, the code goes into 验证码. */
  async codeStepShown(): Promise<void> {
    await this.page.getByRole('button', { name: '验证' }).waitFor();
  }

  async submitCode(code: string): Promise<void> {
    await this.page.getByLabel('验证码').fill(code);
    await this.page.getByRole('button', { name: '验证' }).click();
  }
}

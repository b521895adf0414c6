import type { Page } from 'playwright-core';
import { settledDialog } from './dialog.ts';

/** 开通账号 on a member's page: the button, its confirmation, and the dialog with the username and password. */
export class MemberAccountDialog {
  constructor(private readonly page: Page) {}

  /** Opens the member's account and answers what the dialog shows once. */
  async open(): Promise<{ username: string; initialPassword: string }> {
    await this.page.getByRole('button', { name: '开通账号' }).click();
    const confirm = await settledDialog(this.page, '为该党员开通账号？');
    await confirm.getByRole('button', { name: '开通' }).click();
    const dialog = this.page.getByRole('dialog', { name: /^已为“.+”开通账号$/ });
    await dialog.waitFor();
    const text = (await dialog.getByText(/^用户名：/).textContent()) ?? '';
    const username = text.replace(/^用户名：/, '').trim();
    const initialPassword = await dialog.getByLabel('初始密码').inputValue();
    return { username, initialPassword };
  }

  async close(): Promise<void> {
    await this.page.getByRole('button', { name: '我已记录' }).click();
  }

  /** The member's account as the page shows it once opened. */
  account() {
    return this.page.getByTestId('member-account');
  }
}

/** 我的党员档案 (`/m/me`) on the member's phone: the record, 修改密码 and 退出登录. */
export class MyMemberPage {
  constructor(private readonly page: Page) {}

  heading(name: string) {
    return this.page.getByRole('heading', { name });
  }

  async changePassword(current: string, next: string): Promise<void> {
    await this.page.getByRole('button', { name: '修改密码' }).click();
    const drawer = this.page.getByRole('dialog', { name: '修改密码' });
    await drawer.getByLabel('当前密码').fill(current);
    await drawer.getByLabel('新密码', { exact: true }).fill(next);
    await drawer.getByLabel('确认新密码').fill(next);
    await drawer.getByRole('button', { name: '确认修改' }).click();
    await this.page.getByText('密码已修改', { exact: true }).waitFor();
  }

  async signOut(): Promise<void> {
    await this.page.getByRole('button', { name: '退出登录' }).click();
  }
}

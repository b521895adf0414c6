import type { Page } from 'playwright-core';

/** The frame around every page once signed in: the 主菜单 and the 用户菜单. */
export class AppShell {
  constructor(private readonly page: Page) {}

  /** An entry of the 主菜单, by its label (icons carry their own names, so not an exact match). */
  menuItem(label: string) {
    return this.page.getByRole('menuitem', { name: label });
  }

  async open(label: string): Promise<void> {
    await this.menuItem(label).click();
  }

  /** The whole 主菜单 as text: what this user may open. */
  async menuText(): Promise<string> {
    return (await this.page.getByRole('menu', { name: '主菜单' }).textContent()) ?? '';
  }

  async logOut(): Promise<void> {
    await this.page.getByRole('button', { name: '用户菜单' }).click();
    await this.page.getByRole('menuitem', { name: '退出登录' }).click();
  }
}

import type { Page } from 'playwright-core';
import { Choice } from './choice.ts';

/** 用户与权限: the list of accounts and the drawer of 新建用户. */
export class UsersPage {
  constructor(private readonly page: Page) {}

  /** 新建用户 with one role at one org; waits for the account's row in the list. */
  async createUser(user: {
    username: string;
    name: string;
    org: string;
    initialPassword: string;
    role: string | RegExp;
    roleOrg: string;
  }): Promise<void> {
    const page = this.page;
    await page.getByRole('button', { name: '新建用户' }).click();
    const drawer = page.getByRole('dialog').last();
    const orgChoice = (label: string) => new Choice(page, drawer.getByRole('combobox', { name: label }));
    await drawer.getByLabel('用户名').fill(user.username);
    await drawer.getByLabel('姓名').fill(user.name);
    await orgChoice('所属组织').choose(user.org, user.org);
    await drawer.getByLabel('初始密码').fill(user.initialPassword);
    await drawer.getByRole('button', { name: '添加角色' }).click();
    await new Choice(page, drawer.getByRole('combobox', { name: '角色', exact: true })).choose(user.role);
    await orgChoice('角色所在组织').choose(user.roleOrg, user.roleOrg);
    await drawer.getByRole('button', { name: '创建' }).click();
    await page.getByRole('cell', { name: user.username, exact: true }).waitFor();
  }
}

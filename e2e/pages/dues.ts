import type { Locator, Page } from 'playwright-core';
import { settledDialog } from './dialog.ts';

/** 党费计算基数: the branch's sheet of bases, and the drawer of one member's pay items. */
export class DuesBasesPage {
  constructor(private readonly page: Page) {}

  /** The first member whose base is computed from pay (a percentage category): their name. */
  async firstPaidMember(): Promise<string> {
    const edit = this.page.getByRole('button', { name: /^编辑.+的收入项目$/ }).first();
    await edit.waitFor();
    const label = (await edit.getAttribute('aria-label')) ?? '';
    return label.replace(/^编辑/, '').replace(/的收入项目$/, '');
  }

  /** Opens the member's items, sets the first item's amount in 元, and reads the live base and dues line. */
  async setFirstItem(name: string, yuan: string): Promise<string> {
    await this.page.getByRole('button', { name: `编辑${name}的收入项目` }).click();
    const amount = this.page
      .getByRole('spinbutton', { name: '项目1金额' })
      .or(this.page.getByLabel('项目1金额'));
    await amount.first().fill(yuan);
    const live = this.page.getByTestId('base-live');
    await live.filter({ hasText: '月缴党费' }).waitFor();
    return (await live.textContent()) ?? '';
  }

  async closeDrawer(): Promise<void> {
    await this.page.keyboard.press('Escape');
  }

  async save(): Promise<void> {
    await this.page.getByRole('button', { name: /保存（\d+）$/ }).click();
    await this.page.getByText(/^已保存\d+名党员的计算基数$/).waitFor();
  }
}

/** 党费收缴: the branch's monthly sheet (应缴 / 实缴 / 欠缴 per member). */
export class DuesSheetPage {
  readonly sheet: Locator;

  constructor(page: Page) {
    this.sheet = page.getByTestId('dues-sheet');
  }

  row(name: string): Locator {
    return this.sheet.getByRole('row').filter({ hasText: name });
  }

  /** The cells of a member's row, as text. */
  async cellsOf(name: string): Promise<string[]> {
    const row = this.row(name);
    await row.waitFor();
    return row.getByRole('cell').allTextContents();
  }
}

/** The 党费 tab of a member's page: their months, arrears and the payment dialog. */
export class MemberDuesTab {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('tab', { name: '党费' }).click();
  }

  arrearsAlert(): Locator {
    return this.page.getByRole('alert').filter({ hasText: /已连续\d+个月未交纳党费/ });
  }

  /** 登记缴费 for every month still owed (the dialog preselects them), in cash, today. */
  async payEverythingOwed(): Promise<string> {
    await this.page.getByRole('button', { name: '登记缴费' }).click();
    const dialog = await settledDialog(this.page, /^登记缴费：/);
    await dialog.getByRole('button', { name: /^登\s?记$/ }).click();
    const done = this.page.getByText(/^已登记\d+个月的党费，收据号 /);
    await done.waitFor();
    return (await done.textContent()) ?? '';
  }
}

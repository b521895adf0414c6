import type { Download, Page } from 'playwright-core';
import { expect } from 'vitest';
import { Choice } from './choice.ts';

/** 党员名册: the search, 导入 (the wizard) and 导出 (its dialog). */
export class MembersPage {
  constructor(private readonly page: Page) {}

  async search(text: string): Promise<void> {
    await this.page.getByRole('searchbox', { name: '搜索党员' }).fill(text);
    await this.page.getByRole('button', { name: '搜索' }).click();
  }

  /**
   * The list's 共 n 名党员 once it shows `count`: the answer to the current search, not the list shown before it
   * (kept on screen while the search runs, so a name on it proves nothing about the search).
   */
  async waitForTotal(count: number): Promise<void> {
    await this.page.getByText(`共 ${count} 名党员`, { exact: true }).waitFor();
  }

  /** A member's name in the list, a link to the member. */
  memberLink(name: string) {
    return this.page.getByRole('link', { name });
  }

  /** The roster's column headers, each with where it lies on the screen. */
  async columnHeaderBoxes(): Promise<{ name: string; left: number; right: number }[]> {
    const table = this.page
      .getByRole('table')
      .filter({ has: this.page.getByRole('columnheader', { name: '姓名' }) });
    await table.getByRole('link').first().waitFor();
    const headers = table.getByRole('columnheader');
    const out: { name: string; left: number; right: number }[] = [];
    for (const header of await headers.all()) {
      const name = ((await header.textContent()) ?? '').trim();
      const box = await header.boundingBox();
      if (name && box) out.push({ name, left: box.x, right: box.x + box.width });
    }
    return out;
  }

  /** 列设置: shows or hides a column (the choice is remembered in this browser). */
  async toggleColumn(title: string): Promise<void> {
    await this.page.getByRole('button', { name: '列设置' }).click();
    await this.page.getByRole('checkbox', { name: title }).click();
    await this.page.keyboard.press('Escape');
  }

  async openImport(): Promise<void> {
    await this.page.getByRole('button', { name: /导入$/ }).click();
  }

  /** A member's row in the roster. */
  row(name: string) {
    return this.page.getByRole('row').filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }

  /** Ticks a member's row for a batch (批量操作). */
  async tick(name: string): Promise<void> {
    await this.page.getByRole('checkbox', { name: `选择 ${name}` }).check();
  }

  /** The bar of a batch: the count selected and the actions. */
  batchBar() {
    return this.page.getByRole('toolbar', { name: '批量操作' });
  }

  /** 选择全部 N 名（当前筛选条件）. */
  async selectAllByFilter(): Promise<void> {
    await this.batchBar()
      .getByRole('button', { name: /^选择全部 \d+ 名/ })
      .click();
  }

  /** 调整党小组: the selected members to a group (or branch) found by name; waits for the dialog to close. */
  async moveSelectedTo(orgName: string): Promise<void> {
    await this.batchBar().getByRole('button', { name: '调整党小组' }).click();
    const dialog = this.page.getByRole('dialog', { name: '调整党小组' });
    // The options are searched on the server: type the name, wait for it among the options, take it with Enter.
    const choice = new Choice(this.page, dialog.getByRole('combobox', { name: '调整到' }));
    await choice.combobox.click();
    await this.page.keyboard.type(orgName);
    await (await choice.listbox())
      .getByRole('option', { name: orgName })
      .first()
      .waitFor({ state: 'attached' });
    await this.page.keyboard.press('Enter');
    await dialog.getByTitle(orgName).waitFor();
    await dialog.getByRole('button', { name: '确认调整' }).click();
    await dialog.waitFor({ state: 'hidden' });
  }

  /** 导出选中: the dialog says it exports the selected members; 导出 there answers the download. */
  async exportSelected(): Promise<Download> {
    await this.batchBar().getByRole('button', { name: '导出选中' }).click();
    const dialog = this.page.getByRole('dialog', { name: '导出党员名册' });
    await dialog.getByText('将导出选中的').waitFor();
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      dialog.getByRole('button', { name: '导出' }).click(),
    ]);
    return download;
  }

  /** 导出: the dialog says it exports the current filter; 导出 there answers the download. */
  async exportCurrentFilter(): Promise<Download> {
    await this.page.getByRole('button', { name: /导出$/ }).click();
    const dialog = this.page.getByRole('dialog', { name: '导出党员名册' });
    await dialog.getByText('将导出当前筛选条件下的').waitFor();
    const ok = dialog.getByRole('button', { name: '导出' });
    // 导出 is disabled while the filter selects nobody: say so, rather than wait for a download that cannot come.
    await expect.poll(() => ok.isEnabled(), { message: '导出 按钮不可用（当前筛选无人？）' }).toBe(true);
    const [download] = await Promise.all([this.page.waitForEvent('download'), ok.click()]);
    return download;
  }
}

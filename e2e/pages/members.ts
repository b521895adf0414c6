import type { Download, Page } from 'playwright-core';

/** 党员名册: the search, 导入 (the wizard) and 导出 (its dialog). */
export class MembersPage {
  constructor(private readonly page: Page) {}

  async search(text: string): Promise<void> {
    await this.page.getByRole('searchbox', { name: '搜索党员' }).fill(text);
    await this.page.getByRole('button', { name: '搜索' }).click();
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

  /** 导出: the dialog says it exports the current filter; 导出 there answers the download. */
  async exportCurrentFilter(): Promise<Download> {
    await this.page.getByRole('button', { name: /导出$/ }).click();
    const dialog = this.page.getByRole('dialog', { name: '导出党员名册' });
    await dialog.getByText('将导出当前筛选条件下的').waitFor();
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      dialog.getByRole('button', { name: '导出' }).click(),
    ]);
    return download;
  }
}

import type { Page } from 'playwright-core';

/** 审计日志: the filter (操作), the table and its rows as text. */
export class AuditLogPage {
  constructor(private readonly page: Page) {}

  async waitForRows(): Promise<void> {
    await this.page.getByRole('heading', { name: '审计日志', level: 4 }).waitFor();
    await this.table().getByRole('row').nth(1).waitFor();
  }

  table() {
    return this.page
      .getByRole('table')
      .filter({ has: this.page.getByRole('columnheader', { name: '对象' }) });
  }

  /** The text of each data row (header rows left out). */
  async rowTexts(): Promise<string[]> {
    const rows = this.table()
      .getByRole('row')
      .filter({ has: this.page.getByRole('cell') });
    return rows.allTextContents();
  }

  /** 操作: types the action's name into the searchable select, takes the first match (Enter), then 查询. */
  async filterByAction(label: string): Promise<void> {
    const combobox = this.page.getByRole('combobox', { name: '操作' });
    await combobox.click();
    await this.page.keyboard.type(label);
    await this.page.getByTitle(label, { exact: true }).first().waitFor();
    await this.page.keyboard.press('Enter');
    await this.page.getByRole('button', { name: '查询', exact: true }).click();
  }

  /** The 操作 filter's chosen value as shown. */
  async chosenAction(): Promise<string> {
    const form = this.page.getByRole('form', { name: '筛选条件' });
    return ((await form.textContent()) ?? '').replaceAll(/\s+/g, ' ');
  }
}

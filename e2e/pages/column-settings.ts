import type { Locator, Page } from 'playwright-core';

/** 列设置 of a list page: the columns a user keeps, remembered in this browser. */
export class ColumnSettings {
  constructor(
    private readonly page: Page,
    /** The table, found by one of its column headers that cannot be hidden. */
    private readonly table: Locator,
  ) {}

  /** The table whose header row holds `keptHeader` (a column 列设置 never hides). */
  static of(page: Page, keptHeader: string): ColumnSettings {
    return new ColumnSettings(
      page,
      page
        .getByRole('table')
        .filter({ has: page.getByRole('columnheader', { name: keptHeader, exact: true }) }),
    );
  }

  /** The header texts of the table, left to right (once it has rendered). */
  async headers(): Promise<string[]> {
    await this.table.getByRole('columnheader').first().waitFor();
    return (await this.table.getByRole('columnheader').allTextContents())
      .map((t) => t.trim())
      .filter(Boolean);
  }

  /** Shows or hides a column through 列设置. */
  async toggle(title: string): Promise<void> {
    await this.page.getByRole('button', { name: /^列设置/ }).click();
    await this.page.getByRole('checkbox', { name: title, exact: true }).click();
    await this.page.keyboard.press('Escape');
  }
}

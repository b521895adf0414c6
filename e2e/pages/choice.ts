import type { Locator, Page } from 'playwright-core';

/**
 * A combobox and the listbox it controls (antd Select, AutoComplete): found by the combobox's accessible name, its
 * options by role and name. The listbox is the one the combobox names in `aria-controls` while it is open, so that
 * a popup of another select, still fading out, is never taken for it.
 */
export class Choice {
  constructor(
    private readonly page: Page,
    readonly combobox: Locator,
  ) {}

  /** The open listbox (waits for the combobox to say it is expanded). */
  async listbox(): Promise<Locator> {
    await this.combobox.and(this.page.locator('[aria-expanded="true"]')).waitFor();
    const id = await this.combobox.getAttribute('aria-controls');
    if (!id) throw new Error('the combobox controls no listbox');
    return this.page.locator(`[id="${id}"]`);
  }

  /** The options shown now (the listbox must be open). */
  async options(): Promise<Locator> {
    return (await this.listbox()).getByRole('option');
  }

  /**
   * Opens the list, types `search` if given (a searchable select), and picks the first option whose name contains
   * `name` (or matches it, for a RegExp).
   */
  async choose(name: string | RegExp, search?: string): Promise<void> {
    await this.combobox.click();
    if (search !== undefined) await this.page.keyboard.type(search);
    const listbox = await this.listbox();
    await listbox.getByRole('option', { name }).first().click();
  }
}

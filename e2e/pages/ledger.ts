import type { Locator, Page } from 'playwright-core';
import { Choice } from './choice.ts';

/** 党员增减台账: the org and period controls, the summary table, the entries table, and 导出Excel. */
export class LedgerPage {
  readonly org: Choice;
  /** 增减汇总: one row of figures under the grouped headers. */
  readonly summary: Locator;
  /** 增减明细: one row per event. */
  readonly entries: Locator;

  constructor(private readonly page: Page) {
    this.org = new Choice(page, page.getByRole('combobox', { name: '党组织' }));
    this.summary = page.getByRole('table', { name: '增减汇总' });
    this.entries = page.getByRole('table', { name: '增减明细' });
  }

  /** The org the select shows (the combobox's own value is only the search text). */
  async shownOrg(): Promise<string> {
    return (await this.page.getByTestId('ledger-org').textContent()) ?? '';
  }

  async chooseOrg(name: string): Promise<void> {
    await this.org.choose(name, name);
  }

  /** Opens 统计期间 and clicks one of its presets (本月, 上月, 本季度, 上季度, 本年, 上年). */
  async choosePeriod(preset: string): Promise<void> {
    await this.page.getByRole('textbox', { name: '统计期间' }).first().click();
    const item = this.page.getByRole('listitem').filter({ hasText: new RegExp(`^${preset}$`) });
    await item.click();
    // Until the popup has gone, the next choice could click its fading copy of a preset (seen under load: 本年
    // clicked there, and the ledger stayed on 上年).
    await item.waitFor({ state: 'hidden' });
  }

  /** The figures of the summary, left to right. */
  summaryCells(): Promise<string[]> {
    return this.summary.getByRole('cell').allTextContents();
  }

  /** The line under the summary: 出党 by its T10 category (其中出党：退党 n，劝退 n …). */
  async leftCategories(): Promise<string> {
    return (await this.page.getByTestId('ledger-left-categories').textContent()) ?? '';
  }

  /** The cells of the entry of the member named `name`. */
  entryCells(name: string): Promise<string[]> {
    return this.entries.getByRole('row').filter({ hasText: name }).getByRole('cell').allTextContents();
  }

  /** The total under the entries (共 n 条). */
  entryTotal(count: number): Locator {
    return this.page.getByRole('listitem').filter({ hasText: new RegExp(`^共 ${count} 条$`) });
  }

  exportButton(): Locator {
    return this.page.getByRole('button', { name: '导出Excel' });
  }
}

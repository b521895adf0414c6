import type { Locator, Page } from 'playwright-core';
import { Choice } from './choice.ts';
import { OrgTree } from './org-tree.ts';

/** 组织管理: the search box, the 组织树, 显示已撤销的组织, and the drawer of 新建下级组织. */
export class OrgsPage {
  readonly tree: OrgTree;
  readonly search: Choice;

  constructor(private readonly page: Page) {
    this.tree = new OrgTree(page);
    this.search = new Choice(page, page.getByRole('combobox', { name: '搜索组织' }));
  }

  /** Finds an org by name in the search box and opens its page. */
  async openOrg(name: string): Promise<void> {
    await this.search.combobox.fill(name);
    await (await this.search.listbox()).getByRole('option', { name }).first().click();
    await this.heading(name).waitFor();
  }

  heading(name: string): Locator {
    return this.page.getByRole('heading', { name });
  }

  /** What the search box offers for `text` once the answer is in (each hit: name, kind, 已撤销, path); then clears it. */
  async searchHits(text: string): Promise<string[]> {
    await this.search.combobox.fill(text);
    const options = await this.search.options();
    await options.first().waitFor();
    await this.page.waitForTimeout(500); // the debounced search settles
    const hits = await options.allTextContents();
    await this.search.combobox.fill('');
    return hits;
  }

  /**
   * Searches for `text` and waits for the answer: either 没有匹配的组织 or some hits. Answers the hits (maybe none).
   */
  async searchAnswer(text: string): Promise<string[]> {
    await this.search.combobox.fill(text);
    const listbox = await this.search.listbox();
    await listbox.getByText('没有匹配的组织').or(listbox.getByRole('option').first()).waitFor();
    return listbox.getByRole('option').allTextContents();
  }

  showDissolved(): Locator {
    return this.page.getByRole('checkbox', { name: '显示已撤销的组织' });
  }

  /** 新建下级组织 under the org on the page, then waits for the new org's page. */
  async createChildOrg(org: {
    name: string;
    kind: string;
    sector: string;
    establishedOn: string;
    approvalNo: string;
  }): Promise<void> {
    const page = this.page;
    await page.getByRole('button', { name: '新建下级组织' }).click();
    const drawer = page.getByRole('dialog').last();
    await drawer.getByLabel('组织名称').fill(org.name);
    await new Choice(page, drawer.getByLabel('组织类别')).choose(org.kind);
    await new Choice(page, drawer.getByLabel('单位类型')).choose(org.sector);
    await drawer.getByLabel('成立日期').click();
    await page.keyboard.type(org.establishedOn);
    await page.keyboard.press('Enter');
    await drawer.getByLabel('批准文号').fill(org.approvalNo);
    await drawer.getByRole('button', { name: '创建' }).click();
    await this.heading(org.name).waitFor();
  }
}

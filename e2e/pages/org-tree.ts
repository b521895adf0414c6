import type { Locator, Page } from 'playwright-core';

/** The 组织树 of 组织管理: nodes by role (treeitem) and name, opened by their 展开 switcher. */
export class OrgTree {
  readonly tree: Locator;

  constructor(page: Page) {
    this.tree = page.getByRole('tree', { name: '组织树' });
  }

  /** The node of an org (its row: switcher, name, kind, 已撤销 tag). */
  node(name: string): Locator {
    return this.tree.getByRole('treeitem').filter({ hasText: name });
  }

  /** Opens the node of `name` unless it is open already (a leaf has no switcher and stays as it is). */
  async expand(name: string): Promise<void> {
    const node = this.node(name).last();
    await node.waitFor();
    if ((await node.getAttribute('aria-expanded')) === 'false') {
      await node.getByRole('img', { name: '展开' }).click();
    }
  }

  /** The struck-through name of a dissolved org (antd may render hidden copies of an ellipsized text: the first). */
  struckThrough(name: string): Locator {
    return this.node(name).getByRole('deletion').filter({ hasText: name }).first();
  }
}

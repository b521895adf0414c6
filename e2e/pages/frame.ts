import type { Page } from 'playwright-core';

/** How a page sits in the window: its width, any sideways scrolling, and the phone frame's menu drawer. */
export class PageFrame {
  constructor(private readonly page: Page) {}

  /** How far the document is wider than the window (0 when nothing scrolls sideways). */
  async horizontalOverflow(): Promise<number> {
    return this.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  }

  /** The width of the page's title heading (level 4), a measure of the room the page's text has. */
  async headingWidth(name: string): Promise<number> {
    const box = await this.page.getByRole('heading', { name, level: 4 }).boundingBox();
    if (!box) throw new Error(`no heading ${name}`);
    return box.width;
  }

  /** The width of an element found by its text, e.g. a form's field. */
  async widthOfLabel(label: string): Promise<number> {
    const box = await this.page.getByLabel(label, { exact: true }).first().boundingBox();
    if (!box) throw new Error(`no field ${label}`);
    return box.width;
  }

  /** On a phone: the header's 打开菜单 opens the drawer with the 主菜单. */
  async openMenuDrawer(): Promise<void> {
    await this.page.getByRole('button', { name: '打开菜单' }).click();
    await this.page.getByRole('menu', { name: '主菜单' }).waitFor();
  }

  async title(): Promise<string> {
    return this.page.title();
  }
}

import type { Locator, Page } from 'playwright-core';

/** Whether an element's classes still name an antd (rc-motion) appear or enter phase. */
const MOVING = /-(appear|enter)(-|\s|$)/;

/**
 * An antd modal or drawer by its title, once its opening animation has ended. A click while the dialog still zooms
 * in can land beside a button that moved under it (seen under CI load: 登记召开 clicked, the dialog never submitted),
 * so a page object clicks in a dialog only after this.
 */
export async function settledDialog(page: Page, name: string | RegExp): Promise<Locator> {
  const dialog = page.getByRole('dialog', { name });
  await dialog.waitFor();
  await dialog.evaluate(
    (el, source) =>
      new Promise<void>((resolve) => {
        const moving = new RegExp(source);
        if (!moving.test(el.className)) return resolve();
        const observer = new MutationObserver(() => {
          if (moving.test(el.className)) return;
          observer.disconnect();
          resolve();
        });
        observer.observe(el, { attributes: true, attributeFilter: ['class'] });
      }),
    MOVING.source,
  );
  return dialog;
}

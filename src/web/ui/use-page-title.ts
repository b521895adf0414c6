import { useEffect } from 'react';

/** The product's name, after the page's in every title: `党员名册 - 基层`. */
export const PRODUCT_TITLE = '基层';

export function pageTitle(page: string | null | undefined): string {
  return page ? `${page} - ${PRODUCT_TITLE}` : PRODUCT_TITLE;
}

/**
 * The browser tab says which page it is (`<page> - 基层`), so that tabs, history and bookmarks tell pages
 * apart (docs/design.md §4.3). Called by PageHeader and by the pages without one.
 */
export function usePageTitle(page: string | null | undefined): void {
  useEffect(() => {
    document.title = pageTitle(page);
  }, [page]);
}

import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

/**
 * antd reads media queries (responsive grid, Descriptions columns, the phone frame); jsdom has no matchMedia.
 * Width queries are answered for `window.innerWidth` (jsdom: 1024, a desktop); a test of the phone frame sets
 * `window.innerWidth = 390` before it renders.
 */
function matchesWidth(query: string): boolean {
  const min = /min-width:\s*(\d+)px/.exec(query);
  const max = /max-width:\s*(\d+)px/.exec(query);
  return (!min || window.innerWidth >= Number(min[1])) && (!max || window.innerWidth <= Number(max[1]));
}

Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: (query: string) => ({
    matches: /width/.test(query) && matchesWidth(query),
    media: query,
    onchange: null,
    addListener() {},
    removeListener() {},
    addEventListener() {},
    removeEventListener() {},
    dispatchEvent: () => false,
  }),
});

afterEach(() => cleanup());

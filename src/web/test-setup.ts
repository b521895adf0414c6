import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// antd reads media queries (responsive grid, Descriptions columns); jsdom has no matchMedia.
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: (query: string) => ({
    matches: false,
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

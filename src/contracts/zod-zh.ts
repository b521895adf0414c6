import { z } from 'zod';

/**
 * Validation messages in Chinese, for server and web alike (docs/design.md §1.7). Import once at each entry.
 */
z.config(z.locales.zhCN());

export { z };

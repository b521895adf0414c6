import { z } from 'zod';

/** Validation messages in Chinese, for server and web alike (DESIGN.md §2.7). Import once at each entry. */
z.config(z.locales.zhCN());

export { z };

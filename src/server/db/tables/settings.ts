import { integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Configurable parameters (CFG in docs/README.md), one JSON document per group. */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').$type<Record<string, unknown>>().notNull(),
  version: integer('version').notNull().default(1),
  updatedBy: integer('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

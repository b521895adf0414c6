import { customType } from 'drizzle-orm/pg-core';

/** PostgreSQL `ltree`: a materialized path of org ids, root first (`1.4.17`). */
export const ltree = customType<{ data: string }>({
  dataType() {
    return 'ltree';
  },
});

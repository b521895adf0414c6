import { sql } from 'drizzle-orm';
import type { Db } from '../src/server/db/client.ts';

/**
 * The benchmarks time the workload, not the login: their org_admins sign in without a second factor
 * (`totpRequiredForOrgAdmin` false in the security settings, as the demo city has it; the three administrator roles
 * always need one and do not take part). Secretaries never need one.
 */
export async function withoutOrgAdminSecondFactor(db: Db): Promise<void> {
  await db.execute(sql`
    insert into settings (key, value, version) values ('security', '{"totpRequiredForOrgAdmin": false}'::jsonb, 1)
    on conflict (key) do update set value = settings.value || excluded.value, version = settings.version + 1
    where (settings.value ->> 'totpRequiredForOrgAdmin') is distinct from 'false'`);
}

CREATE TABLE "org_life_subtree" (
	"org_id" integer NOT NULL,
	"period_key" text NOT NULL,
	"met" integer NOT NULL,
	"not_closed" integer NOT NULL,
	"unmet" integer NOT NULL,
	CONSTRAINT "org_life_subtree_org_id_period_key_pk" PRIMARY KEY("org_id","period_key")
);
--> statement-breakpoint
DROP INDEX "org_life_compliance_path_gist";--> statement-breakpoint
DROP INDEX "org_life_compliance_period_idx";--> statement-breakpoint
-- The roll-up is derived: emptied (every year computed again on its first read) with its subtree totals.
DELETE FROM "org_life_compliance";--> statement-breakpoint
DELETE FROM "org_life_compliance_years";--> statement-breakpoint
-- A move no longer rewrites the roll-up's paths: it marks the moved orgs, whose rows the refresh then takes out
-- of their old ancestors' totals and into their new ones.
CREATE OR REPLACE FUNCTION org_life_mark_orgs() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO org_life_dirty (org_id)
      SELECT DISTINCT x.org_id FROM new_rows n,
             LATERAL (VALUES (n.id), (CASE WHEN n.kind = 'group' THEN n.parent_id END)) AS x(org_id)
       WHERE x.org_id IS NOT NULL;
  ELSE
    INSERT INTO org_life_dirty (org_id)
      SELECT DISTINCT x.org_id
        FROM old_rows o JOIN new_rows n ON n.id = o.id,
             LATERAL (VALUES (n.id), (CASE WHEN o.kind = 'group' THEN o.parent_id END),
                             (CASE WHEN n.kind = 'group' THEN n.parent_id END)) AS x(org_id)
       WHERE x.org_id IS NOT NULL
         AND (o.kind IS DISTINCT FROM n.kind OR o.established_on IS DISTINCT FROM n.established_on
              OR o.dissolved_on IS DISTINCT FROM n.dissolved_on OR o.parent_id IS DISTINCT FROM n.parent_id
              OR o.path::text IS DISTINCT FROM n.path::text);
  END IF;
  RETURN NULL;
END;
$$;

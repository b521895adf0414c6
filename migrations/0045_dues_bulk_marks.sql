-- A pass that rewrites the charges of whole months for every member (the monthly generation, a new version of the
-- rules: modules/dues/charges.service.ts) writes them chunk by chunk, and members in id order are spread over every
-- branch: the marking triggers of 0043 and 0044 left a mark per branch and month per chunk (9.4 million marks for a
-- year of a 1M-member city, each one a dead row to scan until vacuumed). During such a pass the triggers of the
-- charges stand aside (a setting local to the pass's transaction) and the pass marks each branch-month once itself,
-- before (the rows it may delete) and after (the rows it wrote), and every branch's arrears to-dos once.
CREATE OR REPLACE FUNCTION dues_charges_bulk() RETURNS boolean
LANGUAGE sql STABLE AS $$ SELECT coalesce(current_setting('jiceng.dues_charges_bulk', true), '') = 'on' $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION dues_charges_mark_months(months date[]) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO dues_rollup_marks (org_id, month)
    SELECT DISTINCT c.org_id, c.month FROM dues_charges c WHERE c.month = ANY (months);
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION dues_charges_bulk_begin(months date[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM dues_charges_mark_months(months);
  PERFORM set_config('jiceng.dues_charges_bulk', 'on', true);
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION dues_charges_bulk_end(months date[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM set_config('jiceng.dues_charges_bulk', 'off', true);
  PERFORM dues_charges_mark_months(months);
  INSERT INTO findings_dirty (org_id, input) VALUES (NULL, 'dues');
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION dues_rollup_mark_charges() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF dues_charges_bulk() THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    INSERT INTO dues_rollup_marks (org_id, month) SELECT DISTINCT n.org_id, n.month FROM new_rows n;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO dues_rollup_marks (org_id, month) SELECT DISTINCT o.org_id, o.month FROM old_rows o;
  ELSE
    INSERT INTO dues_rollup_marks (org_id, month)
      SELECT DISTINCT x.org_id, x.month
        FROM old_rows o FULL JOIN new_rows n ON n.member_id = o.member_id AND n.month = o.month,
             LATERAL (VALUES (o.org_id, o.month), (n.org_id, n.month)) AS x(org_id, month)
       WHERE x.org_id IS NOT NULL
         AND (o.member_id IS NULL OR n.member_id IS NULL OR o.org_id <> n.org_id OR o.amount <> n.amount
              OR o.reduction_id IS DISTINCT FROM n.reduction_id);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION findings_mark_dues() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF dues_charges_bulk() THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    INSERT INTO findings_dirty (org_id, input)
      SELECT DISTINCT org_life_branch_of(m.org_id), 'dues'
        FROM (SELECT DISTINCT member_id FROM new_rows) n JOIN members m ON m.id = n.member_id
       WHERE m.org_id IS NOT NULL;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO findings_dirty (org_id, input)
      SELECT DISTINCT org_life_branch_of(m.org_id), 'dues'
        FROM (SELECT DISTINCT member_id FROM old_rows) o JOIN members m ON m.id = o.member_id
       WHERE m.org_id IS NOT NULL;
  ELSE
    INSERT INTO findings_dirty (org_id, input)
      SELECT DISTINCT org_life_branch_of(m.org_id), 'dues'
        FROM (SELECT n.member_id FROM old_rows o JOIN new_rows n ON n.member_id = o.member_id AND n.month = o.month
               WHERE o.amount IS DISTINCT FROM n.amount
              UNION SELECT n.member_id FROM new_rows n
               WHERE NOT EXISTS (SELECT 1 FROM old_rows o WHERE o.member_id = n.member_id AND o.month = n.month)
              UNION SELECT o.member_id FROM old_rows o
               WHERE NOT EXISTS (SELECT 1 FROM new_rows n WHERE n.member_id = o.member_id AND n.month = o.month)) c
        JOIN members m ON m.id = c.member_id
       WHERE m.org_id IS NOT NULL;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- The queues every write appends to and every read empties (db/housekeeping.ts QUEUE_TABLES) hold few live rows and
-- many dead ones: autovacuum's default (20% of the live rows) waits for almost nothing, and each read's "any marks?"
-- scans the dead rows until it comes (measured: 0.8 s per read after the roll-up's first fill of a 1M city). Vacuumed
-- once a thousand rows have died instead. PGlite has no autovacuum; the app vacuums these tables itself there.
ALTER TABLE findings_dirty SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 1000);
--> statement-breakpoint
ALTER TABLE org_stats_changes SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 1000);
--> statement-breakpoint
ALTER TABLE org_life_dirty SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 1000);
--> statement-breakpoint
ALTER TABLE dues_charge_marks SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 1000);
--> statement-breakpoint
ALTER TABLE dues_rollup_marks SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 1000);

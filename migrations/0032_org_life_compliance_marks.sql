-- The compliance roll-up (org_life_compliance, docs/organizational-life.md §7.5) is refreshed before a read from
-- the marks these triggers leave in org_life_dirty, in the writer's transaction, whatever service writes: a
-- meeting (its org, its kinds, status, day or 书记讲党课 changed) marks the 党支部 that holds it (the branch of a
-- 党小组); an org founded, dissolved, moved or changed in kind marks itself and, for a 党小组, its branch; a
-- committee term marks its org (whether it has a committee); an exemption its org; a new version of the rules
-- every org. Statement by statement, so that a bulk write leaves one mark per org.
CREATE OR REPLACE FUNCTION org_life_branch_of(org integer) RETURNS integer
LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN o.kind = 'group' THEN o.parent_id ELSE o.id END FROM orgs o WHERE o.id = org
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION org_life_mark_meetings() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO org_life_dirty (org_id)
      SELECT DISTINCT org_life_branch_of(n.org_id) FROM new_rows n;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO org_life_dirty (org_id)
      SELECT DISTINCT org_life_branch_of(o.org_id) FROM old_rows o;
  ELSE
    INSERT INTO org_life_dirty (org_id)
      SELECT DISTINCT org_life_branch_of(x.org_id)
        FROM old_rows o JOIN new_rows n ON n.id = o.id,
             LATERAL (VALUES (o.org_id), (n.org_id)) AS x(org_id)
       WHERE o.org_id IS DISTINCT FROM n.org_id OR o.kinds IS DISTINCT FROM n.kinds
          OR o.status IS DISTINCT FROM n.status OR o.held_on IS DISTINCT FROM n.held_on
          OR o.given_by_head IS DISTINCT FROM n.given_by_head;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER meetings_mark_org_life_insert
  AFTER INSERT ON meetings REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION org_life_mark_meetings();
--> statement-breakpoint
CREATE TRIGGER meetings_mark_org_life_update
  AFTER UPDATE ON meetings REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION org_life_mark_meetings();
--> statement-breakpoint
CREATE TRIGGER meetings_mark_org_life_delete
  AFTER DELETE ON meetings REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION org_life_mark_meetings();
--> statement-breakpoint
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
              OR o.dissolved_on IS DISTINCT FROM n.dissolved_on OR o.parent_id IS DISTINCT FROM n.parent_id);
    -- A move rewrites the paths of the whole subtree: the roll-up's rows follow in the same statement.
    UPDATE org_life_compliance c SET path = n.path
      FROM old_rows o JOIN new_rows n ON n.id = o.id
     WHERE c.org_id = n.id AND o.path::text IS DISTINCT FROM n.path::text;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER orgs_mark_org_life_insert
  AFTER INSERT ON orgs REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION org_life_mark_orgs();
--> statement-breakpoint
CREATE TRIGGER orgs_mark_org_life_update
  AFTER UPDATE ON orgs REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION org_life_mark_orgs();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION org_life_mark_terms() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO org_life_dirty (org_id)
    VALUES (CASE WHEN TG_OP = 'DELETE' THEN OLD.org_id ELSE NEW.org_id END);
  IF TG_OP = 'UPDATE' AND OLD.org_id IS DISTINCT FROM NEW.org_id THEN
    INSERT INTO org_life_dirty (org_id) VALUES (OLD.org_id);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER committee_terms_mark_org_life
  AFTER INSERT OR UPDATE OR DELETE ON committee_terms
  FOR EACH ROW EXECUTE FUNCTION org_life_mark_terms();
--> statement-breakpoint
CREATE TRIGGER org_life_exemptions_mark
  AFTER INSERT OR UPDATE OR DELETE ON org_life_exemptions
  FOR EACH ROW EXECUTE FUNCTION org_life_mark_terms();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION org_life_mark_every_org() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO org_life_dirty (org_id) VALUES (NULL);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER org_life_rule_sets_mark
  AFTER INSERT OR UPDATE OR DELETE ON org_life_rule_sets
  FOR EACH STATEMENT EXECUTE FUNCTION org_life_mark_every_org();

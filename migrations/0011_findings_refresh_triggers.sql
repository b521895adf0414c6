-- The findings table (0010) is kept in the writer's transaction. These triggers mark, in findings_dirty, the orgs
-- whose findings' inputs a write changes (src/server/todos/inputs.ts), whatever service or script writes them; the
-- refresh at the end of the transaction (src/server/todos/keep.ts) recomputes those orgs and takes the marks, and
-- a read takes any a write outside the kernel's transactions left behind.

-- `org`: an org's kind, founding, dissolution or parent; its old and new parent too (a 党小组 moved between
-- branches changes both branches' roster counts). A move rewrites the paths below it, which no finding reads.
CREATE OR REPLACE FUNCTION findings_mark_org() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    INSERT INTO findings_dirty (org_id, input)
      SELECT DISTINCT v.id, 'org' FROM (VALUES (OLD.id), (OLD.parent_id)) v(id) WHERE v.id IS NOT NULL;
  ELSIF TG_OP = 'INSERT' THEN
    INSERT INTO findings_dirty (org_id, input)
      SELECT DISTINCT v.id, 'org' FROM (VALUES (NEW.id), (NEW.parent_id)) v(id) WHERE v.id IS NOT NULL;
  ELSE
    INSERT INTO findings_dirty (org_id, input)
      SELECT DISTINCT v.id, 'org' FROM (VALUES (NEW.id), (NEW.parent_id), (OLD.parent_id)) v(id)
      WHERE v.id IS NOT NULL;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER orgs_mark_findings
  AFTER INSERT OR DELETE OR UPDATE OF kind, parent_id, established_on, dissolved_on ON orgs
  FOR EACH ROW EXECUTE FUNCTION findings_mark_org();
--> statement-breakpoint
-- `posts`: the leadership posts of an org.
CREATE OR REPLACE FUNCTION findings_mark_posts() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    INSERT INTO findings_dirty (org_id, input) VALUES (OLD.org_id, 'posts');
  END IF;
  IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW.org_id <> OLD.org_id) THEN
    INSERT INTO findings_dirty (org_id, input) VALUES (NEW.org_id, 'posts');
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER leadership_posts_mark_findings
  AFTER INSERT OR UPDATE OR DELETE ON leadership_posts
  FOR EACH ROW EXECUTE FUNCTION findings_mark_posts();
--> statement-breakpoint
-- `roster`: a branch's own roster counts, the member_count and status_full of its org_stats row and of its 党小组's.
-- Per statement, from the rows it changed (a recount rewrites every org's row in one statement); an age shift,
-- which changes no count the findings read, marks nothing.
CREATE OR REPLACE FUNCTION findings_mark_roster() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO findings_dirty (org_id, input)
      SELECT DISTINCT CASE WHEN o.kind = 'group' THEN o.parent_id ELSE o.id END, 'roster'
      FROM new_rows n JOIN orgs o ON o.id = n.org_id
      WHERE n.member_count <> 0 OR n.status_full <> 0;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO findings_dirty (org_id, input)
      SELECT DISTINCT CASE WHEN o.kind = 'group' THEN o.parent_id ELSE o.id END, 'roster'
      FROM old_rows d JOIN orgs o ON o.id = d.org_id
      WHERE d.member_count <> 0 OR d.status_full <> 0;
  ELSE
    INSERT INTO findings_dirty (org_id, input)
      SELECT DISTINCT CASE WHEN o.kind = 'group' THEN o.parent_id ELSE o.id END, 'roster'
      FROM new_rows n JOIN old_rows d ON d.org_id = n.org_id JOIN orgs o ON o.id = n.org_id
      WHERE n.member_count <> d.member_count OR n.status_full <> d.status_full;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER org_stats_mark_findings_insert
  AFTER INSERT ON org_stats REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION findings_mark_roster();
--> statement-breakpoint
CREATE TRIGGER org_stats_mark_findings_update
  AFTER UPDATE ON org_stats REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION findings_mark_roster();
--> statement-breakpoint
CREATE TRIGGER org_stats_mark_findings_delete
  AFTER DELETE ON org_stats REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION findings_mark_roster();
--> statement-breakpoint
-- `term_policy`: the settings group `org` holds the term policy; every org at once (org_id null).
CREATE OR REPLACE FUNCTION findings_mark_term_policy() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO findings_dirty (org_id, input) VALUES (NULL, 'term_policy');
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER settings_mark_findings
  AFTER INSERT OR UPDATE ON settings
  FOR EACH ROW WHEN (NEW.key = 'org') EXECUTE FUNCTION findings_mark_term_policy();

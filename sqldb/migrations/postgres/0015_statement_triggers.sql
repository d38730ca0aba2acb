-- Rows inserted into memberships and party_status mark their orgs and
-- people dirty once per statement, from the statement's new rows (a
-- transition table), instead of once per row: a COPY of 100,000
-- memberships ran 100,000 row triggers (issue 20: bulk import by COPY at
-- full speed). Deletes and updates keep their row triggers.
CREATE FUNCTION summary_mark_new() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('INSERT INTO summary_dirty (kind, id) SELECT DISTINCT %L, %I FROM new_rows ON CONFLICT DO NOTHING',
        TG_ARGV[0], TG_ARGV[1]);
    RETURN NULL;
END
$$;

-- summary triggers (Bulk re-creates these after 0004's)
DROP TRIGGER IF EXISTS sm_memberships ON memberships;
CREATE TRIGGER sm_memberships AFTER DELETE ON memberships FOR EACH ROW
    EXECUTE FUNCTION summary_mark('org', 'org_id');
CREATE TRIGGER sm_memberships_ins AFTER INSERT ON memberships REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION summary_mark_new('org', 'org_id');
DROP TRIGGER IF EXISTS sm_party_status ON party_status;
CREATE TRIGGER sm_party_status AFTER DELETE ON party_status FOR EACH ROW
    EXECUTE FUNCTION summary_mark('person', 'person_id');
CREATE TRIGGER sm_party_status_ins AFTER INSERT ON party_status REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION summary_mark_new('person', 'person_id');

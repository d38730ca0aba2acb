-- Summaries (issue 7): per-org segments, per-instructor segments, and
-- per-area roll-ups by day, so that figures of any scope on any day cost in
-- proportion to the scope's areas, not to its memberships. Everything here
-- is derived from the registry tables and can be rebuilt (`hezuo summary
-- rebuild`). See sqldb/summary.go.

-- org_segments: maximal intervals [valid_from, valid_to) over which all of
-- one org's counted figures and its rules.Facts are constant; facts is the
-- JSON of the covering party organizations and secretary (NULL when none).
CREATE TABLE org_segments (
    org_id           BIGINT NOT NULL,
    county           TEXT NOT NULL,
    township         TEXT NOT NULL,
    kind             TEXT NOT NULL,
    valid_from       DATE NOT NULL,
    valid_to         DATE,
    registered       INTEGER NOT NULL,
    model            INTEGER NOT NULL,
    members          INTEGER NOT NULL,
    full_members     INTEGER NOT NULL,
    probationary     INTEGER NOT NULL,
    activists        INTEGER NOT NULL,
    talents          INTEGER NOT NULL,
    households       INTEGER NOT NULL,
    instructor       INTEGER NOT NULL,
    developed        INTEGER NOT NULL,
    required         TEXT NOT NULL,
    actual           TEXT NOT NULL,
    managed          TEXT NOT NULL,
    branches         INTEGER NOT NULL,
    general_branches INTEGER NOT NULL,
    committees       INTEGER NOT NULL,
    joint_branches   INTEGER NOT NULL,
    party_groups     INTEGER NOT NULL,
    facts            TEXT,
    PRIMARY KEY (org_id, valid_from)
);

-- instructor_segments: intervals over which an instructor has an active
-- dispatch to an existing org (instructors.dispatched, by the instructor's
-- dispatching township).
CREATE TABLE instructor_segments (
    instructor_id BIGINT NOT NULL,
    county        TEXT NOT NULL,
    township      TEXT NOT NULL,
    valid_from    DATE NOT NULL,
    valid_to      DATE,
    PRIMARY KEY (instructor_id, valid_from)
);
CREATE INDEX instructor_segments_township ON instructor_segments (township);

-- summary_areas: the areas holding roll-ups: every township (9 digits),
-- county (6), prefecture (4), province (2) and the nation (''), each the sum
-- of the townships it holds, so that a scope reads one area.
CREATE TABLE summary_areas (
    area   TEXT PRIMARY KEY,
    county TEXT NOT NULL,
    level  TEXT NOT NULL CHECK (level IN ('nation', 'province', 'prefecture', 'county', 'township'))
);
CREATE INDEX summary_areas_level ON summary_areas (level, area);

-- summary_delta: the change of an area's figures of one org kind on a day
-- (kind '' holds the figures of no kind: instructors dispatched). county is
-- the area's county, or the area's own code above counties.
CREATE TABLE summary_delta (
    county             TEXT NOT NULL,
    area               TEXT NOT NULL,
    day                DATE NOT NULL,
    kind               TEXT NOT NULL,
    orgs               INTEGER NOT NULL DEFAULT 0,
    registered         INTEGER NOT NULL DEFAULT 0,
    models             INTEGER NOT NULL DEFAULT 0,
    members            INTEGER NOT NULL DEFAULT 0,
    party_members      INTEGER NOT NULL DEFAULT 0,
    full_members       INTEGER NOT NULL DEFAULT 0,
    households         INTEGER NOT NULL DEFAULT 0,
    talents            INTEGER NOT NULL DEFAULT 0,
    uncovered          INTEGER NOT NULL DEFAULT 0,
    should_build       INTEGER NOT NULL DEFAULT 0,
    own_org            INTEGER NOT NULL DEFAULT 0,
    joint_or_group     INTEGER NOT NULL DEFAULT 0,
    instructor_only    INTEGER NOT NULL DEFAULT 0,
    managed_village    INTEGER NOT NULL DEFAULT 0,
    managed_township   INTEGER NOT NULL DEFAULT 0,
    managed_department INTEGER NOT NULL DEFAULT 0,
    branches           INTEGER NOT NULL DEFAULT 0,
    general_branches   INTEGER NOT NULL DEFAULT 0,
    committees         INTEGER NOT NULL DEFAULT 0,
    joint_branches     INTEGER NOT NULL DEFAULT 0,
    party_groups       INTEGER NOT NULL DEFAULT 0,
    orgs_covered       INTEGER NOT NULL DEFAULT 0,
    developed          INTEGER NOT NULL DEFAULT 0,
    activists          INTEGER NOT NULL DEFAULT 0,
    dispatched         INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (area, day, kind)
);

-- summary_snapshot: an area's figures by kind just before period_start (the
-- sum of its deltas dated earlier), for every period of summary_periods.
CREATE TABLE summary_snapshot (
    county             TEXT NOT NULL,
    area               TEXT NOT NULL,
    period_start       DATE NOT NULL,
    kind               TEXT NOT NULL,
    orgs               INTEGER NOT NULL DEFAULT 0,
    registered         INTEGER NOT NULL DEFAULT 0,
    models             INTEGER NOT NULL DEFAULT 0,
    members            INTEGER NOT NULL DEFAULT 0,
    party_members      INTEGER NOT NULL DEFAULT 0,
    full_members       INTEGER NOT NULL DEFAULT 0,
    households         INTEGER NOT NULL DEFAULT 0,
    talents            INTEGER NOT NULL DEFAULT 0,
    uncovered          INTEGER NOT NULL DEFAULT 0,
    should_build       INTEGER NOT NULL DEFAULT 0,
    own_org            INTEGER NOT NULL DEFAULT 0,
    joint_or_group     INTEGER NOT NULL DEFAULT 0,
    instructor_only    INTEGER NOT NULL DEFAULT 0,
    managed_village    INTEGER NOT NULL DEFAULT 0,
    managed_township   INTEGER NOT NULL DEFAULT 0,
    managed_department INTEGER NOT NULL DEFAULT 0,
    branches           INTEGER NOT NULL DEFAULT 0,
    general_branches   INTEGER NOT NULL DEFAULT 0,
    committees         INTEGER NOT NULL DEFAULT 0,
    joint_branches     INTEGER NOT NULL DEFAULT 0,
    party_groups       INTEGER NOT NULL DEFAULT 0,
    orgs_covered       INTEGER NOT NULL DEFAULT 0,
    developed          INTEGER NOT NULL DEFAULT 0,
    activists          INTEGER NOT NULL DEFAULT 0,
    dispatched         INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (area, period_start, kind)
);

-- summary_periods: the snapshot dates, the same for every area.
CREATE TABLE summary_periods (
    period_start DATE PRIMARY KEY
);

-- summary_dirty: records whose summaries are out of date, marked by the
-- triggers below in the writing transaction ('org', 'person', 'party_org',
-- 'instructor' with the record's id; 'all' 0 for everything; 'settings' 0
-- and 'divisions' 0 when those tables change, which only changes the
-- summaries' version, or their verdicts when coverage settings changed).
CREATE TABLE summary_dirty (
    kind TEXT NOT NULL,
    id   BIGINT NOT NULL,
    PRIMARY KEY (kind, id)
);

-- Divisions of a level inside a scope (the dashboard's township names).
CREATE INDEX divisions_level ON divisions (level, code);

-- A database that already holds records gets its summaries built later.
INSERT INTO summary_dirty (kind, id) SELECT 'all', 0 WHERE EXISTS (SELECT 1 FROM orgs);

-- summary_mark marks dirty records: its arguments are pairs (kind, column),
-- read from the new row (INSERT, UPDATE) and the old row (UPDATE, DELETE);
-- a column the row lacks gives 0.
CREATE FUNCTION summary_mark() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    i int;
    r jsonb;
BEGIN
    FOR i IN 0 .. TG_NARGS / 2 - 1 LOOP
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
            r := to_jsonb(NEW);
            INSERT INTO summary_dirty (kind, id) VALUES (TG_ARGV[2 * i], coalesce((r ->> TG_ARGV[2 * i + 1])::bigint, 0)) ON CONFLICT DO NOTHING;
        END IF;
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
            r := to_jsonb(OLD);
            INSERT INTO summary_dirty (kind, id) VALUES (TG_ARGV[2 * i], coalesce((r ->> TG_ARGV[2 * i + 1])::bigint, 0)) ON CONFLICT DO NOTHING;
        END IF;
    END LOOP;
    RETURN NULL;
END
$$;

-- summary triggers (Bulk drops and re-creates everything from this line on)
CREATE TRIGGER sm_orgs AFTER INSERT OR DELETE ON orgs FOR EACH ROW
    EXECUTE FUNCTION summary_mark('org', 'id');
CREATE TRIGGER sm_orgs_upd AFTER UPDATE ON orgs FOR EACH ROW
    WHEN (OLD.kind IS DISTINCT FROM NEW.kind OR OLD.registered_on IS DISTINCT FROM NEW.registered_on OR OLD.village IS DISTINCT FROM NEW.village OR OLD.households_driven IS DISTINCT FROM NEW.households_driven OR OLD.model IS DISTINCT FROM NEW.model OR OLD.founded IS DISTINCT FROM NEW.founded OR OLD.dissolved IS DISTINCT FROM NEW.dissolved)
    EXECUTE FUNCTION summary_mark('org', 'id');
CREATE TRIGGER sm_org_villages AFTER INSERT OR UPDATE OR DELETE ON org_villages FOR EACH ROW
    EXECUTE FUNCTION summary_mark('org', 'org_id');
CREATE TRIGGER sm_memberships AFTER INSERT OR DELETE ON memberships FOR EACH ROW
    EXECUTE FUNCTION summary_mark('org', 'org_id');
CREATE TRIGGER sm_memberships_upd AFTER UPDATE ON memberships FOR EACH ROW
    WHEN (OLD.org_id IS DISTINCT FROM NEW.org_id OR OLD.person_id IS DISTINCT FROM NEW.person_id OR OLD.valid_from IS DISTINCT FROM NEW.valid_from OR OLD.valid_to IS DISTINCT FROM NEW.valid_to)
    EXECUTE FUNCTION summary_mark('org', 'org_id');
CREATE TRIGGER sm_party_status AFTER INSERT OR DELETE ON party_status FOR EACH ROW
    EXECUTE FUNCTION summary_mark('person', 'person_id');
CREATE TRIGGER sm_party_status_upd AFTER UPDATE ON party_status FOR EACH ROW
    WHEN (OLD.person_id IS DISTINCT FROM NEW.person_id OR OLD.status IS DISTINCT FROM NEW.status OR OLD.valid_from IS DISTINCT FROM NEW.valid_from OR OLD.valid_to IS DISTINCT FROM NEW.valid_to)
    EXECUTE FUNCTION summary_mark('person', 'person_id');
CREATE TRIGGER sm_people_upd AFTER UPDATE ON people FOR EACH ROW
    WHEN (OLD.talent_since IS DISTINCT FROM NEW.talent_since OR OLD.leader_since IS DISTINCT FROM NEW.leader_since OR OLD.name IS DISTINCT FROM NEW.name)
    EXECUTE FUNCTION summary_mark('person', 'id');
CREATE TRIGGER sm_party_orgs AFTER DELETE ON party_orgs FOR EACH ROW
    EXECUTE FUNCTION summary_mark('party_org', 'id');
CREATE TRIGGER sm_party_orgs_upd AFTER UPDATE ON party_orgs FOR EACH ROW
    WHEN (OLD.no IS DISTINCT FROM NEW.no OR OLD.name IS DISTINCT FROM NEW.name OR OLD.form IS DISTINCT FROM NEW.form OR OLD.elected_on IS DISTINCT FROM NEW.elected_on OR OLD.term_years IS DISTINCT FROM NEW.term_years OR OLD.valid_from IS DISTINCT FROM NEW.valid_from OR OLD.valid_to IS DISTINCT FROM NEW.valid_to)
    EXECUTE FUNCTION summary_mark('party_org', 'id');
CREATE TRIGGER sm_party_org_orgs AFTER INSERT OR UPDATE OR DELETE ON party_org_orgs FOR EACH ROW
    EXECUTE FUNCTION summary_mark('party_org', 'party_org_id', 'org', 'org_id');
CREATE TRIGGER sm_party_org_villages AFTER INSERT OR UPDATE OR DELETE ON party_org_villages FOR EACH ROW
    EXECUTE FUNCTION summary_mark('party_org', 'party_org_id');
CREATE TRIGGER sm_officers AFTER INSERT OR UPDATE OR DELETE ON officers FOR EACH ROW
    EXECUTE FUNCTION summary_mark('party_org', 'party_org_id');
CREATE TRIGGER sm_dispatches AFTER INSERT OR UPDATE OR DELETE ON dispatches FOR EACH ROW
    EXECUTE FUNCTION summary_mark('org', 'org_id', 'instructor', 'instructor_id');
CREATE TRIGGER sm_instructors AFTER DELETE ON instructors FOR EACH ROW
    EXECUTE FUNCTION summary_mark('instructor', 'id');
CREATE TRIGGER sm_instructors_upd AFTER UPDATE ON instructors FOR EACH ROW
    WHEN (OLD.township IS DISTINCT FROM NEW.township)
    EXECUTE FUNCTION summary_mark('instructor', 'id');
CREATE TRIGGER sm_settings_upd AFTER UPDATE ON settings FOR EACH ROW
    WHEN (OLD.value IS DISTINCT FROM NEW.value)
    EXECUTE FUNCTION summary_mark('settings', 'zero');
CREATE TRIGGER sm_divisions AFTER INSERT OR UPDATE OR DELETE ON divisions FOR EACH ROW
    EXECUTE FUNCTION summary_mark('divisions', 'zero');

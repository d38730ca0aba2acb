-- Summaries (issue 7): per-org segments, per-instructor segments, and
-- per-area roll-ups by day, so that figures of any scope on any day cost in
-- proportion to the scope's areas, not to its memberships. Everything here
-- is derived from the registry tables and can be rebuilt (`hezuo summary
-- rebuild`). See sqldb/summary.go.

-- org_segments: maximal intervals [valid_from, valid_to) over which all of
-- one org's counted figures and its rules.Facts are constant; facts is the
-- JSON of the covering party organizations and secretary (NULL when none).
CREATE TABLE org_segments (
    org_id           INTEGER NOT NULL,
    county           TEXT NOT NULL,
    township         TEXT NOT NULL,
    kind             TEXT NOT NULL,
    valid_from       TEXT NOT NULL,
    valid_to         TEXT,
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
) WITHOUT ROWID;

-- instructor_segments: intervals over which an instructor has an active
-- dispatch to an existing org (instructors.dispatched, by the instructor's
-- dispatching township).
CREATE TABLE instructor_segments (
    instructor_id INTEGER NOT NULL,
    county        TEXT NOT NULL,
    township      TEXT NOT NULL,
    valid_from    TEXT NOT NULL,
    valid_to      TEXT,
    PRIMARY KEY (instructor_id, valid_from)
) WITHOUT ROWID;
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
    day                TEXT NOT NULL,
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
) WITHOUT ROWID;

-- summary_snapshot: an area's figures by kind just before period_start (the
-- sum of its deltas dated earlier), for every period of summary_periods.
CREATE TABLE summary_snapshot (
    county             TEXT NOT NULL,
    area               TEXT NOT NULL,
    period_start       TEXT NOT NULL,
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
) WITHOUT ROWID;

-- summary_periods: the snapshot dates, the same for every area.
CREATE TABLE summary_periods (
    period_start TEXT PRIMARY KEY
);

-- summary_dirty: records whose summaries are out of date, marked by the
-- triggers below in the writing transaction ('org', 'person', 'party_org',
-- 'instructor' with the record's id; 'all' 0 for everything; 'settings' 0
-- and 'divisions' 0 when those tables change, which only changes the
-- summaries' version, or their verdicts when coverage settings changed).
CREATE TABLE summary_dirty (
    kind TEXT NOT NULL,
    id   INTEGER NOT NULL,
    PRIMARY KEY (kind, id)
) WITHOUT ROWID;

-- Divisions of a level inside a scope (the dashboard's township names).
CREATE INDEX divisions_level ON divisions (level, code);

-- A database that already holds records gets its summaries built later.
INSERT INTO summary_dirty (kind, id) SELECT 'all', 0 WHERE EXISTS (SELECT 1 FROM orgs);

-- summary triggers (Bulk drops and re-creates everything from this line on)
CREATE TRIGGER sm_orgs_ins AFTER INSERT ON orgs BEGIN
    INSERT INTO summary_dirty (kind, id) SELECT 'org', NEW.id
        WHERE NOT EXISTS (SELECT 1 FROM summary_dirty WHERE kind = 'org' AND id = NEW.id);
END;
CREATE TRIGGER sm_orgs_upd AFTER UPDATE ON orgs
WHEN OLD.kind IS NOT NEW.kind OR OLD.registered_on IS NOT NEW.registered_on OR OLD.village IS NOT NEW.village
    OR OLD.households_driven IS NOT NEW.households_driven OR OLD.model IS NOT NEW.model
    OR OLD.founded IS NOT NEW.founded OR OLD.dissolved IS NOT NEW.dissolved BEGIN
    INSERT INTO summary_dirty (kind, id) SELECT 'org', NEW.id
        WHERE NOT EXISTS (SELECT 1 FROM summary_dirty WHERE kind = 'org' AND id = NEW.id);
END;
CREATE TRIGGER sm_orgs_del AFTER DELETE ON orgs BEGIN
    INSERT INTO summary_dirty (kind, id) SELECT 'org', OLD.id
        WHERE NOT EXISTS (SELECT 1 FROM summary_dirty WHERE kind = 'org' AND id = OLD.id);
END;
CREATE TRIGGER sm_org_villages_ins AFTER INSERT ON org_villages BEGIN
    INSERT INTO summary_dirty (kind, id) SELECT 'org', NEW.org_id
        WHERE NOT EXISTS (SELECT 1 FROM summary_dirty WHERE kind = 'org' AND id = NEW.org_id);
END;
CREATE TRIGGER sm_org_villages_del AFTER DELETE ON org_villages BEGIN
    INSERT INTO summary_dirty (kind, id) SELECT 'org', OLD.org_id
        WHERE NOT EXISTS (SELECT 1 FROM summary_dirty WHERE kind = 'org' AND id = OLD.org_id);
END;
CREATE TRIGGER sm_memberships_ins AFTER INSERT ON memberships BEGIN
    INSERT INTO summary_dirty (kind, id) SELECT 'org', NEW.org_id
        WHERE NOT EXISTS (SELECT 1 FROM summary_dirty WHERE kind = 'org' AND id = NEW.org_id);
END;
CREATE TRIGGER sm_memberships_upd AFTER UPDATE ON memberships
WHEN OLD.org_id IS NOT NEW.org_id OR OLD.person_id IS NOT NEW.person_id OR OLD.valid_from IS NOT NEW.valid_from
    OR OLD.valid_to IS NOT NEW.valid_to BEGIN
    INSERT INTO summary_dirty (kind, id) SELECT 'org', NEW.org_id
        WHERE NOT EXISTS (SELECT 1 FROM summary_dirty WHERE kind = 'org' AND id = NEW.org_id);
    INSERT INTO summary_dirty (kind, id) SELECT 'org', OLD.org_id
        WHERE NOT EXISTS (SELECT 1 FROM summary_dirty WHERE kind = 'org' AND id = OLD.org_id);
END;
CREATE TRIGGER sm_memberships_del AFTER DELETE ON memberships BEGIN
    INSERT INTO summary_dirty (kind, id) SELECT 'org', OLD.org_id
        WHERE NOT EXISTS (SELECT 1 FROM summary_dirty WHERE kind = 'org' AND id = OLD.org_id);
END;
CREATE TRIGGER sm_party_status_ins AFTER INSERT ON party_status BEGIN
    INSERT INTO summary_dirty (kind, id) SELECT 'person', NEW.person_id
        WHERE NOT EXISTS (SELECT 1 FROM summary_dirty WHERE kind = 'person' AND id = NEW.person_id);
END;
CREATE TRIGGER sm_party_status_upd AFTER UPDATE ON party_status
WHEN OLD.person_id IS NOT NEW.person_id OR OLD.status IS NOT NEW.status OR OLD.valid_from IS NOT NEW.valid_from
    OR OLD.valid_to IS NOT NEW.valid_to BEGIN
    INSERT INTO summary_dirty (kind, id) SELECT 'person', NEW.person_id
        WHERE NOT EXISTS (SELECT 1 FROM summary_dirty WHERE kind = 'person' AND id = NEW.person_id);
    INSERT INTO summary_dirty (kind, id) SELECT 'person', OLD.person_id
        WHERE NOT EXISTS (SELECT 1 FROM summary_dirty WHERE kind = 'person' AND id = OLD.person_id);
END;
CREATE TRIGGER sm_party_status_del AFTER DELETE ON party_status BEGIN
    INSERT INTO summary_dirty (kind, id) SELECT 'person', OLD.person_id
        WHERE NOT EXISTS (SELECT 1 FROM summary_dirty WHERE kind = 'person' AND id = OLD.person_id);
END;
CREATE TRIGGER sm_people_upd AFTER UPDATE ON people
WHEN OLD.talent_since IS NOT NEW.talent_since OR OLD.leader_since IS NOT NEW.leader_since OR OLD.name IS NOT NEW.name BEGIN
    INSERT INTO summary_dirty (kind, id) SELECT 'person', NEW.id
        WHERE NOT EXISTS (SELECT 1 FROM summary_dirty WHERE kind = 'person' AND id = NEW.id);
END;
CREATE TRIGGER sm_party_orgs_upd AFTER UPDATE ON party_orgs
WHEN OLD.no IS NOT NEW.no OR OLD.name IS NOT NEW.name OR OLD.form IS NOT NEW.form OR OLD.elected_on IS NOT NEW.elected_on
    OR OLD.term_years IS NOT NEW.term_years OR OLD.valid_from IS NOT NEW.valid_from OR OLD.valid_to IS NOT NEW.valid_to BEGIN
    INSERT INTO summary_dirty (kind, id) SELECT 'party_org', NEW.id
        WHERE NOT EXISTS (SELECT 1 FROM summary_dirty WHERE kind = 'party_org' AND id = NEW.id);
END;
CREATE TRIGGER sm_party_orgs_del AFTER DELETE ON party_orgs BEGIN
    INSERT INTO summary_dirty (kind, id) SELECT 'party_org', OLD.id
        WHERE NOT EXISTS (SELECT 1 FROM summary_dirty WHERE kind = 'party_org' AND id = OLD.id);
END;
CREATE TRIGGER sm_party_org_orgs_ins AFTER INSERT ON party_org_orgs BEGIN
    INSERT INTO summary_dirty (kind, id) SELECT 'party_org', NEW.party_org_id
        WHERE NOT EXISTS (SELECT 1 FROM summary_dirty WHERE kind = 'party_org' AND id = NEW.party_org_id);
    INSERT INTO summary_dirty (kind, id) SELECT 'org', NEW.org_id
        WHERE NOT EXISTS (SELECT 1 FROM summary_dirty WHERE kind = 'org' AND id = NEW.org_id);
END;
CREATE TRIGGER sm_party_org_orgs_upd AFTER UPDATE ON party_org_orgs BEGIN
    INSERT INTO summary_dirty (kind, id) SELECT 'party_org', NEW.party_org_id
        WHERE NOT EXISTS (SELECT 1 FROM summary_dirty WHERE kind = 'party_org' AND id = NEW.party_org_id);
    INSERT INTO summary_dirty (kind, id) SELECT 'party_org', OLD.party_org_id
        WHERE NOT EXISTS (SELECT 1 FROM summary_dirty WHERE kind = 'party_org' AND id = OLD.party_org_id);
    INSERT INTO summary_dirty (kind, id) SELECT 'org', OLD.org_id
        WHERE NOT EXISTS (SELECT 1 FROM summary_dirty WHERE kind = 'org' AND id = OLD.org_id);
END;
CREATE TRIGGER sm_party_org_orgs_del AFTER DELETE ON party_org_orgs BEGIN
    INSERT INTO summary_dirty (kind, id) SELECT 'party_org', OLD.party_org_id
        WHERE NOT EXISTS (SELECT 1 FROM summary_dirty WHERE kind = 'party_org' AND id = OLD.party_org_id);
    INSERT INTO summary_dirty (kind, id) SELECT 'org', OLD.org_id
        WHERE NOT EXISTS (SELECT 1 FROM summary_dirty WHERE kind = 'org' AND id = OLD.org_id);
END;
CREATE TRIGGER sm_party_org_villages_ins AFTER INSERT ON party_org_villages BEGIN
    INSERT INTO summary_dirty (kind, id) SELECT 'party_org', NEW.party_org_id
        WHERE NOT EXISTS (SELECT 1 FROM summary_dirty WHERE kind = 'party_org' AND id = NEW.party_org_id);
END;
CREATE TRIGGER sm_party_org_villages_del AFTER DELETE ON party_org_villages BEGIN
    INSERT INTO summary_dirty (kind, id) SELECT 'party_org', OLD.party_org_id
        WHERE NOT EXISTS (SELECT 1 FROM summary_dirty WHERE kind = 'party_org' AND id = OLD.party_org_id);
END;
CREATE TRIGGER sm_officers_ins AFTER INSERT ON officers BEGIN
    INSERT INTO summary_dirty (kind, id) SELECT 'party_org', NEW.party_org_id
        WHERE NOT EXISTS (SELECT 1 FROM summary_dirty WHERE kind = 'party_org' AND id = NEW.party_org_id);
END;
CREATE TRIGGER sm_officers_upd AFTER UPDATE ON officers BEGIN
    INSERT INTO summary_dirty (kind, id) SELECT 'party_org', NEW.party_org_id
        WHERE NOT EXISTS (SELECT 1 FROM summary_dirty WHERE kind = 'party_org' AND id = NEW.party_org_id);
    INSERT INTO summary_dirty (kind, id) SELECT 'party_org', OLD.party_org_id
        WHERE NOT EXISTS (SELECT 1 FROM summary_dirty WHERE kind = 'party_org' AND id = OLD.party_org_id);
END;
CREATE TRIGGER sm_officers_del AFTER DELETE ON officers BEGIN
    INSERT INTO summary_dirty (kind, id) SELECT 'party_org', OLD.party_org_id
        WHERE NOT EXISTS (SELECT 1 FROM summary_dirty WHERE kind = 'party_org' AND id = OLD.party_org_id);
END;
CREATE TRIGGER sm_dispatches_ins AFTER INSERT ON dispatches BEGIN
    INSERT INTO summary_dirty (kind, id) SELECT 'org', NEW.org_id
        WHERE NOT EXISTS (SELECT 1 FROM summary_dirty WHERE kind = 'org' AND id = NEW.org_id);
    INSERT INTO summary_dirty (kind, id) SELECT 'instructor', NEW.instructor_id
        WHERE NOT EXISTS (SELECT 1 FROM summary_dirty WHERE kind = 'instructor' AND id = NEW.instructor_id);
END;
CREATE TRIGGER sm_dispatches_upd AFTER UPDATE ON dispatches BEGIN
    INSERT INTO summary_dirty (kind, id) SELECT 'org', NEW.org_id
        WHERE NOT EXISTS (SELECT 1 FROM summary_dirty WHERE kind = 'org' AND id = NEW.org_id);
    INSERT INTO summary_dirty (kind, id) SELECT 'instructor', NEW.instructor_id
        WHERE NOT EXISTS (SELECT 1 FROM summary_dirty WHERE kind = 'instructor' AND id = NEW.instructor_id);
    INSERT INTO summary_dirty (kind, id) SELECT 'org', OLD.org_id
        WHERE NOT EXISTS (SELECT 1 FROM summary_dirty WHERE kind = 'org' AND id = OLD.org_id);
    INSERT INTO summary_dirty (kind, id) SELECT 'instructor', OLD.instructor_id
        WHERE NOT EXISTS (SELECT 1 FROM summary_dirty WHERE kind = 'instructor' AND id = OLD.instructor_id);
END;
CREATE TRIGGER sm_dispatches_del AFTER DELETE ON dispatches BEGIN
    INSERT INTO summary_dirty (kind, id) SELECT 'org', OLD.org_id
        WHERE NOT EXISTS (SELECT 1 FROM summary_dirty WHERE kind = 'org' AND id = OLD.org_id);
    INSERT INTO summary_dirty (kind, id) SELECT 'instructor', OLD.instructor_id
        WHERE NOT EXISTS (SELECT 1 FROM summary_dirty WHERE kind = 'instructor' AND id = OLD.instructor_id);
END;
CREATE TRIGGER sm_instructors_upd AFTER UPDATE ON instructors WHEN OLD.township IS NOT NEW.township BEGIN
    INSERT INTO summary_dirty (kind, id) SELECT 'instructor', NEW.id
        WHERE NOT EXISTS (SELECT 1 FROM summary_dirty WHERE kind = 'instructor' AND id = NEW.id);
END;
CREATE TRIGGER sm_instructors_del AFTER DELETE ON instructors BEGIN
    INSERT INTO summary_dirty (kind, id) SELECT 'instructor', OLD.id
        WHERE NOT EXISTS (SELECT 1 FROM summary_dirty WHERE kind = 'instructor' AND id = OLD.id);
END;
CREATE TRIGGER sm_settings_upd AFTER UPDATE ON settings WHEN OLD.value IS NOT NEW.value BEGIN
    INSERT INTO summary_dirty (kind, id) SELECT 'settings', 0
        WHERE NOT EXISTS (SELECT 1 FROM summary_dirty WHERE kind = 'settings' AND id = 0);
END;
CREATE TRIGGER sm_divisions_ins AFTER INSERT ON divisions BEGIN
    INSERT INTO summary_dirty (kind, id) SELECT 'divisions', 0
        WHERE NOT EXISTS (SELECT 1 FROM summary_dirty WHERE kind = 'divisions' AND id = 0);
END;
CREATE TRIGGER sm_divisions_upd AFTER UPDATE ON divisions BEGIN
    INSERT INTO summary_dirty (kind, id) SELECT 'divisions', 0
        WHERE NOT EXISTS (SELECT 1 FROM summary_dirty WHERE kind = 'divisions' AND id = 0);
END;
CREATE TRIGGER sm_divisions_del AFTER DELETE ON divisions BEGIN
    INSERT INTO summary_dirty (kind, id) SELECT 'divisions', 0
        WHERE NOT EXISTS (SELECT 1 FROM summary_dirty WHERE kind = 'divisions' AND id = 0);
END;

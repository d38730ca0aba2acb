-- Core registry. Dates are TEXT 'YYYY-MM-DD'; validity intervals are half-open
-- [valid_from, valid_to). Every table carries county (6 digits) for sharding.
CREATE TABLE settings (
    key     TEXT PRIMARY KEY,
    value   TEXT NOT NULL,
    name_zh TEXT NOT NULL DEFAULT '',
    name_en TEXT NOT NULL DEFAULT '',
    source  TEXT NOT NULL DEFAULT ''
);

CREATE TABLE divisions (
    code   TEXT PRIMARY KEY CHECK (length(code) = 12),
    name   TEXT NOT NULL,
    level  TEXT NOT NULL,
    county TEXT NOT NULL
);

CREATE TABLE orgs (
    id                INTEGER PRIMARY KEY,
    county            TEXT NOT NULL,
    org_no            TEXT NOT NULL UNIQUE,
    name              TEXT NOT NULL,
    kind              TEXT NOT NULL CHECK (kind IN ('cooperative', 'association', 'union')),
    registered_on     TEXT,
    credit_code       TEXT UNIQUE,
    village           TEXT NOT NULL REFERENCES divisions (code),
    industry          TEXT NOT NULL DEFAULT '',
    households_driven INTEGER NOT NULL DEFAULT 0 CHECK (households_driven >= 0),
    model             INTEGER NOT NULL DEFAULT 0,
    model_note        TEXT NOT NULL DEFAULT '',
    founded           TEXT NOT NULL,
    dissolved         TEXT,
    version           INTEGER NOT NULL DEFAULT 1,
    CHECK (dissolved IS NULL OR dissolved > founded)
);
CREATE INDEX orgs_village ON orgs (village);

CREATE TABLE org_villages (
    org_id  INTEGER NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
    village TEXT NOT NULL REFERENCES divisions (code),
    county  TEXT NOT NULL,
    PRIMARY KEY (org_id, village)
);

CREATE TABLE people (
    id           INTEGER PRIMARY KEY,
    county       TEXT NOT NULL,
    id_number    TEXT NOT NULL UNIQUE,
    name         TEXT NOT NULL,
    sex          TEXT NOT NULL CHECK (sex IN ('M', 'F')),
    birth_date   TEXT NOT NULL,
    village      TEXT,
    phone        TEXT NOT NULL DEFAULT '',
    talent_since TEXT,
    leader_since TEXT,
    version      INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE memberships (
    id         INTEGER PRIMARY KEY,
    county     TEXT NOT NULL,
    person_id  INTEGER NOT NULL REFERENCES people (id),
    org_id     INTEGER NOT NULL REFERENCES orgs (id),
    role       TEXT NOT NULL DEFAULT '',
    valid_from TEXT NOT NULL,
    valid_to   TEXT,
    version    INTEGER NOT NULL DEFAULT 1,
    UNIQUE (person_id, org_id, valid_from),
    CHECK (valid_to IS NULL OR valid_to > valid_from)
);
CREATE INDEX memberships_org ON memberships (org_id, valid_from);

CREATE TABLE party_orgs (
    id              INTEGER PRIMARY KEY,
    county          TEXT NOT NULL,
    no              TEXT NOT NULL UNIQUE,
    name            TEXT NOT NULL,
    form            TEXT NOT NULL CHECK (form IN ('village', 'township', 'department', 'branch', 'general_branch', 'committee', 'joint_branch', 'party_group')),
    joint_kind      TEXT NOT NULL DEFAULT '',
    seat            TEXT NOT NULL REFERENCES divisions (code),
    parent_id       INTEGER REFERENCES party_orgs (id),
    manager_id      INTEGER REFERENCES party_orgs (id),
    founding_method TEXT NOT NULL DEFAULT '',
    term_years      INTEGER NOT NULL DEFAULT 0,
    elected_on      TEXT,
    valid_from      TEXT NOT NULL,
    valid_to        TEXT,
    version         INTEGER NOT NULL DEFAULT 1,
    CHECK (valid_to IS NULL OR valid_to > valid_from)
);
CREATE INDEX party_orgs_seat ON party_orgs (seat);

CREATE TABLE party_org_orgs (
    party_org_id INTEGER NOT NULL REFERENCES party_orgs (id) ON DELETE CASCADE,
    org_id       INTEGER NOT NULL REFERENCES orgs (id),
    county       TEXT NOT NULL,
    valid_from   TEXT NOT NULL,
    valid_to     TEXT,
    PRIMARY KEY (party_org_id, org_id, valid_from)
);
CREATE INDEX party_org_orgs_org ON party_org_orgs (org_id);

CREATE TABLE party_org_villages (
    party_org_id INTEGER NOT NULL REFERENCES party_orgs (id) ON DELETE CASCADE,
    village      TEXT NOT NULL REFERENCES divisions (code),
    county       TEXT NOT NULL,
    PRIMARY KEY (party_org_id, village)
);

CREATE TABLE party_status (
    id                INTEGER PRIMARY KEY,
    county            TEXT NOT NULL,
    person_id         INTEGER NOT NULL REFERENCES people (id),
    status            TEXT NOT NULL CHECK (status IN ('applicant', 'activist', 'candidate', 'probationary', 'full')),
    home_party_org_id INTEGER REFERENCES party_orgs (id),
    valid_from        TEXT NOT NULL,
    valid_to          TEXT,
    UNIQUE (person_id, status, valid_from),
    CHECK (valid_to IS NULL OR valid_to > valid_from)
);
CREATE INDEX party_status_person ON party_status (person_id, valid_from);

CREATE TABLE officers (
    id           INTEGER PRIMARY KEY,
    county       TEXT NOT NULL,
    party_org_id INTEGER NOT NULL REFERENCES party_orgs (id),
    person_id    INTEGER NOT NULL REFERENCES people (id),
    role         TEXT NOT NULL CHECK (role IN ('secretary', 'deputy', 'committee', 'leader')),
    valid_from   TEXT NOT NULL,
    valid_to     TEXT,
    UNIQUE (party_org_id, person_id, role, valid_from)
);
CREATE INDEX officers_party_org ON officers (party_org_id);

CREATE TABLE departments (
    id           INTEGER PRIMARY KEY,
    county       TEXT NOT NULL,
    code         TEXT NOT NULL,
    name         TEXT NOT NULL,
    party_org_id INTEGER REFERENCES party_orgs (id),
    UNIQUE (county, code)
);

CREATE TABLE department_industries (
    county        TEXT NOT NULL,
    industry      TEXT NOT NULL,
    department_id INTEGER NOT NULL REFERENCES departments (id),
    PRIMARY KEY (county, industry)
);

CREATE TABLE instructors (
    id        INTEGER PRIMARY KEY,
    county    TEXT NOT NULL,
    person_id INTEGER NOT NULL UNIQUE REFERENCES people (id),
    township  TEXT NOT NULL,
    unit      TEXT NOT NULL DEFAULT ''
);

CREATE TABLE dispatches (
    id            INTEGER PRIMARY KEY,
    county        TEXT NOT NULL,
    instructor_id INTEGER NOT NULL REFERENCES instructors (id),
    org_id        INTEGER NOT NULL REFERENCES orgs (id),
    valid_from    TEXT NOT NULL,
    valid_to      TEXT,
    UNIQUE (instructor_id, org_id, valid_from),
    CHECK (valid_to IS NULL OR valid_to > valid_from)
);
CREATE INDEX dispatches_org ON dispatches (org_id);

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

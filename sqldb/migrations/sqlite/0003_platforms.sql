-- The platforms: assistance (包村联户, 结对帮扶), funding (党员农贷), training and
-- institutions (meetings, linked households, commitments). Dates are TEXT
-- 'YYYY-MM-DD'; money is integer fen; every table carries county (6 digits).
CREATE TABLE units (
    id         INTEGER PRIMARY KEY,
    county     TEXT NOT NULL,
    code       TEXT NOT NULL UNIQUE,
    name       TEXT NOT NULL,
    township   TEXT NOT NULL DEFAULT '',
    department TEXT NOT NULL DEFAULT ''
);

CREATE TABLE unit_pairings (
    id         INTEGER PRIMARY KEY,
    county     TEXT NOT NULL,
    unit_id    INTEGER NOT NULL REFERENCES units (id),
    org_id     INTEGER REFERENCES orgs (id),
    village    TEXT REFERENCES divisions (code),
    target     TEXT NOT NULL,
    note       TEXT NOT NULL DEFAULT '',
    valid_from TEXT NOT NULL,
    valid_to   TEXT,
    UNIQUE (unit_id, target, valid_from),
    CHECK ((org_id IS NULL) <> (village IS NULL)),
    CHECK (valid_to IS NULL OR valid_to > valid_from)
);
CREATE INDEX unit_pairings_org ON unit_pairings (org_id);
CREATE INDEX unit_pairings_village ON unit_pairings (village);

CREATE TABLE households (
    id              INTEGER PRIMARY KEY,
    county          TEXT NOT NULL,
    no              TEXT NOT NULL UNIQUE,
    head            TEXT NOT NULL,
    village         TEXT NOT NULL REFERENCES divisions (code),
    size            INTEGER NOT NULL CHECK (size >= 1),
    poverty         TEXT NOT NULL CHECK (poverty IN ('registered', 'low_income', 'none')),
    left_poverty_on TEXT,
    people_out      INTEGER NOT NULL DEFAULT 0 CHECK (people_out >= 0 AND people_out <= size)
);
CREATE INDEX households_village ON households (village);

CREATE TABLE household_pairings (
    id           INTEGER PRIMARY KEY,
    county       TEXT NOT NULL,
    person_id    INTEGER NOT NULL REFERENCES people (id),
    household_id INTEGER NOT NULL REFERENCES households (id),
    org_id       INTEGER REFERENCES orgs (id),
    help         TEXT NOT NULL DEFAULT '',
    valid_from   TEXT NOT NULL,
    valid_to     TEXT,
    UNIQUE (person_id, household_id, valid_from),
    CHECK (valid_to IS NULL OR valid_to > valid_from)
);
CREATE INDEX household_pairings_household ON household_pairings (household_id);

CREATE TABLE guarantors (
    id        INTEGER PRIMARY KEY,
    county    TEXT NOT NULL,
    person_id INTEGER NOT NULL UNIQUE REFERENCES people (id),
    unit_id   INTEGER NOT NULL REFERENCES units (id),
    post      TEXT NOT NULL DEFAULT ''
);

-- village is where the loan counts for scopes: the org's home village, else
-- the borrower's village, else the seat of the applicant party organization.
CREATE TABLE loans (
    id                INTEGER PRIMARY KEY,
    county            TEXT NOT NULL,
    village           TEXT NOT NULL,
    no                TEXT NOT NULL UNIQUE,
    borrower_id       INTEGER REFERENCES people (id),
    party_org_id      INTEGER REFERENCES party_orgs (id),
    org_id            INTEGER REFERENCES orgs (id),
    purpose           TEXT NOT NULL DEFAULT '',
    for_cooperative   INTEGER NOT NULL DEFAULT 0,
    lender            TEXT NOT NULL DEFAULT '',
    amount_fen        INTEGER NOT NULL CHECK (amount_fen > 0),
    rate_ppm          INTEGER NOT NULL CHECK (rate_ppm >= 0),
    term_months       INTEGER NOT NULL CHECK (term_months >= 1),
    applied_on        TEXT NOT NULL,
    approved_on       TEXT,
    rejected_on       TEXT,
    disbursed_on      TEXT,
    due_on            TEXT,
    households_driven INTEGER NOT NULL DEFAULT 0 CHECK (households_driven >= 0),
    note              TEXT NOT NULL DEFAULT '',
    version           INTEGER NOT NULL DEFAULT 1,
    CHECK ((borrower_id IS NULL) <> (party_org_id IS NULL))
);
CREATE INDEX loans_village ON loans (village);
CREATE INDEX loans_borrower ON loans (borrower_id);
CREATE INDEX loans_org ON loans (org_id);

CREATE TABLE loan_repayments (
    id            INTEGER PRIMARY KEY,
    county        TEXT NOT NULL,
    loan_id       INTEGER NOT NULL REFERENCES loans (id) ON DELETE CASCADE,
    paid_on       TEXT NOT NULL,
    principal_fen INTEGER NOT NULL DEFAULT 0 CHECK (principal_fen >= 0),
    interest_fen  INTEGER NOT NULL DEFAULT 0 CHECK (interest_fen >= 0),
    UNIQUE (loan_id, paid_on)
);

CREATE TABLE loan_guarantees (
    loan_id      INTEGER NOT NULL REFERENCES loans (id) ON DELETE CASCADE,
    guarantor_id INTEGER NOT NULL REFERENCES guarantors (id),
    county       TEXT NOT NULL,
    amount_fen   INTEGER NOT NULL CHECK (amount_fen > 0),
    PRIMARY KEY (loan_id, guarantor_id)
);
CREATE INDEX loan_guarantees_guarantor ON loan_guarantees (guarantor_id);

CREATE TABLE loan_fee_subsidies (
    id         INTEGER PRIMARY KEY,
    county     TEXT NOT NULL,
    loan_id    INTEGER NOT NULL REFERENCES loans (id) ON DELETE CASCADE,
    paid_on    TEXT NOT NULL,
    amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
    source     TEXT NOT NULL CHECK (source IN ('party_dues', 'finance', 'other')),
    note       TEXT NOT NULL DEFAULT '',
    UNIQUE (loan_id, paid_on, source)
);

CREATE TABLE trainings (
    id           INTEGER PRIMARY KEY,
    county       TEXT NOT NULL,
    no           TEXT NOT NULL UNIQUE,
    held_on      TEXT NOT NULL,
    topic        TEXT NOT NULL,
    organizer_id INTEGER NOT NULL REFERENCES units (id),
    industry     TEXT NOT NULL DEFAULT '',
    mode         TEXT NOT NULL CHECK (mode IN ('on_site', 'remote')),
    hours        INTEGER NOT NULL CHECK (hours >= 1),
    place        TEXT NOT NULL REFERENCES divisions (code)
);
CREATE INDEX trainings_place ON trainings (place, held_on);

CREATE TABLE training_attendances (
    training_id INTEGER NOT NULL REFERENCES trainings (id) ON DELETE CASCADE,
    person_id   INTEGER NOT NULL REFERENCES people (id),
    county      TEXT NOT NULL,
    org_id      INTEGER REFERENCES orgs (id),
    PRIMARY KEY (training_id, person_id)
);
CREATE INDEX training_attendances_person ON training_attendances (person_id);

CREATE TABLE meetings (
    id                   INTEGER PRIMARY KEY,
    county               TEXT NOT NULL,
    party_org_id         INTEGER NOT NULL REFERENCES party_orgs (id),
    kind                 TEXT NOT NULL CHECK (kind IN ('members_meeting', 'committee_meeting', 'group_meeting', 'party_lecture', 'theme_day', 'life_meeting', 'appraisal', 'joint_meeting')),
    held_on              TEXT NOT NULL,
    topic                TEXT NOT NULL,
    village_party_org_id INTEGER REFERENCES party_orgs (id),
    participants         TEXT NOT NULL DEFAULT '',
    decisions            TEXT NOT NULL DEFAULT '',
    UNIQUE (party_org_id, kind, held_on)
);

CREATE TABLE meeting_attendances (
    meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    person_id  INTEGER NOT NULL REFERENCES people (id),
    county     TEXT NOT NULL,
    PRIMARY KEY (meeting_id, person_id)
);
CREATE INDEX meeting_attendances_person ON meeting_attendances (person_id);

CREATE TABLE contact_links (
    id           INTEGER PRIMARY KEY,
    county       TEXT NOT NULL,
    person_id    INTEGER NOT NULL REFERENCES people (id),
    household_id INTEGER NOT NULL REFERENCES households (id),
    valid_from   TEXT NOT NULL,
    valid_to     TEXT,
    UNIQUE (person_id, household_id, valid_from),
    CHECK (valid_to IS NULL OR valid_to > valid_from)
);

CREATE TABLE contact_visits (
    id           INTEGER PRIMARY KEY,
    county       TEXT NOT NULL,
    person_id    INTEGER NOT NULL REFERENCES people (id),
    household_id INTEGER NOT NULL REFERENCES households (id),
    visited_on   TEXT NOT NULL,
    note         TEXT NOT NULL DEFAULT '',
    UNIQUE (person_id, household_id, visited_on)
);

CREATE TABLE commitments (
    id           INTEGER PRIMARY KEY,
    county       TEXT NOT NULL,
    person_id    INTEGER NOT NULL REFERENCES people (id),
    year         INTEGER NOT NULL,
    party_org_id INTEGER NOT NULL REFERENCES party_orgs (id),
    made_on      TEXT NOT NULL,
    content      TEXT NOT NULL,
    fulfilled_on TEXT,
    result       TEXT NOT NULL DEFAULT '' CHECK (result IN ('', 'fulfilled', 'partly', 'not')),
    evidence     TEXT NOT NULL DEFAULT '',
    UNIQUE (person_id, year)
);
CREATE INDEX commitments_party_org ON commitments (party_org_id, year);

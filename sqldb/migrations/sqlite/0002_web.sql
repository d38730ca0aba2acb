-- The web application: users, sessions, failed logins and the audit log.
-- Times are Unix seconds (INTEGER) in both dialects.
CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    county        TEXT NOT NULL DEFAULT '',
    name          TEXT NOT NULL UNIQUE,
    role          TEXT NOT NULL CHECK (role IN ('county_admin', 'township_officer', 'department_officer', 'branch_secretary', 'instructor', 'auditor')),
    scope         TEXT NOT NULL,
    subject       TEXT NOT NULL DEFAULT '',
    password_hash TEXT NOT NULL,
    disabled      INTEGER NOT NULL DEFAULT 0,
    created_at    INTEGER NOT NULL
);

CREATE TABLE sessions (
    id         TEXT PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    csrf       TEXT NOT NULL,
    lang       TEXT NOT NULL DEFAULT 'zh',
    created_at INTEGER NOT NULL,
    last_seen  INTEGER NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE login_failures (
    id        INTEGER PRIMARY KEY,
    user_name TEXT NOT NULL,
    at        INTEGER NOT NULL
);
CREATE INDEX login_failures_user ON login_failures (user_name, at);

CREATE TABLE audit_log (
    id         INTEGER PRIMARY KEY,
    county     TEXT NOT NULL DEFAULT '',
    at         INTEGER NOT NULL,
    user_name  TEXT NOT NULL,
    role       TEXT NOT NULL DEFAULT '',
    action     TEXT NOT NULL,
    entity     TEXT NOT NULL,
    entity_key TEXT NOT NULL DEFAULT '',
    division   TEXT NOT NULL DEFAULT '',
    old_value  TEXT NOT NULL DEFAULT '',
    new_value  TEXT NOT NULL DEFAULT '',
    note       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_key);

-- The audit log is append-only (issue 9; 等保 2.0 三级 security audit, kept
-- at least six months): no UPDATE ever, and a DELETE only of entries older
-- than the retention period in audit_retention (at least 184 days; default
-- ten years), which `hezuo audit purge` uses. The retention row cannot be
-- removed, so the guard cannot be lifted by deleting it.
CREATE TABLE audit_retention (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    days INTEGER NOT NULL CHECK (days >= 184)
);
INSERT INTO audit_retention (id, days) VALUES (1, 3650);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, '审计日志不可修改 / the audit log cannot be changed');
END;

CREATE TRIGGER audit_log_retention BEFORE DELETE ON audit_log
WHEN old.at > CAST(strftime('%s', 'now') AS INTEGER)
    - 86400 * COALESCE((SELECT days FROM audit_retention WHERE id = 1), 36500)
BEGIN
    SELECT RAISE(ABORT, '保留期内的审计日志不可删除 / audit entries within the retention period cannot be deleted');
END;

CREATE TRIGGER audit_retention_keep BEFORE DELETE ON audit_retention
BEGIN
    SELECT RAISE(ABORT, '审计日志保留期设置不可删除 / the audit retention setting cannot be deleted');
END;

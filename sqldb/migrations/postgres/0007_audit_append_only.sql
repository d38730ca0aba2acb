-- The audit log is append-only (issue 9; 等保 2.0 三级 security audit, kept
-- at least six months): no UPDATE or TRUNCATE ever, and a DELETE only of
-- entries older than the retention period in audit_retention (at least 184
-- days; default ten years), which `hezuo audit purge` uses. The retention
-- row cannot be removed, so the guard cannot be lifted by deleting it.
CREATE TABLE audit_retention (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    days INTEGER NOT NULL CHECK (days >= 184)
);
INSERT INTO audit_retention (id, days) VALUES (1, 3650);

CREATE FUNCTION audit_log_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        RAISE EXCEPTION '审计日志不可修改 / the audit log cannot be changed';
    END IF;
    IF TG_OP = 'TRUNCATE' THEN
        RAISE EXCEPTION '审计日志不可清空 / the audit log cannot be truncated';
    END IF;
    IF OLD.at > extract(epoch FROM now())::bigint
        - 86400 * COALESCE((SELECT days FROM audit_retention WHERE id = 1), 36500) THEN
        RAISE EXCEPTION '保留期内的审计日志不可删除 / audit entries within the retention period cannot be deleted';
    END IF;
    RETURN OLD;
END
$$;
CREATE TRIGGER audit_log_guard BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_guard();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_guard();

CREATE FUNCTION audit_retention_keep() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '审计日志保留期设置不可删除 / the audit retention setting cannot be deleted';
END
$$;
CREATE TRIGGER audit_retention_keep BEFORE DELETE OR TRUNCATE ON audit_retention
    FOR EACH STATEMENT EXECUTE FUNCTION audit_retention_keep();

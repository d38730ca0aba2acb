-- Issue 17 (fidelity of the rules to their sources).

-- general_branch_min_members (at least N full members) gives way to
-- general_branch_over_members: more than N party members, probationary
-- members included (农村基层组织工作条例 Art. 5: "党员人数超过50人的…可以成立党的
-- 总支部"). A county that changed the old value keeps its boundary (at least
-- N is more than N - 1); the old default 50 becomes the regulation's "more
-- than 50". Names and sources are written from the catalog when the
-- database is opened (sqldb/settings.go).
INSERT INTO settings (key, value)
    SELECT 'general_branch_over_members',
           CASE WHEN trim(value) = '50' THEN '50' ELSE CAST(CAST(trim(value) AS INTEGER) - 1 AS TEXT) END
    FROM settings WHERE key = 'general_branch_min_members'
    ON CONFLICT (key) DO NOTHING;
DELETE FROM settings WHERE key = 'general_branch_min_members';

-- The units of a joint branch are of similar trades (支部工作条例 Art. 5:
-- 地域相邻、行业相近); the check warns when they are not.
INSERT INTO settings (key, value) VALUES ('joint_related_industry', 'true') ON CONFLICT (key) DO NOTHING;

-- An org spanning villages of several counties has no manager until the
-- common higher organization department decides (managed_by level
-- "undecided"); the roll-ups count such orgs like the other levels.
ALTER TABLE summary_delta ADD COLUMN managed_undecided INTEGER NOT NULL DEFAULT 0;
ALTER TABLE summary_snapshot ADD COLUMN managed_undecided INTEGER NOT NULL DEFAULT 0;

-- Officers carry a committee member's duty (分工): organization (组织委员),
-- publicity (宣传委员) or discipline (纪检委员); '' for none and for the
-- other posts (issue 17).
ALTER TABLE officers ADD COLUMN duty TEXT NOT NULL DEFAULT '' CHECK (duty IN ('', 'organization', 'publicity', 'discipline'));

-- The segments' facts now hold every leading officer of the covering party
-- organizations (the rules suggest that each be a 致富能手 or 技术骨干):
-- segments built before lack them, so a database with officers rebuilds its
-- summaries (on the spot when small; `hezuo summary rebuild` otherwise,
-- figures computed directly until then).
INSERT INTO summary_dirty (kind, id) SELECT 'all', 0 WHERE EXISTS (SELECT 1 FROM officers)
    AND NOT EXISTS (SELECT 1 FROM summary_dirty WHERE kind = 'all' AND id = 0);

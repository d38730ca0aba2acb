-- Indexes for the list, check and upkeep queries at province scale (issue 7;
-- checked with EXPLAIN on the generated province, docs/ARCHITECTURE.md).
-- dispatches by instructor_id needs none: the unique index (instructor_id,
-- org_id, valid_from) of 0001 serves it.

-- People of a division scope (visiblePeople: every division role's people
-- list and person pages; a county's list drops from 0.9 s to 0.07 s).
CREATE INDEX people_village ON people (village);
-- The people list's default order (name, then id): a page, first or deep,
-- reads an index range instead of sorting the scope's people.
CREATE INDEX people_name ON people (name, id);
-- The org list sorted by name (the 组织编号 breaks ties).
CREATE INDEX orgs_name ON orgs (name, org_no);
-- Summary upkeep after a person's write: the party organizations the person
-- is an officer of (resolveDirty).
CREATE INDEX officers_person ON officers (person_id);

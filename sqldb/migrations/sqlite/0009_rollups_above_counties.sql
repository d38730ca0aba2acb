-- The roll-ups (summary_delta, summary_snapshot, summary_areas) are kept for
-- prefectures, provinces and the nation only; a county or narrower reads its
-- orgs' segments. The rows of townships and counties written before are no
-- longer read nor kept up to date: remove them.
DELETE FROM summary_delta WHERE length(area) > 4;
DELETE FROM summary_snapshot WHERE length(area) > 4;
DELETE FROM summary_areas WHERE length(area) > 4;

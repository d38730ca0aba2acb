-- A party status step whose start is a stand-in: a party member stated
-- without 入党日期 counts from the day they joined their org (or the day
-- recorded). The status is a fact, since when is not; the check page and
-- the report list such people so that the date can be filled in.
ALTER TABLE party_status ADD COLUMN from_unknown INTEGER NOT NULL DEFAULT 0;
-- Few steps are marked: the check page's list starts from them.
CREATE INDEX party_status_unknown ON party_status (person_id) WHERE from_unknown = 1;

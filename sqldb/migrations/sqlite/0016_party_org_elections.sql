-- Elections (换届) of each party organization, dated (issue 18): the term
-- rule on a day reads the latest election on or before that day, so a
-- re-election no longer rewrites the past. party_orgs.elected_on stays the
-- latest election (the writes keep the two in step); the history starts
-- with it.
CREATE TABLE party_org_elections (
    party_org_id INTEGER NOT NULL REFERENCES party_orgs (id) ON DELETE CASCADE,
    county       TEXT NOT NULL,
    elected_on   TEXT NOT NULL,
    note         TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (party_org_id, elected_on)
);
INSERT INTO party_org_elections (party_org_id, county, elected_on)
    SELECT id, county, elected_on FROM party_orgs WHERE elected_on IS NOT NULL;

-- An election changes the facts of the orgs the party organization covers.
-- summary triggers (Bulk drops and re-creates everything from this line on)
CREATE TRIGGER sm_party_org_elections_ins AFTER INSERT ON party_org_elections BEGIN
    INSERT INTO summary_dirty (kind, id) SELECT 'party_org', NEW.party_org_id
        WHERE NOT EXISTS (SELECT 1 FROM summary_dirty WHERE kind = 'party_org' AND id = NEW.party_org_id);
END;
CREATE TRIGGER sm_party_org_elections_upd AFTER UPDATE ON party_org_elections BEGIN
    INSERT INTO summary_dirty (kind, id) SELECT 'party_org', NEW.party_org_id
        WHERE NOT EXISTS (SELECT 1 FROM summary_dirty WHERE kind = 'party_org' AND id = NEW.party_org_id);
END;
CREATE TRIGGER sm_party_org_elections_del AFTER DELETE ON party_org_elections BEGIN
    INSERT INTO summary_dirty (kind, id) SELECT 'party_org', OLD.party_org_id
        WHERE NOT EXISTS (SELECT 1 FROM summary_dirty WHERE kind = 'party_org' AND id = OLD.party_org_id);
END;

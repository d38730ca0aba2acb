-- Elections (换届) of each party organization, dated (issue 18): the term
-- rule on a day reads the latest election on or before that day, so a
-- re-election no longer rewrites the past. party_orgs.elected_on stays the
-- latest election (the writes keep the two in step); the history starts
-- with it.
CREATE TABLE party_org_elections (
    party_org_id BIGINT NOT NULL REFERENCES party_orgs (id) ON DELETE CASCADE,
    county       TEXT NOT NULL,
    elected_on   DATE NOT NULL,
    note         TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (party_org_id, elected_on)
);
INSERT INTO party_org_elections (party_org_id, county, elected_on)
    SELECT id, county, elected_on FROM party_orgs WHERE elected_on IS NOT NULL;

-- An election changes the facts of the orgs the party organization covers.
-- summary triggers (Bulk drops and re-creates everything from this line on)
CREATE TRIGGER sm_party_org_elections AFTER INSERT OR UPDATE OR DELETE ON party_org_elections FOR EACH ROW
    EXECUTE FUNCTION summary_mark('party_org', 'party_org_id');

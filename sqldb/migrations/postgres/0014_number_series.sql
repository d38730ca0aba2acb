-- Numbers the system proposes for a new record whose form left its key
-- blank (组织编号, 贷款编号…, issue 18): the last number given in each
-- series (a township's orgs, a township's loans of a year…). Drawn by an
-- upsert in the write's own transaction, so two officers saving at once
-- get different numbers, and a rolled-back write gives its number back.
CREATE TABLE number_series (
    county TEXT NOT NULL,
    series TEXT NOT NULL,
    last   BIGINT NOT NULL CHECK (last > 0),
    PRIMARY KEY (county, series)
);

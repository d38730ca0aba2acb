-- Instructors by the township that dispatches them: the summaries' rebuild
-- and refresh read a township's instructors, which without this index was a
-- scan of every instructor per township (a nation's 338,000, 53,000 times).
CREATE INDEX IF NOT EXISTS instructors_township ON instructors (township);

-- The entry cohorts of the version being built (rollups that are built one cohort at a time).
SELECT DISTINCT entry_year FROM students WHERE entry_year IS NOT NULL ORDER BY entry_year

-- The key columns of a score rollup's build table (rollups/score-histogram-table, score-students-table),
-- as column definitions: the entry cohort, the dimensions a grouping set may keep (NULL = all; types as
-- keptColumns in analytics/archive/rollup-score-histogram.ts casts them) and kept — the rows of
-- score-set-keys. No parameters.
entry_year INTEGER,
academic_year INTEGER,
level VARCHAR,
college VARCHAR,
major VARCHAR,
course_nature VARCHAR,
teaching_dept VARCHAR,
kept TINYINT

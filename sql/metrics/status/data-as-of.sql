-- The as-of date of the status metrics: the latest day the archive's records speak for (the macro
-- status_data_as_of in timeline-macros.sql says how it is found). NULL for an empty archive.
SELECT as_of FROM status_data_as_of();

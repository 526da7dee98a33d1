-- The curation rule, as a clause of the curate-*.sql statements: per natural key (key), the row of the
-- latest accession wins (accession ids sort in the order received), the last row in file order breaking
-- a tie. Left out when a table has a single source accession, whose keys are already unique.
QUALIFY row_number() OVER (PARTITION BY {{key}} ORDER BY accession_id DESC, source_row DESC) = 1

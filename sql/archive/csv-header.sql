-- The header of a staged CSV, to compare with the canonical columns before anything is read.
DESCRIBE SELECT * FROM read_csv({{source}}, header = true, all_varchar = true, delim = ',', quote = '"', escape = '"');

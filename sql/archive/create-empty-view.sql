-- A curated table that no accession has filled yet: an empty view with the canonical columns.
CREATE OR REPLACE VIEW {{table}} AS SELECT {{typed_nulls}} WHERE false;

-- The students a row may refer to: those accepted from this package and those already in the archive.
SELECT DISTINCT student_id AS known_student FROM read_parquet({{files}})

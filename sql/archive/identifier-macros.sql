-- Macros for finding direct identifiers inside free text (see analytics/ingest/identifiers.ts).
-- A national ID (居民身份证号码, GB 11643-1999) is 18 characters: a region code whose first two digits
-- name a province, a birth date YYYYMMDD, a 3-digit sequence, and an ISO 7064 MOD 11-2 check character
-- (weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2; the remainder of the weighted sum selects 1 0 X 9 8 7 6
-- 5 4 3 2). All three must hold, so that diploma and certificate numbers of 18 digits are not mistaken
-- for one. A mobile number is 11 digits starting 13–19.
CREATE OR REPLACE MACRO xueji_national_id_valid(id) AS (
  regexp_full_match(id, '(1[1-5]|2[1-3]|3[1-7]|4[1-6]|5[0-4]|6[1-5]|71|8[1-3]|91)[0-9]{4}(19|20)[0-9]{6}[0-9]{3}[0-9Xx]')
  AND try_strptime(substr(id, 7, 8), '%Y%m%d') IS NOT NULL
  AND substr('10X98765432',
             CAST(list_sum([CAST(substr(id, i, 1) AS INTEGER) * [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2][i]
                            FOR i IN range(1, 18)]) % 11 + 1 AS BIGINT), 1) = upper(substr(id, 18, 1))
);

-- The value with every national ID (when at least one valid one is present) and mobile number starred out.
CREATE OR REPLACE MACRO xueji_mask_identifiers(v) AS (
  CASE
    WHEN v IS NULL OR NOT regexp_matches(v, '[0-9]{11}') THEN v
    ELSE regexp_replace(
           CASE WHEN len(list_filter(regexp_extract_all(v, '\b[0-9]{17}[0-9Xx]\b'), m -> xueji_national_id_valid(m))) > 0
                THEN regexp_replace(v, '\b[0-9]{17}[0-9Xx]\b', '******************', 'g')
                ELSE v END,
           '\b1[3-9][0-9]{9}\b', '***********', 'g')
  END
);

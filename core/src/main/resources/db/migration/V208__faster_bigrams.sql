-- parley_bigrams (V175, the inbox's substring search: GIN on parley_bigrams(messages.text)) took substr(lower(value),
-- i, 2) for every position: lower() of the whole text and a walk from its start to position i, per position —
-- quadratic in the text's length. A 900-character LLM answer cost 40 ms of database CPU to index; 5,000 such messages
-- a minute would take a core. The characters are now split once and zipped with themselves shifted by one: 3.8 ms for
-- the same text, the same as before for short ones (bench/README.md, "Message search index").
--
-- The result is the same set for every text (same lower-casing, same pairs), so the index built with the old
-- definition stays valid and is not rebuilt.
CREATE OR REPLACE FUNCTION parley_bigrams(value text) RETURNS text[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT coalesce(array_agg(DISTINCT a || b), '{}')
          FROM string_to_array(lower(value), NULL) AS c, unnest(c[1:cardinality(c) - 1], c[2:]) AS t(a, b) $$;

-- Knowledge indexing that never starves conversations (issue 14, docs/llm.md "Knowledge base", bench/README.md
-- "Knowledge indexing").
--
-- 1. Chinese/Japanese/Korean bigrams are computed by the worker (KnowledgeQuery.bigramsOf, the same rule as a
--    question's) and stored as a tsvector of those bigrams only. The generated column called parley_bigrams (a SQL
--    function over every character pair, English ones included) per chunk: 53 s of PostgreSQL CPU and ~1 M GIN
--    entries for a 5 MB handbook, in the one transaction that stored the chunks. A question's bigrams are CJK pairs,
--    so the pairs dropped here never matched anything. As a tsvector, the bigrams a chunk shares with a question are
--    counted with ts_delete (a lookup per bigram) like its words, instead of intersecting two arrays per candidate.
-- 2. A source's chunks are written in slices, each its own short transaction, under the job's generation; the
--    source's chunks_generation says which generation the search reads, and moves in one short transaction once all
--    slices are stored. So a turn keeps the old excerpts until the new ones are complete, and a job that died
--    resumes after its last committed slice. Chunks stored before this migration are generation 0, which every
--    existing source reads.
ALTER TABLE knowledge_chunks ADD COLUMN generation integer NOT NULL DEFAULT 0;
ALTER TABLE knowledge_chunks ADD COLUMN grams tsvector NOT NULL DEFAULT ''::tsvector;
-- Existing chunks keep their pairs that hold a non-ASCII character (a superset of the CJK pairs: the same matches).
UPDATE knowledge_chunks
SET grams = array_to_tsvector(ARRAY(SELECT b FROM unnest(bigrams) AS b WHERE b ~ '[^\x01-\x7f]'));
ALTER TABLE knowledge_chunks DROP COLUMN bigrams; -- and its GIN index
CREATE INDEX knowledge_chunks_grams_idx ON knowledge_chunks USING gin (grams);
ALTER TABLE knowledge_chunks DROP CONSTRAINT knowledge_chunks_tenant_id_source_id_seq_key;
ALTER TABLE knowledge_chunks ADD UNIQUE (tenant_id, source_id, generation, seq);

ALTER TABLE knowledge_sources ADD COLUMN chunks_generation integer NOT NULL DEFAULT 0;

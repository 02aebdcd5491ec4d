-- The knowledge base (issue 14 part 4, docs/llm.md "Knowledge base"): per bot sources (Q&A pairs, uploaded files,
-- web pages), cut into chunks the turn retrieves by full-text search and puts into the prompt.

-- A source. Its content stays here until it is deleted, so a re-index needs nothing from the member again:
-- qa: question + answer; file: the uploaded bytes (content) with its name and media type; url: the address
-- (fetched by the worker at each indexing). generation is bumped by every re-index: an indexing job carries the
-- generation it was made for and does nothing when the source has moved on (a stale or duplicate job).
CREATE TABLE knowledge_sources (
    tenant_id   uuid        NOT NULL,
    id          uuid        NOT NULL,
    bot_id      uuid        NOT NULL,
    kind        text        NOT NULL CHECK (kind IN ('qa', 'file', 'url')),
    title       text        NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    question    text        CHECK (length(question) <= 2000),
    answer      text        CHECK (length(answer) <= 20000),
    file_name   text        CHECK (length(file_name) <= 255),
    media_type  text,
    content     bytea,
    url         text        CHECK (length(url) <= 2048),
    size_bytes  bigint      NOT NULL DEFAULT 0,
    status      text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'indexing', 'ready', 'failed')),
    error       text        CHECK (length(error) <= 500),
    chunk_count integer     NOT NULL DEFAULT 0,
    generation  integer     NOT NULL DEFAULT 1,
    indexed_at  timestamptz,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, bot_id) REFERENCES bots (tenant_id, id) ON DELETE CASCADE,
    CHECK (kind <> 'qa' OR (question IS NOT NULL AND answer IS NOT NULL)),
    CHECK (kind <> 'file' OR content IS NOT NULL),
    CHECK (kind <> 'url' OR url IS NOT NULL)
);
CREATE INDEX knowledge_sources_bot_idx ON knowledge_sources (tenant_id, bot_id, id);
ALTER TABLE knowledge_sources ENABLE ROW LEVEL SECURITY;
ALTER TABLE knowledge_sources FORCE ROW LEVEL SECURITY;
CREATE POLICY knowledge_sources_tenant ON knowledge_sources USING (tenant_id = parley_current_tenant())
    WITH CHECK (tenant_id = parley_current_tenant());

-- A chunk: a few paragraphs (about 500-800 characters, overlapping the one before) under their heading. Found two
-- ways at once: words through a `simple` tsvector (no stemming, no stop words: it fits every language that puts
-- spaces between words), and Chinese/Japanese through character bigrams (parley_bigrams, V175), since those
-- languages have no spaces and a tsvector would index a whole sentence as one "word".
-- Embeddings: a pgvector column cannot be declared where the extension is missing (embedded PostgreSQL has none),
-- so they would live in their own table keyed by (tenant_id, chunk id), created by a migration only where
-- `vector` is installed; plain full-text is the documented mode.
CREATE TABLE knowledge_chunks (
    tenant_id uuid    NOT NULL,
    id        uuid    NOT NULL,
    source_id uuid    NOT NULL,
    bot_id    uuid    NOT NULL,
    seq       integer NOT NULL,
    heading   text,
    text      text    NOT NULL,
    words     tsvector GENERATED ALWAYS AS (to_tsvector('simple', coalesce(heading, '') || ' ' || text)) STORED,
    bigrams   text[]   GENERATED ALWAYS AS (parley_bigrams(coalesce(heading, '') || ' ' || text)) STORED,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, source_id, seq),
    FOREIGN KEY (tenant_id, source_id) REFERENCES knowledge_sources (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX knowledge_chunks_words_idx ON knowledge_chunks USING gin (words);
CREATE INDEX knowledge_chunks_bigrams_idx ON knowledge_chunks USING gin (bigrams);
CREATE INDEX knowledge_chunks_bot_idx ON knowledge_chunks (tenant_id, bot_id);
ALTER TABLE knowledge_chunks ENABLE ROW LEVEL SECURITY;
ALTER TABLE knowledge_chunks FORCE ROW LEVEL SECURITY;
CREATE POLICY knowledge_chunks_tenant ON knowledge_chunks USING (tenant_id = parley_current_tenant())
    WITH CHECK (tenant_id = parley_current_tenant());

-- A question's words are read with the simple parser too, minus English stop words ("what are the opening hours"
-- looks for opening and hours: otherwise a chunk full of "the" would rank first). Only questions are read this way;
-- chunks keep every word.
CREATE TEXT SEARCH DICTIONARY parley_question_words (TEMPLATE = pg_catalog.simple, STOPWORDS = english);
CREATE TEXT SEARCH CONFIGURATION parley_question_words (COPY = pg_catalog.simple);
ALTER TEXT SEARCH CONFIGURATION parley_question_words
    ALTER MAPPING FOR asciiword, word, asciihword, hword, hword_asciipart, hword_part WITH parley_question_words;

-- Whether and how a bot's turns use its knowledge base. No row: off.
CREATE TABLE bot_knowledge_settings (
    tenant_id  uuid        NOT NULL,
    bot_id     uuid        NOT NULL,
    enabled    boolean     NOT NULL DEFAULT false,
    top_k      integer     NOT NULL DEFAULT 4 CHECK (top_k BETWEEN 1 AND 10),
    min_score  real        NOT NULL DEFAULT 0 CHECK (min_score >= 0 AND min_score <= 1),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, bot_id),
    FOREIGN KEY (tenant_id, bot_id) REFERENCES bots (tenant_id, id) ON DELETE CASCADE
);
ALTER TABLE bot_knowledge_settings ENABLE ROW LEVEL SECURITY;
ALTER TABLE bot_knowledge_settings FORCE ROW LEVEL SECURITY;
CREATE POLICY bot_knowledge_settings_tenant ON bot_knowledge_settings USING (tenant_id = parley_current_tenant())
    WITH CHECK (tenant_id = parley_current_tenant());
-- A change reaches every worker's cached copy at once, like the bot's own configuration (V2, V120).
CREATE TRIGGER bot_knowledge_settings_config_change AFTER INSERT OR UPDATE OR DELETE ON bot_knowledge_settings
    FOR EACH ROW EXECUTE FUNCTION parley_notify_config_change();

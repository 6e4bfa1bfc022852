-- The arkisto archive: the current schema, applied whole to a new file.
--
-- A file made by an older version is brought here by the registered migrations
-- in schemas/migrations.py; every change to this file adds one there too.
-- Plain tables and `<table>_fts` full-text tables so the file reads well in
-- Datasette or any SQLite tool. Every row written by an import carries the run
-- that wrote it (`run_id`); evidence columns say where in the document a record
-- came from (block index, page, character span, quote, extractor and version).

CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY,
    started TEXT NOT NULL,
    ended TEXT,
    code_version TEXT,
    command TEXT,
    files_seen INTEGER NOT NULL DEFAULT 0,
    files_added INTEGER NOT NULL DEFAULT 0,
    files_updated INTEGER NOT NULL DEFAULT 0,
    files_unchanged INTEGER NOT NULL DEFAULT 0,
    files_failed INTEGER NOT NULL DEFAULT 0
);

-- One row per distinct content: the id is the SHA-256 of the file's bytes.
CREATE TABLE IF NOT EXISTS documents (
    id TEXT PRIMARY KEY,
    source TEXT NOT NULL,             -- the path it was read from (see document_paths for all)
    format TEXT NOT NULL,
    kind TEXT,
    kind_confidence REAL,
    language TEXT,
    date TEXT,
    title TEXT,                       -- as exported: extracted title, else the file's own
    source_title TEXT,                -- the title the reader found (Document.title)
    pages INTEGER,
    metadata TEXT NOT NULL DEFAULT '{}',  -- JSON object
    text TEXT NOT NULL,
    run_id INTEGER NOT NULL REFERENCES runs(id)
);
CREATE INDEX IF NOT EXISTS documents_date ON documents(date);
CREATE INDEX IF NOT EXISTS documents_kind ON documents(kind);

-- Every path a document was seen under; a path points at one document at a time.
CREATE TABLE IF NOT EXISTS document_paths (
    path TEXT PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    first_seen TEXT NOT NULL,
    last_seen TEXT NOT NULL,
    run_id INTEGER NOT NULL REFERENCES runs(id)
);
CREATE INDEX IF NOT EXISTS document_paths_document ON document_paths(document_id);

CREATE TABLE IF NOT EXISTS blocks (
    id INTEGER PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    block_index INTEGER NOT NULL,
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    page INTEGER,
    level INTEGER,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL,
    rows TEXT,                        -- JSON list of rows of cells, for tables
    ocr INTEGER NOT NULL DEFAULT 0,
    ocr_confidence REAL,
    run_id INTEGER NOT NULL REFERENCES runs(id),
    UNIQUE (document_id, block_index)
);

-- Normalised entities; records keep their raw forms beside the link.
CREATE TABLE IF NOT EXISTS persons (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,               -- canonical form, as first seen
    key TEXT NOT NULL UNIQUE          -- case-folded, dashes and spaces unified
);

CREATE TABLE IF NOT EXISTS organisations (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    key TEXT NOT NULL UNIQUE,         -- base forms of its words: "Keravan" -> "kerava"
    kind TEXT NOT NULL DEFAULT 'organisation'  -- place | organisation
);

-- Record tables: `position` keeps the extractor's order; `record_id` its own id.
CREATE TABLE IF NOT EXISTS meetings (
    id INTEGER PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    record_id TEXT,
    date TEXT,
    status TEXT,
    start_time TEXT,
    end_time TEXT,
    place TEXT,
    body TEXT,
    place_key TEXT,                   -- base forms, for --org matching
    body_key TEXT,
    block INTEGER, page INTEGER, span_start INTEGER, span_end INTEGER, quote TEXT,
    extractor TEXT, extractor_version TEXT, confidence REAL,
    run_id INTEGER NOT NULL REFERENCES runs(id)
);

CREATE TABLE IF NOT EXISTS attendees (
    id INTEGER PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    record_id TEXT,
    name TEXT,
    status TEXT,
    raw_name TEXT,
    organization TEXT,
    organization_raw TEXT,
    role TEXT,
    role_raw TEXT,
    deputy INTEGER NOT NULL DEFAULT 0,
    person_id INTEGER REFERENCES persons(id),
    organisation_id INTEGER REFERENCES organisations(id),
    block INTEGER, page INTEGER, span_start INTEGER, span_end INTEGER, quote TEXT,
    extractor TEXT, extractor_version TEXT, confidence REAL,
    run_id INTEGER NOT NULL REFERENCES runs(id)
);

CREATE TABLE IF NOT EXISTS decisions (
    id INTEGER PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    record_id TEXT,
    text TEXT,
    type TEXT,
    date TEXT,                        -- the meeting's date
    item_number TEXT,
    item_title TEXT,
    body TEXT,
    body_key TEXT,
    block INTEGER, page INTEGER, span_start INTEGER, span_end INTEGER, quote TEXT,
    extractor TEXT, extractor_version TEXT, confidence REAL,
    run_id INTEGER NOT NULL REFERENCES runs(id)
);

CREATE TABLE IF NOT EXISTS commitments (
    id INTEGER PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    record_id TEXT,
    text TEXT,
    due TEXT,
    due_raw TEXT,
    decision TEXT,                    -- record_id of the decision it follows from
    block INTEGER, page INTEGER, span_start INTEGER, span_end INTEGER, quote TEXT,
    extractor TEXT, extractor_version TEXT, confidence REAL,
    run_id INTEGER NOT NULL REFERENCES runs(id)
);

-- Who is to act: Commitment.actors[i] (name) beside Commitment.actors_raw[i] (raw).
CREATE TABLE IF NOT EXISTS commitment_actors (
    id INTEGER PRIMARY KEY,
    commitment_id INTEGER NOT NULL REFERENCES commitments(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT,
    raw TEXT,
    person_id INTEGER REFERENCES persons(id),
    organisation_id INTEGER REFERENCES organisations(id),
    run_id INTEGER NOT NULL REFERENCES runs(id)
);

CREATE TABLE IF NOT EXISTS dates (
    id INTEGER PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    record_id TEXT,
    text TEXT,
    value TEXT,
    type TEXT,
    start_time TEXT,
    end_time TEXT,
    weekday_mismatch INTEGER NOT NULL DEFAULT 0,
    valid INTEGER NOT NULL DEFAULT 1,
    problem TEXT,
    block INTEGER, page INTEGER, span_start INTEGER, span_end INTEGER, quote TEXT,
    extractor TEXT, extractor_version TEXT, confidence REAL,
    run_id INTEGER NOT NULL REFERENCES runs(id)
);

CREATE TABLE IF NOT EXISTS contacts (
    id INTEGER PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    record_id TEXT,
    name TEXT,
    title TEXT,
    organization TEXT,
    email TEXT,
    phone TEXT,
    person_id INTEGER REFERENCES persons(id),
    organisation_id INTEGER REFERENCES organisations(id),
    block INTEGER, page INTEGER, span_start INTEGER, span_end INTEGER, quote TEXT,
    extractor TEXT, extractor_version TEXT, confidence REAL,
    run_id INTEGER NOT NULL REFERENCES runs(id)
);

CREATE TABLE IF NOT EXISTS tables (
    id INTEGER PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    record_id TEXT,
    rows TEXT NOT NULL,               -- JSON list of rows of cells
    table_block INTEGER,              -- TableRecord.block / .page
    table_page INTEGER,
    block INTEGER, page INTEGER, span_start INTEGER, span_end INTEGER, quote TEXT,
    extractor TEXT, extractor_version TEXT, confidence REAL,
    run_id INTEGER NOT NULL REFERENCES runs(id)
);

CREATE TABLE IF NOT EXISTS errors (
    id INTEGER PRIMARY KEY,
    run_id INTEGER NOT NULL REFERENCES runs(id),
    file TEXT NOT NULL,
    stage TEXT NOT NULL,              -- read | extract | write
    reason TEXT NOT NULL,
    time TEXT NOT NULL
);

-- blocks need no index on document_id: UNIQUE (document_id, block_index) serves its lookups.
CREATE INDEX IF NOT EXISTS meetings_document ON meetings(document_id);
CREATE INDEX IF NOT EXISTS meetings_date ON meetings(date);
CREATE INDEX IF NOT EXISTS attendees_document ON attendees(document_id);
CREATE INDEX IF NOT EXISTS attendees_person ON attendees(person_id);
CREATE INDEX IF NOT EXISTS attendees_organisation ON attendees(organisation_id);
CREATE INDEX IF NOT EXISTS decisions_document ON decisions(document_id);
CREATE INDEX IF NOT EXISTS decisions_date ON decisions(date);
CREATE INDEX IF NOT EXISTS commitments_document ON commitments(document_id);
CREATE INDEX IF NOT EXISTS commitments_due ON commitments(due);
CREATE INDEX IF NOT EXISTS commitment_actors_commitment ON commitment_actors(commitment_id);
CREATE INDEX IF NOT EXISTS commitment_actors_person ON commitment_actors(person_id);
CREATE INDEX IF NOT EXISTS commitment_actors_organisation ON commitment_actors(organisation_id);
CREATE INDEX IF NOT EXISTS dates_document ON dates(document_id);
CREATE INDEX IF NOT EXISTS contacts_document ON contacts(document_id);
CREATE INDEX IF NOT EXISTS contacts_person ON contacts(person_id);
CREATE INDEX IF NOT EXISTS contacts_organisation ON contacts(organisation_id);
CREATE INDEX IF NOT EXISTS tables_document ON tables(document_id);
CREATE INDEX IF NOT EXISTS errors_run ON errors(run_id);

-- Full-text search, external-content FTS5 tables kept in step by triggers (the
-- sqlite-utils / Datasette convention). unicode61 with remove_diacritics 0 keeps
-- ä, ö and å as letters of their own, as Finnish and Swedish need; prefix
-- queries (valtionavustu*) cover inflected forms. Hook for later: a `lemmas`
-- column (NLP base forms) can be added to these tables by a migration.
-- A bulk import marks each new document's rows in fts_pending (one row per
-- table and document) before inserting them: the triggers leave those rows out,
-- and Archive.index_pending indexes them in one statement every few hundred
-- documents (an FTS5 segment per document costs twenty times more). Invariant:
-- a (table, document) pair in fts_pending has none of its rows indexed; without
-- one, all of them are. Other writers never see a difference.
CREATE TABLE IF NOT EXISTS fts_pending (
    tbl TEXT NOT NULL,
    document_id TEXT NOT NULL,
    PRIMARY KEY (tbl, document_id)
) WITHOUT ROWID;

CREATE VIRTUAL TABLE IF NOT EXISTS blocks_fts USING fts5(
    text, content="blocks", content_rowid="id", tokenize="unicode61 remove_diacritics 0");
CREATE TRIGGER IF NOT EXISTS blocks_ai AFTER INSERT ON blocks
    WHEN NOT EXISTS (SELECT 1 FROM fts_pending WHERE tbl = 'blocks' AND document_id = new.document_id) BEGIN
    INSERT INTO blocks_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER IF NOT EXISTS blocks_ad AFTER DELETE ON blocks
    WHEN NOT EXISTS (SELECT 1 FROM fts_pending WHERE tbl = 'blocks' AND document_id = old.document_id) BEGIN
    INSERT INTO blocks_fts(blocks_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER IF NOT EXISTS blocks_au AFTER UPDATE ON blocks
    WHEN NOT EXISTS (SELECT 1 FROM fts_pending WHERE tbl = 'blocks' AND document_id = old.document_id) BEGIN
    INSERT INTO blocks_fts(blocks_fts, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO blocks_fts(rowid, text) VALUES (new.id, new.text);
END;

CREATE VIRTUAL TABLE IF NOT EXISTS decisions_fts USING fts5(
    text, content="decisions", content_rowid="id", tokenize="unicode61 remove_diacritics 0");
CREATE TRIGGER IF NOT EXISTS decisions_ai AFTER INSERT ON decisions
    WHEN NOT EXISTS (SELECT 1 FROM fts_pending WHERE tbl = 'decisions' AND document_id = new.document_id) BEGIN
    INSERT INTO decisions_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER IF NOT EXISTS decisions_ad AFTER DELETE ON decisions
    WHEN NOT EXISTS (SELECT 1 FROM fts_pending WHERE tbl = 'decisions' AND document_id = old.document_id) BEGIN
    INSERT INTO decisions_fts(decisions_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER IF NOT EXISTS decisions_au AFTER UPDATE ON decisions
    WHEN NOT EXISTS (SELECT 1 FROM fts_pending WHERE tbl = 'decisions' AND document_id = old.document_id) BEGIN
    INSERT INTO decisions_fts(decisions_fts, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO decisions_fts(rowid, text) VALUES (new.id, new.text);
END;

CREATE VIRTUAL TABLE IF NOT EXISTS commitments_fts USING fts5(
    text, content="commitments", content_rowid="id", tokenize="unicode61 remove_diacritics 0");
CREATE TRIGGER IF NOT EXISTS commitments_ai AFTER INSERT ON commitments
    WHEN NOT EXISTS (SELECT 1 FROM fts_pending WHERE tbl = 'commitments' AND document_id = new.document_id) BEGIN
    INSERT INTO commitments_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER IF NOT EXISTS commitments_ad AFTER DELETE ON commitments
    WHEN NOT EXISTS (SELECT 1 FROM fts_pending WHERE tbl = 'commitments' AND document_id = old.document_id) BEGIN
    INSERT INTO commitments_fts(commitments_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER IF NOT EXISTS commitments_au AFTER UPDATE ON commitments
    WHEN NOT EXISTS (SELECT 1 FROM fts_pending WHERE tbl = 'commitments' AND document_id = old.document_id) BEGIN
    INSERT INTO commitments_fts(commitments_fts, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO commitments_fts(rowid, text) VALUES (new.id, new.text);
END;

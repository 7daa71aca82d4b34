-- version 7
-- schema.sql — marsad's database: articles, what was extracted from them
-- (figures, source and location mentions), the gazetteer and the sources.
--
-- Applied by store_open to an empty database, in one transaction, after which
-- store_open sets PRAGMA user_version to the number on the first line. Later
-- versions keep this file as the full current schema and add a forward step
-- to the migration list in db/store.c.
--
-- Conventions:
--   * Spans ("start", "end") count Unicode code points into articles.body,
--     end exclusive.
--   * The n_* columns are counts kept so lists can sort by them without
--     aggregating. The article's own are written with it (its document says
--     them); the sources' and locations' are kept by the triggers at the end
--     of this file, like every other count, in the transaction that changes
--     the rows they count:
--       articles.n_figures   figures of the article
--       articles.n_locations distinct locations mentioned in it
--       articles.n_sources   distinct sources mentioned in it (any role)
--       sources.n_mentions   its mentions, all articles
--       sources.n_figures    figures it claims (figures.claimant_id)
--       sources.n_articles   distinct articles that mention it (any role)
--       locations.n_mentions its mentions, all articles
--   * The enumerations checked here are the ones the list filters offer
--     (db/store_read.c); change both together.
--   * Parent links (sources.parent_id, locations.parent_id) are deferred
--     foreign keys so a batch may name a parent before inserting it.

-- A counter bumped by every write transaction; store_data_version reads it,
-- so any connection sees every other connection's writes.
CREATE TABLE meta (
    key   TEXT PRIMARY KEY NOT NULL,
    value INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO meta (key, value) VALUES ('generation', 0);

CREATE TABLE sources (
    id          TEXT PRIMARY KEY NOT NULL,
    name        TEXT NOT NULL,
    name_en     TEXT,
    kind        TEXT NOT NULL CHECK (kind IN ('outlet', 'armed_group', 'military', 'government',
                    'agency', 'ngo', 'un', 'civil_defence', 'activists', 'anonymous', 'person',
                    'role', 'other')),
    affiliation TEXT NOT NULL DEFAULT 'unknown'
                    CHECK (affiliation IN ('government', 'opposition', 'independent', 'unknown')),
    parent_id   TEXT REFERENCES sources (id) DEFERRABLE INITIALLY DEFERRED,
    n_mentions  INTEGER NOT NULL DEFAULT 0,
    n_figures   INTEGER NOT NULL DEFAULT 0,
    n_articles  INTEGER NOT NULL DEFAULT 0,
    -- the rowid of its row in sources_fts (added in version 3; see doc_no)
    fts_no      INTEGER
);
CREATE UNIQUE INDEX sources_fts_no ON sources (fts_no);
CREATE INDEX sources_kind ON sources (kind, id);
CREATE INDEX sources_affiliation ON sources (affiliation, id);
CREATE INDEX sources_parent ON sources (parent_id);
CREATE INDEX sources_name ON sources (name, id);
CREATE INDEX sources_n_mentions ON sources (n_mentions, id);
CREATE INDEX sources_n_figures ON sources (n_figures, id);

CREATE TABLE locations (
    id          TEXT PRIMARY KEY NOT NULL,
    name        TEXT NOT NULL,
    name_en     TEXT,
    kind        TEXT NOT NULL CHECK (kind IN ('country', 'governorate', 'district', 'city',
                    'town', 'village', 'neighbourhood', 'military_site', 'hill', 'road',
                    'facility', 'region')),
    parent_id   TEXT REFERENCES locations (id) DEFERRABLE INITIALLY DEFERRED,
    lat         REAL CHECK (lat IS NULL OR lat BETWEEN -90 AND 90),
    lon         REAL CHECK (lon IS NULL OR lon BETWEEN -180 AND 180),
    approximate INTEGER NOT NULL DEFAULT 0 CHECK (approximate IN (0, 1)),
    n_mentions  INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX locations_kind ON locations (kind, id);
CREATE INDEX locations_parent ON locations (parent_id);
CREATE INDEX locations_latlon ON locations (lat, lon);
CREATE INDEX locations_name ON locations (name, id);
CREATE INDEX locations_name_en ON locations (name_en, id);
CREATE INDEX locations_n_mentions ON locations (n_mentions, id);

-- doc_no is the full-text index's rowid. It is a column of its own, not the
-- table's implicit rowid, because VACUUM may renumber implicit rowids of a
-- table whose primary key is not an INTEGER PRIMARY KEY, which would detach
-- an external-content FTS index from its rows.
CREATE TABLE articles (
    id           TEXT PRIMARY KEY NOT NULL,
    doc_no       INTEGER NOT NULL UNIQUE,
    title        TEXT,
    body         TEXT NOT NULL,
    outlet_id    TEXT REFERENCES sources (id),
    url          TEXT,
    published_at TEXT,
    language     TEXT,
    content_hash TEXT,
    origin       TEXT,
    imported_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    n_chars      INTEGER NOT NULL DEFAULT 0,
    n_figures    INTEGER NOT NULL DEFAULT 0,
    n_locations  INTEGER NOT NULL DEFAULT 0,
    n_sources    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX articles_outlet ON articles (outlet_id, id);
CREATE INDEX articles_title ON articles (title, id);
CREATE INDEX articles_published_at ON articles (published_at, id);
CREATE INDEX articles_n_figures ON articles (n_figures, id);

-- External content: the text lives once, in articles; the store writes the
-- index rows itself (no triggers) in the same transaction as the article.
-- marsad_ar is the store's own tokenizer (db/fts_arabic.h), registered on
-- every connection store_open opens: Arabic folded, proclitics stripped,
-- words stemmed (version 3; version 2 used unicode61).
CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, body,
    content = 'articles', content_rowid = 'doc_no',
    tokenize = 'marsad_ar'
);

-- Sources by name, for /v1/search: external content too, kept in step by
-- the store's upserts.
CREATE VIRTUAL TABLE sources_fts USING fts5 (
    name, name_en,
    content = 'sources', content_rowid = 'fts_no',
    tokenize = 'marsad_ar'
);

CREATE TABLE source_mentions (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    source_id  TEXT NOT NULL REFERENCES sources (id),
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    text       TEXT,
    role       TEXT NOT NULL DEFAULT 'mentioned' CHECK (role IN ('outlet', 'speaker', 'mentioned')),
    CHECK (start >= 0 AND start <= "end")
);
CREATE INDEX source_mentions_article ON source_mentions (article_id, start);
CREATE INDEX source_mentions_source ON source_mentions (source_id, article_id);

CREATE TABLE location_mentions (
    article_id  TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    location_id TEXT NOT NULL REFERENCES locations (id),
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    text        TEXT,
    CHECK (start >= 0 AND start <= "end")
);
CREATE INDEX location_mentions_article ON location_mentions (article_id, start);
CREATE INDEX location_mentions_location ON location_mentions (location_id, article_id);

-- id is article_id || '-f' || ordinal; ordinal is 1-based in text order.
-- Lists order by (article_id, ordinal), never by the text id, so f10 comes
-- after f9.
CREATE TABLE figures (
    id               TEXT PRIMARY KEY NOT NULL,
    article_id       TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    ordinal          INTEGER NOT NULL CHECK (ordinal >= 1),
    value            REAL,
    value_max        REAL,
    qualifier        TEXT NOT NULL CHECK (qualifier IN ('exact', 'more_than', 'at_least', 'about',
                         'up_to', 'less_than', 'range', 'tens', 'hundreds', 'thousands', 'some')),
    type             TEXT NOT NULL CHECK (type IN ('killed', 'injured', 'casualties', 'suffocated',
                         'captured', 'displaced', 'evacuated', 'trapped', 'destroyed', 'seized',
                         'fired', 'airstrikes', 'count')),
    object           TEXT,
    subject_category TEXT CHECK (subject_category IS NULL OR subject_category IN
                         ('combatants', 'civilians', 'people', 'materiel', 'munitions')),
    subject_side     TEXT CHECK (subject_side IS NULL OR subject_side IN
                         ('government', 'opposition', 'unknown')),
    claimant_id      TEXT REFERENCES sources (id),
    stance           TEXT NOT NULL DEFAULT 'claimed' CHECK (stance IN ('claimed', 'denied')),
    location_id      TEXT REFERENCES locations (id),
    start            INTEGER NOT NULL,
    "end"            INTEGER NOT NULL,
    span_text        TEXT,
    quote_start      INTEGER,
    quote_end        INTEGER,
    quote            TEXT,
    -- the governorate the figure is about (its place's, else the document's
    -- main one): what /v1/figures/compare groups by (added in version 2)
    area_id          TEXT REFERENCES locations (id),
    -- the rowid of its row in figures_fts (added in version 3; see doc_no)
    fts_no           INTEGER,
    -- the month its article was published (YYYY-MM, NULL when undated), the
    -- period /v1/figures/compare groups by (added in version 4)
    period           TEXT,
    -- the figure of the same article this one breaks down ("بينهم 5 أطفال")
    -- and the earlier toll it updates ("ارتفعت الحصيلة إلى 23"): figure ids,
    -- NULL for none (added in version 6)
    part_of          TEXT,
    supersedes       TEXT,
    -- the event date read from the text (ISO days, start <= end) and how
    -- precise it is, NULL when the text gives none; what did it (airstrike,
    -- shelling, ...), NULL when unnamed (added in version 6)
    date_start       TEXT,
    date_end         TEXT,
    date_precision   TEXT CHECK (date_precision IS NULL OR date_precision IN
                         ('day', 'week', 'month', 'year', 'span')),
    cause            TEXT,
    UNIQUE (article_id, ordinal),
    CHECK (start >= 0 AND start <= "end"),
    CHECK (quote_start IS NULL OR quote_end IS NULL OR quote_start <= quote_end)
);
CREATE INDEX figures_type ON figures (type, article_id);
CREATE INDEX figures_qualifier ON figures (qualifier);
CREATE INDEX figures_claimant ON figures (claimant_id);
-- Covering: a place's figures by location (figures?location=) and, for a
-- place below governorate level, compare's sums of them read from the
-- index alone, not from each figure's row (version 5; was location_id).
CREATE INDEX figures_location ON figures (location_id, type, subject_category, subject_side,
                                          area_id, period, object, claimant_id, value, value_max);
CREATE INDEX figures_stance ON figures (stance);
CREATE INDEX figures_subject_side ON figures (subject_side);
CREATE INDEX figures_subject_category ON figures (subject_category);
CREATE INDEX figures_value ON figures (value, article_id, ordinal);
-- One type by value (type=killed&sort=-value): a range, not a sort of
-- every figure of the type (added in version 4).
CREATE INDEX figures_type_value ON figures (type, value, article_id, ordinal);
-- A compare group's claims in value order (unknown values last); also how
-- claim_cells finds a cell's figures again.
CREATE INDEX figures_group ON figures (type, subject_category, subject_side, area_id, period,
                                       value IS NULL, value);
CREATE UNIQUE INDEX figures_fts_no ON figures (fts_no);

-- Figures by the sentence they come from (quote), for /v1/search.
CREATE VIRTUAL TABLE figures_fts USING fts5 (
    quote,
    content = 'figures', content_rowid = 'fts_no',
    tokenize = 'marsad_ar'
);

-- /v1/figures/compare without reading every figure: one row per compare
-- group key and claimant, with that claimant's number of figures in the
-- group and its headline (its largest value). '' stands for NULL in the key
-- (a primary key compares NULLs as distinct); claimant '' is "nobody named".
-- Kept by the triggers below, so every write path keeps it in step. The
-- group key is the one store_compare.c documents: object only for materiel
-- and munitions.
CREATE TABLE claim_cells (
    type        TEXT NOT NULL,
    category    TEXT NOT NULL,
    side        TEXT NOT NULL,
    area_id     TEXT NOT NULL,
    period      TEXT NOT NULL,
    object      TEXT NOT NULL,
    claimant_id TEXT NOT NULL,
    n           INTEGER NOT NULL CHECK (n >= 0),
    headline    REAL,
    PRIMARY KEY (type, category, side, area_id, period, object, claimant_id)
) WITHOUT ROWID;
CREATE INDEX claim_cells_area ON claim_cells (area_id);

CREATE TRIGGER figures_cell_add AFTER INSERT ON figures
WHEN NEW.type <> 'count' AND NEW.subject_category IS NOT NULL
BEGIN
    INSERT INTO claim_cells VALUES (NEW.type, NEW.subject_category,
        coalesce(NEW.subject_side, ''), coalesce(NEW.area_id, ''), coalesce(NEW.period, ''),
        CASE WHEN NEW.subject_category IN ('materiel', 'munitions')
             THEN coalesce(NEW.object, '') ELSE '' END,
        coalesce(NEW.claimant_id, ''), 1, coalesce(NEW.value_max, NEW.value))
    ON CONFLICT DO UPDATE SET n = n + 1,
        headline = CASE WHEN headline IS NULL OR excluded.headline > headline
                        THEN coalesce(excluded.headline, headline) ELSE headline END;
END;

-- The headline is recounted only when the figure that goes could have been
-- it; a cell with no figure left goes too.
CREATE TRIGGER figures_cell_remove AFTER DELETE ON figures
WHEN OLD.type <> 'count' AND OLD.subject_category IS NOT NULL
BEGIN
    UPDATE claim_cells SET n = n - 1,
        headline = CASE WHEN coalesce(OLD.value_max, OLD.value) < headline THEN headline
            ELSE (SELECT max(coalesce(f.value_max, f.value)) FROM figures f
                  WHERE f.type = OLD.type AND f.subject_category = OLD.subject_category
                  AND f.subject_side IS OLD.subject_side AND f.area_id IS OLD.area_id
                  AND f.period IS OLD.period AND f.claimant_id IS OLD.claimant_id
                  AND (OLD.subject_category NOT IN ('materiel', 'munitions')
                       OR f.object IS OLD.object)) END
    WHERE type = OLD.type AND category = OLD.subject_category
      AND side = coalesce(OLD.subject_side, '') AND area_id = coalesce(OLD.area_id, '')
      AND period = coalesce(OLD.period, '')
      AND object = CASE WHEN OLD.subject_category IN ('materiel', 'munitions')
                        THEN coalesce(OLD.object, '') ELSE '' END
      AND claimant_id = coalesce(OLD.claimant_id, '');
    DELETE FROM claim_cells
    WHERE type = OLD.type AND category = OLD.subject_category
      AND side = coalesce(OLD.subject_side, '') AND area_id = coalesce(OLD.area_id, '')
      AND period = coalesce(OLD.period, '')
      AND object = CASE WHEN OLD.subject_category IN ('materiel', 'munitions')
                        THEN coalesce(OLD.object, '') ELSE '' END
      AND claimant_id = coalesce(OLD.claimant_id, '') AND n = 0;
END;

-- Rows of each listed table, kept by triggers: an unfiltered list's total
-- and /v1/meta's counts then cost the same at any size (added in version 4).
CREATE TABLE row_counts (
    name TEXT PRIMARY KEY NOT NULL,
    n    INTEGER NOT NULL CHECK (n >= 0)
) WITHOUT ROWID;
INSERT INTO row_counts (name, n) VALUES ('articles', 0), ('figures', 0), ('sources', 0),
    ('locations', 0);
CREATE TRIGGER articles_count_add AFTER INSERT ON articles
BEGIN
    UPDATE row_counts SET n = n + 1 WHERE name = 'articles';
END;
CREATE TRIGGER articles_count_remove AFTER DELETE ON articles
BEGIN
    UPDATE row_counts SET n = n - 1 WHERE name = 'articles';
END;
CREATE TRIGGER figures_count_add AFTER INSERT ON figures
BEGIN
    UPDATE row_counts SET n = n + 1 WHERE name = 'figures';
END;
CREATE TRIGGER figures_count_remove AFTER DELETE ON figures
BEGIN
    UPDATE row_counts SET n = n - 1 WHERE name = 'figures';
END;
CREATE TRIGGER sources_count_add AFTER INSERT ON sources
BEGIN
    UPDATE row_counts SET n = n + 1 WHERE name = 'sources';
END;
CREATE TRIGGER sources_count_remove AFTER DELETE ON sources
BEGIN
    UPDATE row_counts SET n = n - 1 WHERE name = 'sources';
END;
CREATE TRIGGER locations_count_add AFTER INSERT ON locations
BEGIN
    UPDATE row_counts SET n = n + 1 WHERE name = 'locations';
END;
CREATE TRIGGER locations_count_remove AFTER DELETE ON locations
BEGIN
    UPDATE row_counts SET n = n - 1 WHERE name = 'locations';
END;

-- The totals of lists filtered by one kept attribute, in row_counts under
-- the list's own query (added in version 7): 'figures?type=killed',
-- 'figures?location=aleppo' (figures placed there; a place's total sums
-- its own and those of the places inside it) and 'articles?outlet=ID'.
-- Kept by the same triggers as the rows' counts, so they cannot drift.
CREATE TRIGGER figures_kept_add AFTER INSERT ON figures
BEGIN
    INSERT INTO row_counts (name, n) VALUES ('figures?type=' || NEW.type, 1)
        ON CONFLICT (name) DO UPDATE SET n = n + 1;
    INSERT INTO row_counts (name, n) SELECT 'figures?location=' || NEW.location_id, 1
        WHERE NEW.location_id IS NOT NULL ON CONFLICT (name) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER figures_kept_remove AFTER DELETE ON figures
BEGIN
    UPDATE row_counts SET n = n - 1 WHERE name = 'figures?type=' || OLD.type;
    UPDATE row_counts SET n = n - 1 WHERE name = 'figures?location=' || OLD.location_id;
END;
CREATE TRIGGER figures_kept_move AFTER UPDATE OF type, location_id ON figures
BEGIN
    UPDATE row_counts SET n = n - 1 WHERE name = 'figures?type=' || OLD.type;
    UPDATE row_counts SET n = n - 1 WHERE name = 'figures?location=' || OLD.location_id;
    INSERT INTO row_counts (name, n) VALUES ('figures?type=' || NEW.type, 1)
        ON CONFLICT (name) DO UPDATE SET n = n + 1;
    INSERT INTO row_counts (name, n) SELECT 'figures?location=' || NEW.location_id, 1
        WHERE NEW.location_id IS NOT NULL ON CONFLICT (name) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER articles_kept_add AFTER INSERT ON articles WHEN NEW.outlet_id IS NOT NULL
BEGIN
    INSERT INTO row_counts (name, n) VALUES ('articles?outlet=' || NEW.outlet_id, 1)
        ON CONFLICT (name) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER articles_kept_remove AFTER DELETE ON articles WHEN OLD.outlet_id IS NOT NULL
BEGIN
    UPDATE row_counts SET n = n - 1 WHERE name = 'articles?outlet=' || OLD.outlet_id;
END;
-- The sources' and locations' n_* columns (since version 7; the write code
-- kept them before, by deltas). An article counts once for a source however
-- often it names it: the mention added first adds it, the last one removed
-- takes it away (source_mentions_source finds the others).
CREATE TRIGGER source_mentions_count_add AFTER INSERT ON source_mentions
BEGIN
    UPDATE sources SET n_mentions = n_mentions + 1,
        n_articles = n_articles + NOT EXISTS (SELECT 1 FROM source_mentions x
            WHERE x.source_id = NEW.source_id AND x.article_id = NEW.article_id
            AND x.rowid <> NEW.rowid)
    WHERE id = NEW.source_id;
END;
CREATE TRIGGER source_mentions_count_remove AFTER DELETE ON source_mentions
BEGIN
    UPDATE sources SET n_mentions = n_mentions - 1,
        n_articles = n_articles - NOT EXISTS (SELECT 1 FROM source_mentions x
            WHERE x.source_id = OLD.source_id AND x.article_id = OLD.article_id)
    WHERE id = OLD.source_id;
END;
CREATE TRIGGER location_mentions_count_add AFTER INSERT ON location_mentions
BEGIN
    UPDATE locations SET n_mentions = n_mentions + 1 WHERE id = NEW.location_id;
END;
CREATE TRIGGER location_mentions_count_remove AFTER DELETE ON location_mentions
BEGIN
    UPDATE locations SET n_mentions = n_mentions - 1 WHERE id = OLD.location_id;
END;
CREATE TRIGGER figures_claim_count_add AFTER INSERT ON figures WHEN NEW.claimant_id IS NOT NULL
BEGIN
    UPDATE sources SET n_figures = n_figures + 1 WHERE id = NEW.claimant_id;
END;
CREATE TRIGGER figures_claim_count_remove AFTER DELETE ON figures WHEN OLD.claimant_id IS NOT NULL
BEGIN
    UPDATE sources SET n_figures = n_figures - 1 WHERE id = OLD.claimant_id;
END;
CREATE TRIGGER articles_kept_move AFTER UPDATE OF outlet_id ON articles
BEGIN
    UPDATE row_counts SET n = n - 1 WHERE name = 'articles?outlet=' || OLD.outlet_id;
    INSERT INTO row_counts (name, n) SELECT 'articles?outlet=' || NEW.outlet_id, 1
        WHERE NEW.outlet_id IS NOT NULL ON CONFLICT (name) DO UPDATE SET n = n + 1;
END;

-- version 17
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
    fts_no      INTEGER,
    -- the bloc of its conflict it belongs to (data/blocs.tsv id, e.g.
    -- sy.government), 'independent', or NULL when unknown (added in version 7)
    bloc        TEXT
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
    -- the list of extract/place_kinds.h (camp, river and other added in version 7)
    kind        TEXT NOT NULL CHECK (kind IN ('country', 'governorate', 'district', 'city',
                    'town', 'village', 'neighbourhood', 'military_site', 'hill', 'road',
                    'facility', 'region', 'camp', 'river', 'other')),
    parent_id   TEXT REFERENCES locations (id) DEFERRABLE INITIALLY DEFERRED,
    lat         REAL CHECK (lat IS NULL OR lat BETWEEN -90 AND 90),
    lon         REAL CHECK (lon IS NULL OR lon BETWEEN -180 AND 180),
    approximate INTEGER NOT NULL DEFAULT 0 CHECK (approximate IN (0, 1)),
    n_mentions  INTEGER NOT NULL DEFAULT 0,
    -- 1 for a place of the gazetteer, 0 for one an article names by its
    -- context ("قرية X") that the gazetteer lacks: id 'u-' and a hash of the
    -- folded name, no coordinates (added in version 7)
    resolved    INTEGER NOT NULL DEFAULT 1 CHECK (resolved IN (0, 1)),
    -- the rowid of its row in locations_fts (added in version 7, see doc_no)
    fts_no      INTEGER
);
CREATE INDEX locations_kind ON locations (kind, id);
CREATE INDEX locations_parent ON locations (parent_id);
CREATE INDEX locations_latlon ON locations (lat, lon);
CREATE INDEX locations_name ON locations (name, id);
CREATE INDEX locations_name_en ON locations (name_en, id);
CREATE INDEX locations_n_mentions ON locations (n_mentions, id);
CREATE INDEX locations_resolved ON locations (resolved, id);
CREATE UNIQUE INDEX locations_fts_no ON locations (fts_no);

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
    n_sources    INTEGER NOT NULL DEFAULT 0,
    -- the reader that took it (version 7)
    format       TEXT CHECK (format IS NULL OR format IN ('txt', 'html', 'feed', 'jsonl', 'csv', 'api'))
);
CREATE INDEX articles_outlet ON articles (outlet_id, id);
CREATE INDEX articles_title ON articles (title, id);
CREATE INDEX articles_published_at ON articles (published_at, id);
-- An article's date by its id from the index alone: compare reads it for
-- every figure of a group, and in the row it lies past the body, on the
-- row's overflow pages (version 14).
CREATE INDEX articles_id_published ON articles (id, published_at);
CREATE INDEX articles_n_figures ON articles (n_figures, id);

-- Wire copies (version 7, db/store_copies.c): an article's SimHash, its four
-- 16-bit bands (each indexed: the lookup of near hashes), what orders it
-- among its copies (published_at, then doc_no: import order), and the
-- earliest article near it (copy_of; NULL: it is the original, or has no
-- copy). A table of its own, of small rows, so that finding and ordering
-- copies never reads an article's text. Articles without words have no row.
CREATE TABLE article_copies (
    article_id   TEXT PRIMARY KEY NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    simhash      INTEGER NOT NULL,
    band0        INTEGER NOT NULL,
    band1        INTEGER NOT NULL,
    band2        INTEGER NOT NULL,
    band3        INTEGER NOT NULL,
    published_at TEXT,
    doc_no       INTEGER NOT NULL,
    copy_of      TEXT
) WITHOUT ROWID;
CREATE INDEX article_copies_band0 ON article_copies (band0, simhash);
CREATE INDEX article_copies_band1 ON article_copies (band1, simhash);
CREATE INDEX article_copies_band2 ON article_copies (band2, simhash);
CREATE INDEX article_copies_band3 ON article_copies (band3, simhash);
CREATE INDEX article_copies_copy_of ON article_copies (copy_of);

-- External content: the text lives once, in articles; the store writes the
-- index rows itself (no triggers) in the same transaction as the article.
-- marsad_ar is the store's own tokenizer (db/fts_arabic.h), registered on
-- every connection store_open opens: Arabic folded, proclitics stripped,
-- words stemmed (version 3; version 2 used unicode61). The prefix indexes
-- answer a prefix query without merging every word it starts, which at
-- 100k articles took seconds: two letters (version 12) for the shortest
-- prefix a search accepts (حل*), one letter (version 14) for what the
-- tokenizer makes of it once a proclitic is stripped (وع* is also ع*,
-- الف* also ف*: see fts_arabic.h).
CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, body,
    content = 'articles', content_rowid = 'doc_no',
    tokenize = 'marsad_ar', prefix = '1 2'
);

-- Sources by name, for /v1/search: external content too, kept in step by
-- the store's upserts.
CREATE VIRTUAL TABLE sources_fts USING fts5 (
    name, name_en,
    content = 'sources', content_rowid = 'fts_no',
    tokenize = 'marsad_ar'
);

-- Locations by their Arabic and English names ("Aleppo" finds حلب), for
-- /v1/search and the locations' q: external content too (version 7).
CREATE VIRTUAL TABLE locations_fts USING fts5 (
    name, name_en,
    content = 'locations', content_rowid = 'fts_no',
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
-- An article's parties and places are read grouped, each mention in order,
-- from these alone (db/store_read.c): they hold every column that read wants,
-- in its order, so an article's hundred-odd mentions cost no look-up in the
-- table each and no sort.
-- Replacing an article deletes by them.
CREATE INDEX source_mentions_article ON source_mentions (article_id, source_id, start, "end", role,
    text);
CREATE INDEX source_mentions_source ON source_mentions (source_id, article_id);

CREATE TABLE location_mentions (
    article_id  TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    location_id TEXT NOT NULL REFERENCES locations (id),
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    text        TEXT,
    CHECK (start >= 0 AND start <= "end")
);
CREATE INDEX location_mentions_article ON location_mentions (article_id, location_id, start, "end",
    text);
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
    -- 1 when quote is a window of at most 400 code points around the figure
    -- cut from a longer sentence (quote_start, quote_end are the window's):
    -- a long sentence is never stored once per figure (added in version 7)
    quote_cut        INTEGER NOT NULL DEFAULT 0 CHECK (quote_cut IN (0, 1)),
    -- the bloc whose people or things are counted (data/blocs.tsv id) and the
    -- party the text names as the counted ones (a source id), NULL when the
    -- text does not say (added in version 10)
    subject_bloc     TEXT,
    subject_party    TEXT REFERENCES sources (id),
    UNIQUE (article_id, ordinal),
    CHECK (start >= 0 AND start <= "end"),
    CHECK (quote_start IS NULL OR quote_end IS NULL OR quote_start <= quote_end)
);
CREATE INDEX figures_type ON figures (type, article_id);
CREATE INDEX figures_qualifier ON figures (qualifier);
CREATE INDEX figures_claimant ON figures (claimant_id);
-- Covering: a place's figures by location (figures?location=) and, for a
-- place below governorate level, compare's cells of them (every column of
-- compare_keys' group key) read from the index alone, not from each
-- figure's row (version 5; subject_bloc and date_start since version 15).
CREATE INDEX figures_location ON figures (location_id, type, subject_category, subject_bloc,
                                          subject_side, area_id, date_start, period, object,
                                          claimant_id, value, value_max);
CREATE INDEX figures_stance ON figures (stance);
CREATE INDEX figures_subject_side ON figures (subject_side);
CREATE INDEX figures_subject_category ON figures (subject_category);
CREATE INDEX figures_value ON figures (value, article_id, ordinal);
-- One type by value (type=killed&sort=-value): a range, not a sort of
-- every figure of the type (added in version 4).
CREATE INDEX figures_type_value ON figures (type, value, article_id, ordinal);
CREATE UNIQUE INDEX figures_fts_no ON figures (fts_no);
-- figures?date__gte=...&date__lte=... (added in version 7)
CREATE INDEX figures_date ON figures (date_start, date_end);

-- Figures by the sentence they come from (quote), for /v1/search; with the
-- prefix indexes of articles_fts (versions 12 and 14).
CREATE VIRTUAL TABLE figures_fts USING fts5 (
    quote,
    content = 'figures', content_rowid = 'fts_no',
    tokenize = 'marsad_ar', prefix = '1 2'
);

-- /v1/figures/compare's group key, defined here once (version 7): every
-- figure of a known type and subject with its coarse group (type, subject
-- category and bloc, or its side where the bloc is unknown, area, month,
-- and the object for materiel and munitions: tanks with tanks) and
-- claimant, '' standing for NULL (a primary key compares NULLs as distinct;
-- claimant '' is "nobody named").
-- The month is the event date's, else the publication's. A figure is
-- whole unless it is a part (part_of, or the loss of one named party):
-- only whole figures can be a claimant's headline. db/store_compare.c
-- splits each coarse group into events (dates, places, causes), from the
-- figure's own columns the view passes on (version 14), so that reading a
-- group is one row per figure, not the row twice.
CREATE VIEW compare_keys AS
SELECT f.rowid AS figure_rowid, f.type AS type, f.subject_category AS category,
       coalesce(f.subject_bloc, '') AS bloc,
       CASE WHEN f.subject_bloc IS NULL THEN coalesce(f.subject_side, '') ELSE '' END AS side,
       coalesce(f.area_id, '') AS area_id,
       coalesce(substr(f.date_start, 1, 7), f.period, '') AS month,
       CASE WHEN f.subject_category IN ('materiel', 'munitions') THEN coalesce(f.object, '')
            ELSE '' END AS object,
       coalesce(f.claimant_id, '') AS claimant_id,
       f.part_of IS NULL AND f.subject_party IS NULL AS whole,
       coalesce(f.value_max, f.value) AS amount, f.location_id AS location_id,
       f.id AS id, f.article_id AS article_id, f.part_of AS part_of,
       f.supersedes AS supersedes, f.subject_party AS subject_party,
       f.date_start AS date_start, f.date_end AS date_end, f.date_precision AS date_precision,
       f.cause AS cause
FROM figures f
WHERE f.type <> 'count' AND f.subject_category IS NOT NULL;

-- compare_keys by group, claimant and amount: the view's expressions, in its
-- order (SQLite matches an expression index only to the same expression), so
-- a group's figures and a cell's recount are ranges of this index, and a
-- claimant's largest figures of a group its first entries read backwards.
-- The place last: a group's figures inside a place are told from the index
-- entry, before the figure's row is read.
CREATE INDEX figures_group ON figures (type, subject_category, coalesce(subject_bloc, ''),
    (CASE WHEN subject_bloc IS NULL THEN coalesce(subject_side, '') ELSE '' END),
    coalesce(area_id, ''), coalesce(substr(date_start, 1, 7), period, ''),
    (CASE WHEN subject_category IN ('materiel', 'munitions') THEN coalesce(object, '')
          ELSE '' END),
    coalesce(claimant_id, ''), coalesce(value_max, value), location_id)
WHERE type <> 'count' AND subject_category IS NOT NULL;

-- /v1/figures/compare without reading every figure: one row per coarse
-- group and claimant (compare_keys), with that claimant's number of figures
-- in it and its largest whole figure. Kept by the triggers below from the
-- view, so every write path keeps it in step and the key is not spelled out
-- again. period is compare_keys' month.
CREATE TABLE claim_cells (
    type        TEXT NOT NULL,
    category    TEXT NOT NULL,
    bloc        TEXT NOT NULL,
    side        TEXT NOT NULL,
    area_id     TEXT NOT NULL,
    period      TEXT NOT NULL,
    object      TEXT NOT NULL,
    claimant_id TEXT NOT NULL,
    n           INTEGER NOT NULL CHECK (n >= 0),
    headline    REAL,
    PRIMARY KEY (type, category, bloc, side, area_id, period, object, claimant_id)
) WITHOUT ROWID;
CREATE INDEX claim_cells_area ON claim_cells (area_id);

CREATE TRIGGER figures_cell_add AFTER INSERT ON figures
WHEN NEW.type <> 'count' AND NEW.subject_category IS NOT NULL
BEGIN
    INSERT INTO claim_cells
    SELECT k.type, k.category, k.bloc, k.side, k.area_id, k.month, k.object, k.claimant_id, 1,
           CASE WHEN k.whole THEN k.amount END
    FROM compare_keys k WHERE k.figure_rowid = NEW.rowid
    ON CONFLICT DO UPDATE SET n = n + 1,
        headline = CASE WHEN headline IS NULL OR excluded.headline > headline
                        THEN coalesce(excluded.headline, headline) ELSE headline END;
END;

-- Before the row goes, so the view still gives its key. The headline is
-- recounted only when the figure that goes could have been it; a cell with
-- no figure left goes too.
CREATE TRIGGER figures_cell_remove BEFORE DELETE ON figures
WHEN OLD.type <> 'count' AND OLD.subject_category IS NOT NULL
BEGIN
    UPDATE claim_cells SET n = n - 1,
        headline = CASE
            WHEN (SELECT CASE WHEN k.whole THEN k.amount END FROM compare_keys k
                  WHERE k.figure_rowid = OLD.rowid) < headline THEN headline
            ELSE (SELECT max(CASE WHEN o.whole THEN o.amount END) FROM compare_keys o
                  WHERE o.type = claim_cells.type AND o.category = claim_cells.category
                  AND o.bloc = claim_cells.bloc AND o.side = claim_cells.side
                  AND o.area_id = claim_cells.area_id
                  AND o.month = claim_cells.period AND o.object = claim_cells.object
                  AND o.claimant_id = claim_cells.claimant_id
                  AND o.figure_rowid <> OLD.rowid) END
    WHERE (type, category, bloc, side, area_id, period, object, claimant_id) =
          (SELECT k.type, k.category, k.bloc, k.side, k.area_id, k.month, k.object,
                  k.claimant_id
           FROM compare_keys k WHERE k.figure_rowid = OLD.rowid);
    DELETE FROM claim_cells WHERE n = 0
      AND (type, category, bloc, side, area_id, period, object, claimant_id) =
          (SELECT k.type, k.category, k.bloc, k.side, k.area_id, k.month, k.object,
                  k.claimant_id
           FROM compare_keys k WHERE k.figure_rowid = OLD.rowid);
END;

-- claim_cells by coarse group: its claimants and figures (version 13), kept
-- by triggers on claim_cells, so that ranking the groups of a compare not
-- filtered by claimant reads one row per group in claimant order instead of
-- grouping every cell (0.4 s at 100k reports).
CREATE TABLE claim_groups (
    type        TEXT NOT NULL,
    category    TEXT NOT NULL,
    bloc        TEXT NOT NULL,
    side        TEXT NOT NULL,
    area_id     TEXT NOT NULL,
    period      TEXT NOT NULL,
    object      TEXT NOT NULL,
    n_claimants INTEGER NOT NULL CHECK (n_claimants >= 0),
    n_figures   INTEGER NOT NULL CHECK (n_figures >= 0),
    PRIMARY KEY (type, category, bloc, side, area_id, period, object)
) WITHOUT ROWID;
CREATE INDEX claim_groups_rank ON claim_groups (n_claimants, n_figures);

-- A new cell is a new claimant of its group (a cell's figures arrive by
-- claim_cells' upsert: an UPDATE); a cell that goes takes its claimant.
CREATE TRIGGER claim_cells_group_add AFTER INSERT ON claim_cells
BEGIN
    INSERT INTO claim_groups VALUES (NEW.type, NEW.category, NEW.bloc, NEW.side, NEW.area_id,
        NEW.period, NEW.object, 1, NEW.n)
    ON CONFLICT DO UPDATE SET n_claimants = n_claimants + 1,
        n_figures = n_figures + excluded.n_figures;
END;
CREATE TRIGGER claim_cells_group_count AFTER UPDATE OF n ON claim_cells
BEGIN
    UPDATE claim_groups SET n_figures = n_figures + NEW.n - OLD.n
    WHERE (type, category, bloc, side, area_id, period, object) =
          (NEW.type, NEW.category, NEW.bloc, NEW.side, NEW.area_id, NEW.period, NEW.object);
END;
CREATE TRIGGER claim_cells_group_remove AFTER DELETE ON claim_cells
BEGIN
    UPDATE claim_groups SET n_claimants = n_claimants - 1, n_figures = n_figures - OLD.n
    WHERE (type, category, bloc, side, area_id, period, object) =
          (OLD.type, OLD.category, OLD.bloc, OLD.side, OLD.area_id, OLD.period, OLD.object);
    DELETE FROM claim_groups WHERE n_claimants = 0
      AND (type, category, bloc, side, area_id, period, object) =
          (OLD.type, OLD.category, OLD.bloc, OLD.side, OLD.area_id, OLD.period, OLD.object);
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
-- A place the gazetteer lacks exists only while an article names it: it goes
-- (out of its full-text index first) with its last mention. No figure points
-- at one (figures are placed at gazetteer places).
CREATE TRIGGER location_mentions_count_remove AFTER DELETE ON location_mentions
BEGIN
    UPDATE locations SET n_mentions = n_mentions - 1 WHERE id = OLD.location_id;
    INSERT INTO locations_fts (locations_fts, rowid, name, name_en)
        SELECT 'delete', fts_no, name, name_en FROM locations
        WHERE id = OLD.location_id AND resolved = 0 AND n_mentions = 0;
    DELETE FROM locations WHERE id = OLD.location_id AND resolved = 0 AND n_mentions = 0;
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

/* ingest.c — reading documents from disk and storing what the extractor
 * finds in them.
 *
 * Each document is one store transaction (store_put_document), so a crash
 * leaves every article either whole or as it was. Files are read with a
 * bound (INGEST_MAX_BYTES + 1) and validated before anything parses them.
 * A file that vanished from the seed folder is reported, never deleted
 * silently: the article may have been cited.
 */
#include "ingest/ingest.h"
#include "extract/fnv1a.h"
#include "ingest/formats.h"
#include "ingest/simhash.h"

#include "extract/utf8.h"

#include <dirent.h>
#include <pthread.h>
#include <sched.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

_Static_assert(SIMHASH_NEAR_BITS == STORE_COPY_MAX_BITS, "one threshold for copies");

bool ingest_valid_id(const char *id)
{
    size_t n = strlen(id);
    if (n == 0 || n > INGEST_MAX_ID || id[0] == '.')
        return false;
    for (size_t i = 0; i < n; i++) {
        char ch = id[i];
        bool ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
                  (ch >= '0' && ch <= '9') || ch == '_' || ch == '-' || ch == '.';
        if (!ok)
            return false;
    }
    return true;
}

bool ingest_valid_url(const char *url)
{
    size_t scheme = strncasecmp(url, "https://", 8) == 0  ? 8
                    : strncasecmp(url, "http://", 7) == 0 ? 7
                                                          : 0;
    if (!scheme || url[scheme] == '\0' || url[scheme] == '/')
        return false;
    for (const unsigned char *p = (const unsigned char *)url; *p; p++)
        if (*p <= ' ' || *p == 0x7f)
            return false;
    return true;
}

const char *ingest_check_text(char *buf, size_t *len, char *why, size_t whysz)
{
    if (*len > INGEST_MAX_BYTES)
        return "larger than 1 MiB";
    if (*len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) {
        memmove(buf, buf + 3, *len - 3);
        *len -= 3;
    }
    if (memchr(buf, '\0', *len))
        return "binary (NUL byte)";
    size_t where;
    if (!utf8_valid(buf, *len, &where)) {
        snprintf(why, whysz, "invalid UTF-8 at byte %zu", where);
        return why;
    }
    size_t w = text_newlines_to_lf(buf, *len); /* idempotent: no CR is left */
    *len = w;
    buf[w] = '\0';
    bool blank = true;
    for (size_t i = 0; i < w && blank; i++)
        blank = buf[i] == ' ' || buf[i] == '\n' || buf[i] == '\t' || buf[i] == '\r';
    return blank ? "empty" : NULL;
}

int ingest_sync_reference(store *db, const extract_model *m, char *err, size_t errsz)
{
    const extract_place *places;
    size_t n_places = extract_model_places(m, &places);
    const extract_source *sources;
    size_t n_sources = extract_model_sources(m, &sources);
    store_location_rec *locs = calloc(n_places ? n_places : 1, sizeof *locs);
    store_source_rec *srcs = calloc(n_sources ? n_sources : 1, sizeof *srcs);
    int rc = -1;
    if (!locs || !srcs) {
        snprintf(err, errsz, "out of memory");
        goto out;
    }
    for (size_t i = 0; i < n_places; i++)
        locs[i] = (store_location_rec){places[i].id,   places[i].name,       places[i].name_en,
                                       places[i].kind, places[i].parent_id,  places[i].lat,
                                       places[i].lon,  places[i].approximate};
    for (size_t i = 0; i < n_sources; i++)
        srcs[i] = (store_source_rec){sources[i].id,   sources[i].name,        sources[i].name_en,
                                     sources[i].kind, sources[i].affiliation, sources[i].parent_id,
                                     sources[i].bloc};
    if (store_sync_sources(db, srcs, n_sources) != STORE_OK ||
        store_sync_locations(db, locs, n_places) != STORE_OK) {
        snprintf(err, errsz, "%s", store_errmsg(db));
        goto out;
    }
    rc = 0;
out:
    free(locs);
    free(srcs);
    return rc;
}

/* Strings made for one document, freed together. */
typedef struct strpool {
    char **items;
    size_t n, cap;
} strpool;

static char *pool_keep(strpool *p, char *s)
{
    if (!s)
        return NULL;
    if (p->n == p->cap) {
        size_t cap = p->cap ? p->cap * 2 : 64;
        char **items = realloc(p->items, cap * sizeof *items);
        if (!items) {
            free(s);
            return NULL;
        }
        p->items = items;
        p->cap = cap;
    }
    return p->items[p->n++] = s;
}

static void pool_free(strpool *p)
{
    for (size_t i = 0; i < p->n; i++)
        free(p->items[i]);
    free(p->items);
}

/* The outlet a sidecar or a request names: a known source by id or name, or
 * else a new outlet source made from the name, written to *made and counted
 * in *n_made. */
static const char *resolve_outlet(const extract_model *m, const char *name, store_source_rec *made,
                                  size_t *n_made, strpool *pool)
{
    const extract_source *known = extract_model_find_source(m, name);
    if (known)
        return known->id;
    (*n_made)++;
    char id[32];
    snprintf(id, sizeof id, "outlet-%08llx",
             (unsigned long long)(fnv1a64(FNV1A64_IDS_SEED, name, strlen(name)) & 0xffffffffu));
    *made = (store_source_rec){
        pool_keep(pool, strdup(id)), name, NULL, "outlet", "unknown", NULL, NULL};
    return made->id;
}

static void hash_document(const extract_model *m, const char *body, size_t len,
                          const ingest_meta *meta, char out[40])
{
    uint64_t fp = extract_model_fingerprint(m);
    uint64_t h = fnv1a64(FNV1A64_IDS_SEED, &fp, sizeof fp);
    h = fnv1a64(h, body, len);
    const char *fields[4] = {meta ? meta->title : NULL, meta ? meta->outlet : NULL,
                             meta ? meta->url : NULL, meta ? meta->published_at : NULL};
    for (size_t i = 0; i < 4; i++) {
        h = fnv1a64(h, "\x1f", 1); /* so that moving text between fields changes the hash */
        if (fields[i])
            h = fnv1a64(h, fields[i], strlen(fields[i]));
    }
    snprintf(out, 40, "fnv1a64:%016llx", (unsigned long long)h);
}

/* The id of figure i of article id, kept in pool; NULL for no figure. */
static const char *figure_ref(strpool *pool, const char *id, size_t i)
{
    if (i == EXTRACT_NO_INDEX)
        return NULL;
    size_t size = strlen(id) + STORE_FIGURE_ID_MAX;
    char *ref = malloc(size);
    if (ref)
        store_figure_id(ref, size, id, i);
    return pool_keep(pool, ref);
}

/* One end of an event date as ISO text kept in pool; NULL when unread. */
static const char *date_ref(strpool *pool, extract_date date, int32_t packed)
{
    if (date.precision == DATE_NONE)
        return NULL;
    char *iso = malloc(11);
    if (iso)
        extract_date_iso(packed, iso);
    return pool_keep(pool, iso);
}

void ingest_unresolved_id(const char *name, char out[INGEST_UNRESOLVED_ID_SIZE])
{
    char folded[512];
    size_t n = text_normalize(name, strlen(name), folded, sizeof folded);
    snprintf(out, INGEST_UNRESOLVED_ID_SIZE, "u-%016llx",
             (unsigned long long)fnv1a64(FNV1A64_IDS_SEED, folded, n));
}

/* The places of r the gazetteer lacks, as locations (one per id, in *locs,
 * counted in *n_locs) and mentions (into men[0..n_unresolved_places)). */
static bool unresolved_places(const extract_result *r, strpool *pool, store_location_rec *locs,
                              size_t *n_locs, store_mention *men)
{
    *n_locs = 0;
    for (size_t i = 0; i < r->n_unresolved_places; i++) {
        const extract_place_mention *pm = &r->unresolved_places[i];
        char *name = pool_keep(pool, text_slice(&r->txt, pm->sp)), id[INGEST_UNRESOLVED_ID_SIZE];
        if (!name)
            return false;
        ingest_unresolved_id(name, id);
        size_t k = 0;
        while (k < *n_locs && strcmp(locs[k].id, id) != 0)
            k++;
        if (k == *n_locs) {
            const char *kept = pool_keep(pool, strdup(id));
            if (!kept)
                return false;
            locs[(*n_locs)++] = (store_location_rec){
                kept, name, NULL, pm->kind ? pm->kind : "other", NULL, NAN, NAN, false};
        }
        men[i] = (store_mention){locs[k].id, pm->sp.start, pm->sp.end, name, NULL};
    }
    return true;
}

/* A document extracted and put in the store's shapes, ready for
 * store_put_document. Made without the store, so that a folder import can
 * make the next documents on a second thread while this one is written. */
typedef struct prepared_doc {
    extract_result r;
    bool extracted; /* r holds a result to free */
    strpool pool;
    store_source_rec *srcs;
    store_mention *smen, *lmen;
    store_location_rec *ulocs;
    store_figure_rec *figs;
    char hash[40]; /* when the caller gave none */
    store_doc d;
} prepared_doc;

typedef enum prep_status { PREP_OK, PREP_UNREAD, PREP_NO_MEMORY } prep_status;

static void prepared_free(prepared_doc *p)
{
    free(p->srcs);
    free(p->smen);
    free(p->lmen);
    free(p->ulocs);
    free(p->figs);
    pool_free(&p->pool);
    if (p->extracted)
        extract_result_free(&p->r);
    *p = (prepared_doc){0};
}

/* Extract body and fill p->d; body, meta, origin and hash must outlive p.
 * PREP_UNREAD when the extractor could not read the text. Whatever the
 * answer, p is then freed by prepared_free. */
static prep_status prepare_document(const extract_model *m, const char *id, const char *body,
                                    size_t len, const ingest_meta *meta, const char *origin,
                                    const char *hash, prepared_doc *p)
{
    *p = (prepared_doc){0};
    if (!hash) {
        hash_document(m, body, len, meta, p->hash);
        hash = p->hash;
    }
    extract_result *r = &p->r;
    /* relative dates (أمس، يوم الجمعة) are read against the publication date */
    int32_t published = extract_date_parse_iso(meta ? meta->published_at : NULL);
    if (extract_document_dated(m, body, len, published, r) != 0)
        return PREP_UNREAD;
    p->extracted = true;
    strpool *pool = &p->pool;
    store_source_rec *srcs = p->srcs = calloc(r->n_sources + 1, sizeof *srcs);
    store_mention *smen = p->smen = calloc(r->n_source_mentions + 1, sizeof *smen);
    store_mention *lmen = p->lmen = calloc(r->n_places + r->n_unresolved_places + 1, sizeof *lmen);
    store_location_rec *ulocs = p->ulocs = calloc(r->n_unresolved_places + 1, sizeof *ulocs);
    store_figure_rec *figs = p->figs = calloc(r->n_figures + 1, sizeof *figs);
    size_t n_ulocs = 0;
    if (!srcs || !smen || !lmen || !ulocs || !figs ||
        !unresolved_places(r, pool, ulocs, &n_ulocs, lmen + r->n_places))
        return PREP_NO_MEMORY;
    const extract_place *places;
    extract_model_places(m, &places);

    for (size_t i = 0; i < r->n_sources; i++) {
        const extract_source *s = &r->sources[i];
        srcs[i] = (store_source_rec){s->id,          s->name,      s->name_en, s->kind,
                                     s->affiliation, s->parent_id, s->bloc};
    }
    size_t n_srcs = r->n_sources;
    for (size_t i = 0; i < r->n_source_mentions; i++) {
        const extract_source_mention *sm = &r->source_mentions[i];
        smen[i] = (store_mention){r->sources[sm->source].id, sm->sp.start, sm->sp.end,
                                  pool_keep(pool, text_slice(&r->txt, sm->sp)),
                                  source_role_name(sm->role)};
    }
    for (size_t i = 0; i < r->n_places; i++) {
        const extract_place_mention *pm = &r->places[i];
        lmen[i] = (store_mention){places[pm->place].id, pm->sp.start, pm->sp.end,
                                  pool_keep(pool, text_slice(&r->txt, pm->sp)), NULL};
    }
    for (size_t i = 0; i < r->n_figures; i++) {
        const extract_figure *f = &r->figures[i];
        bool quote_cut;
        span quote = ingest_quote_window(f, &quote_cut);
        figs[i] = (store_figure_rec){
            .value = f->value,
            .value_max = f->value_max,
            .has_value = f->has_value,
            .has_max = f->has_max,
            .qualifier = qualifier_name(f->qual),
            .type = f->type,
            .object = f->object,
            .subject_category = f->subject_category,
            .subject_side = f->subject_side,
            .subject_bloc = f->subject_bloc,
            .subject_party =
                f->subject_party == EXTRACT_NO_INDEX ? NULL : r->sources[f->subject_party].id,
            .claimant_id = f->claimant == EXTRACT_NO_INDEX ? NULL : r->sources[f->claimant].id,
            .stance = f->denied ? "denied" : "claimed",
            .location_id = f->place == EXTRACT_NO_INDEX ? NULL : places[f->place].id,
            .start = f->sp.start,
            .end = f->sp.end,
            .span_text = pool_keep(pool, text_slice(&r->txt, f->sp)),
            .quote_start = quote.start,
            .quote_end = quote.end,
            .quote = pool_keep(pool, text_slice(&r->txt, quote)),
            .quote_cut = quote_cut,
            .area_id = f->area == EXTRACT_NO_INDEX ? NULL : places[f->area].id,
            .part_of = figure_ref(pool, id, f->part_of),
            .supersedes = figure_ref(pool, id, f->supersedes),
            .date_start = date_ref(pool, f->date, f->date.start),
            .date_end = date_ref(pool, f->date, f->date.end),
            .date_precision = date_precision_name(f->date.precision),
            .cause = f->cause,
        };
    }
    const char *outlet_id = r->outlet == EXTRACT_NO_INDEX ? NULL : r->sources[r->outlet].id;
    if (meta && meta->outlet && *meta->outlet)
        outlet_id = resolve_outlet(m, meta->outlet, &srcs[n_srcs], &n_srcs, pool);

    p->d = (store_doc){
        .id = id,
        .title = meta && meta->title ? meta->title : r->title,
        .body = body,
        .outlet_id = outlet_id,
        .url = meta ? meta->url : NULL,
        .published_at = meta ? meta->published_at : NULL,
        .language = "ar",
        .content_hash = hash,
        .origin = origin,
        .format = meta ? meta->format : NULL,
        .simhash = simhash_text(body, len),
        .sources = srcs,
        .n_sources = n_srcs,
        .source_mentions = smen,
        .n_source_mentions = r->n_source_mentions,
        .locations = ulocs,
        .n_locations = n_ulocs,
        .location_mentions = lmen,
        .n_location_mentions = r->n_places + r->n_unresolved_places,
        .figures = figs,
        .n_figures = r->n_figures,
    };
    return PREP_OK;
}

/* Store a prepared document; counts it in *c (may be NULL) when stored. */
static store_status put_prepared(store *db, const prepared_doc *p, ingest_counts *c)
{
    store_status st = store_put_document(db, &p->d);
    if (st == STORE_OK && c) {
        const extract_result *r = &p->r;
        c->articles++;
        c->figures += r->n_figures;
        c->place_mentions += r->n_places + r->n_unresolved_places;
        c->source_mentions += r->n_source_mentions;
        c->truncated += r->truncated;
    }
    return st;
}

store_status ingest_document(store *db, const extract_model *m, const char *id, const char *body,
                             size_t len, const ingest_meta *meta, const char *origin,
                             const char *hash, ingest_counts *c)
{
    prepared_doc p;
    store_status st = STORE_ERR;
    if (prepare_document(m, id, body, len, meta, origin, hash, &p) == PREP_OK)
        st = put_prepared(db, &p, c);
    prepared_free(&p);
    return st;
}

/* Read at most max+1 bytes of path into a new NUL-terminated buffer. Only
 * a regular file is read: opening without O_NONBLOCK would wait forever on
 * a FIFO with no writer (and a device may never end). */
static char *read_bounded(const char *path, size_t max, size_t *len, const char **why)
{
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        *why = strerror(errno);
        return NULL;
    }
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        *why = "not a regular file";
        return NULL;
    }
    FILE *f = fdopen(fd, "rb");
    if (!f) {
        *why = strerror(errno);
        close(fd);
        return NULL;
    }
    /* sized by the file, so that a small export does not take 64 MiB */
    size_t want = st.st_size >= 0 && (size_t)st.st_size < max ? (size_t)st.st_size + 1 : max + 1;
    char *buf = malloc(want + 1);
    size_t n = buf ? fread(buf, 1, want, f) : 0;
    bool failed = !buf || ferror(f);
    fclose(f);
    if (failed) {
        free(buf);
        *why = buf ? "read error" : "out of memory";
        return NULL;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

/* Does path, links resolved, lie inside the folder root (itself resolved)?
 * A seed folder is trusted for what it holds, not for what its links point
 * at: a link to /etc/passwd must not become an article. Without a root
 * (one file named on the command line) everything is inside. */
static bool inside_root(const char *root, const char *path)
{
    if (!root)
        return true;
    char *real = realpath(path, NULL);
    if (!real)
        return false;
    size_t n = strlen(root);
    bool inside = strncmp(real, root, n) == 0 && (real[n] == '/' || (n == 1 && root[0] == '/'));
    free(real);
    return inside;
}

/* NAME.json beside NAME.txt (or NAME.html): optional strings title, outlet,
 * url, published_at, each set in meta over what was there. */
static json_t *read_sidecar(const char *doc_path, const char *folder, ingest_meta *meta, FILE *log)
{
    char path[4096];
    const char *dot = strrchr(doc_path, '.');
    size_t n = dot ? (size_t)(dot - doc_path) : strlen(doc_path);
    if (n + 6 > sizeof path)
        return NULL;
    snprintf(path, sizeof path, "%.*s.json", (int)n, doc_path);
    struct stat st;
    if (stat(path, &st) != 0)
        return NULL;
    if (!inside_root(folder, path)) {
        fprintf(log, "marsad: sidecar %s ignored: a link to outside the folder\n", path);
        return NULL;
    }
    size_t len;
    const char *why = NULL;
    char *buf = read_bounded(path, INGEST_MAX_SIDECAR, &len, &why);
    if (!buf) {
        fprintf(log, "marsad: sidecar %s ignored: %s\n", path, why);
        return NULL;
    }
    if (len > INGEST_MAX_SIDECAR) {
        fprintf(log, "marsad: sidecar %s ignored: larger than 64 KiB\n", path);
        free(buf);
        return NULL;
    }
    json_error_t jerr;
    json_t *root = json_loadb(buf, len, JSON_REJECT_DUPLICATES, &jerr);
    free(buf);
    if (!json_is_object(root)) {
        fprintf(log, "marsad: sidecar %s ignored: %s (line %d)\n", path,
                root ? "not a JSON object" : jerr.text, jerr.line);
        json_decref(root);
        return NULL;
    }
    const char *keys[4] = {"title", "outlet", "url", "published_at"};
    const char **fields[4] = {&meta->title, &meta->outlet, &meta->url, &meta->published_at};
    for (size_t i = 0; i < 4; i++) {
        json_t *v = json_object_get(root, keys[i]);
        if (json_is_string(v) && fields[i] == &meta->url && !ingest_valid_url(json_string_value(v)))
            fprintf(log, "marsad: sidecar %s: 'url' ignored (not an http or https URL)\n", path);
        else if (json_is_string(v) &&
                 utf8_count(json_string_value(v), json_string_length(v)) <= 2048)
            *fields[i] = json_string_value(v);
        else if (v && !json_is_null(v))
            fprintf(log,
                    "marsad: sidecar %s: '%s' ignored (not a string of at most 2048 characters)\n",
                    path, keys[i]);
    }
    return root; /* owns the strings in meta */
}

/* ---- Files and folders: read in order, extracted ahead, stored in order ----
 *
 * A folder import reads each file on the calling thread (the bytes, the
 * checks, the reader, the sidecar and the content hash), hands the
 * documents whose hash differs from the stored one to an extraction
 * thread, and stores them on the calling thread in the folder's order:
 * the store keeps one writer, and the extractor, a pure library over a
 * model nobody changes, runs beside it. Whatever a file's reading logs or
 * counts is held with it until it is stored, so the log reads as it would
 * from one thread. */

/* A document of a file read for import, waiting to be stored. */
typedef struct doc_job {
    char id[INGEST_MAX_ID + 32], item[48];
    char *body; /* the file's bytes, or its reader item's */
    size_t len;
    ingest_meta meta;
    json_t *sidecar; /* owns the strings of meta it set */
    char hash[40];
    size_t log_end; /* the file's held log up to here comes before it */
    bool ahead;     /* given to the extraction thread */
    bool done;      /* extracted by it (read and written under its lock) */
    prep_status prep_st;
    prepared_doc prep;
} doc_job;

/* A file read for import, with its documents and what reading it logged
 * and counted. */
typedef struct file_job {
    char path[4096];
    char *bytes;
    size_t n_bytes;
    reader_batch batch; /* a page's, feed's or export's items */
    doc_job *docs;
    size_t n_docs, n_ahead, n_ahead_left;
    bool extracting_ahead; /* an extraction thread takes its changed documents */
    char *log;             /* open_memstream's */
    size_t log_size;
    FILE *held_log;
    ingest_counts counts;               /* files, bytes, skipped */
    struct file_job *next, *next_ahead; /* the read files; the extraction queue */
} file_job;

static file_job *file_job_new(void)
{
    file_job *job = calloc(1, sizeof *job);
    if (job && !(job->held_log = open_memstream(&job->log, &job->log_size))) {
        free(job);
        job = NULL;
    }
    return job;
}

static void file_job_free(file_job *job)
{
    if (!job)
        return;
    for (size_t i = 0; i < job->n_docs; i++) {
        json_decref(job->docs[i].sidecar);
        prepared_free(&job->docs[i].prep);
    }
    free(job->docs);
    reader_batch_free(&job->batch);
    free(job->bytes);
    fclose(job->held_log);
    free(job->log);
    free(job);
}

/* Adds a document to job (whose docs has room), hashed; when an
 * extraction thread takes job's documents, it is given to it unless the
 * stored article of its id has its hash. */
static void add_doc(file_job *job, store *db, const extract_model *m, const char *id,
                    const char *item, char *body, size_t len, const ingest_meta *meta,
                    json_t *sidecar)
{
    doc_job *doc = &job->docs[job->n_docs++];
    snprintf(doc->id, sizeof doc->id, "%s", id);
    snprintf(doc->item, sizeof doc->item, "%s", item);
    doc->body = body;
    doc->len = len;
    doc->meta = *meta;
    doc->sidecar = sidecar;
    hash_document(m, body, len, meta, doc->hash);
    char stored[64];
    doc->ahead =
        job->extracting_ahead && !(store_article_hash(db, id, stored, sizeof stored) == STORE_OK &&
                                   strcmp(stored, doc->hash) == 0);
    job->n_ahead += doc->ahead;
    fflush(job->held_log);
    doc->log_end = job->log_size;
}

/* The id of an item of a feed or export named stem: its own id when valid,
 * else stem-HASH of its key or, without one, of its text. False (with the
 * reason in why) when none fits. */
static bool item_id(const char *stem, const reader_article *a, char *out, size_t outsz,
                    const char **why)
{
    if (a->id) {
        snprintf(out, outsz, "%s", a->id);
        *why = "its id must be 1 to 128 of A-Z a-z 0-9 _ - . (not starting with .)";
        return ingest_valid_id(a->id);
    }
    const char *key = a->key ? a->key : a->body;
    size_t klen = a->key ? strlen(a->key) : a->len;
    snprintf(out, outsz, "%s-%016llx", stem,
             (unsigned long long)fnv1a64(FNV1A64_IDS_SEED, key, klen));
    *why = "the file's name is too long for an item id";
    return strlen(stem) + 17 <= INGEST_MAX_ID;
}

/* The documents of a page, feed or export read into job->batch. stem is
 * the file's name without its extension; a page (one article, no key) is
 * named by it, and its sidecar is read. */
static bool read_items(file_job *job, store *db, const extract_model *m, const char *root,
                       const char *stem, ingest_format format)
{
    reader_batch *b = &job->batch;
    FILE *log = job->held_log;
    const char *path = job->path;
    for (size_t i = 0; i < b->n_skips; i++) {
        fprintf(log, "marsad: skipped %s %s\n", path, b->skips[i]);
        job->counts.skipped++;
    }
    if (b->n && !(job->docs = calloc(b->n, sizeof *job->docs)))
        return false;
    for (size_t i = 0; i < b->n; i++) {
        reader_article *a = &b->items[i];
        char id[INGEST_MAX_ID + 32], item[48] = "";
        const char *why = NULL;
        char whybuf[64];
        if (format != INGEST_FMT_HTML)
            snprintf(item, sizeof item, " item %zu", i + 1);
        if (format == INGEST_FMT_HTML)
            snprintf(id, sizeof id, "%s", stem);
        else if (!item_id(stem, a, id, sizeof id, &why)) {
            fprintf(log, "marsad: skipped %s%s: %s\n", path, item, why);
            job->counts.skipped++;
            continue;
        }
        if ((why = ingest_check_text(a->body, &a->len, whybuf, sizeof whybuf))) {
            fprintf(log, "marsad: skipped %s%s: %s\n", path, item, why);
            job->counts.skipped++;
            continue;
        }
        ingest_meta meta = {a->title, a->outlet, a->url, a->published_at, format_name(format)};
        if (meta.url && !ingest_valid_url(meta.url)) {
            fprintf(log, "marsad: %s%s: url ignored (not an http or https URL)\n", path, item);
            meta.url = NULL;
        }
        json_t *sidecar = format == INGEST_FMT_HTML ? read_sidecar(path, root, &meta, log) : NULL;
        add_doc(job, db, m, id, item, a->body, a->len, &meta, sidecar);
    }
    return true;
}

/* Read one file that formats.h names, folder/name (or the path folder when
 * name is NULL); root is the resolved folder it must lie in (NULL:
 * anywhere); extracting_ahead: an extraction thread will take its changed
 * documents. What is wrong with it is held as a line of its log and a
 * skip. NULL when out of memory. */
static file_job *read_file(store *db, const extract_model *m, const char *folder, size_t folder_len,
                           const char *name, const char *root, bool extracting_ahead)
{
    file_job *job = file_job_new();
    if (!job)
        return NULL;
    job->extracting_ahead = extracting_ahead;
    FILE *log = job->held_log;
    ingest_counts *c = &job->counts;
    const char *path = job->path;
    if (!name)
        snprintf(job->path, sizeof job->path, "%s", folder);
    else if (snprintf(job->path, sizeof job->path, "%.*s/%s", (int)folder_len, folder, name) >=
             (int)sizeof job->path) {
        fprintf(log, "marsad: skipped %s/%s: path too long\n", folder, name);
        c->skipped++;
        return job;
    }
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    char id[INGEST_MAX_ID + 8];
    ingest_format format = format_of_name(base);
    const char *dot = strrchr(base, '.');
    size_t stem = dot ? (size_t)(dot - base) : 0;
    if (format == INGEST_FMT_NONE || stem == 0 || stem > INGEST_MAX_ID) {
        fprintf(log,
                "marsad: skipped %s: not a .txt, .html, .htm, .xml, .rss, .atom, .jsonl, .ndjson "
                "or .csv file with a name of at most %d bytes\n",
                path, INGEST_MAX_ID);
        c->skipped++;
        return job;
    }
    snprintf(id, sizeof id, "%.*s", (int)stem, base);
    if (!ingest_valid_id(id)) {
        fprintf(log, "marsad: skipped %s: the name must be letters, digits, '_', '-' or '.'\n",
                path);
        c->skipped++;
        return job;
    }
    if (!inside_root(root, path)) {
        fprintf(log, "marsad: skipped %s: a link to outside the folder (or a broken one)\n", path);
        c->skipped++;
        return job;
    }
    size_t len, max = format_max_bytes(format);
    const char *why = NULL;
    char whybuf[256];
    char *body = job->bytes = read_bounded(path, max, &len, &why);
    if (body && format == INGEST_FMT_TXT) {
        why = ingest_check_text(body, &len, whybuf, sizeof whybuf);
    } else if (body && len > max) {
        snprintf(whybuf, sizeof whybuf, "larger than %zu MiB", max >> 20);
        why = whybuf;
    }
    if (body) {
        c->files++;
        c->bytes += len;
        job->n_bytes = len;
    }
    if (why) {
        fprintf(log, "marsad: skipped %s: %s\n", path, why);
        c->skipped++;
        return job;
    }
    if (format == INGEST_FMT_TXT) {
        ingest_meta meta = {.format = "txt"};
        if (!(job->docs = calloc(1, sizeof *job->docs))) {
            file_job_free(job);
            return NULL;
        }
        json_t *sidecar = read_sidecar(path, root, &meta, log);
        add_doc(job, db, m, id, "", body, len, &meta, sidecar);
    } else if (format_read(format, body, len, &job->batch, whybuf, sizeof whybuf) != 0) {
        fprintf(log, "marsad: skipped %s: %s\n", path, whybuf);
        c->skipped++;
    } else if (!read_items(job, db, m, root, id, format)) {
        file_job_free(job);
        return NULL;
    }
    return job;
}

/* The extraction thread and its queue: the read files with documents to
 * extract, in order. It keeps at most EXTRACT_AHEAD documents extracted
 * and not yet stored, so memory stays bounded whatever the folder holds. */
#define EXTRACT_AHEAD 32

typedef struct extractor_thread {
    const extract_model *m;
    pthread_t thread;
    pthread_mutex_t lock;
    pthread_cond_t wake, done;
    file_job *head, *tail; /* through next_ahead */
    size_t next_doc;       /* of head's */
    size_t ahead;          /* extracted or being extracted, not yet stored */
    bool quit;
} extractor_thread;

static void *extract_ahead(void *arg)
{
    extractor_thread *x = arg;
    pthread_mutex_lock(&x->lock);
    for (;;) {
        while (!x->quit && (!x->head || x->ahead >= EXTRACT_AHEAD))
            pthread_cond_wait(&x->wake, &x->lock);
        if (x->quit)
            break;
        file_job *job = x->head;
        size_t k = x->next_doc;
        while (!job->docs[k].ahead)
            k++;
        doc_job *doc = &job->docs[k];
        x->next_doc = k + 1;
        /* Off the queue before its last document is done: once that is
         * done the file may be stored and freed. */
        if (--job->n_ahead_left == 0) {
            x->head = job->next_ahead;
            x->next_doc = 0;
            if (!x->head)
                x->tail = NULL;
        }
        x->ahead++;
        pthread_mutex_unlock(&x->lock);
        doc->prep_st = prepare_document(x->m, doc->id, doc->body, doc->len, &doc->meta, job->path,
                                        doc->hash, &doc->prep);
        pthread_mutex_lock(&x->lock);
        doc->done = true;
        pthread_cond_broadcast(&x->done);
    }
    pthread_mutex_unlock(&x->lock);
    return NULL;
}

/* How many CPUs this process may run on (a cpuset or taskset counts). */
static int cpus_usable(void)
{
    cpu_set_t set;
    return sched_getaffinity(0, sizeof set, &set) == 0 ? CPU_COUNT(&set) : 1;
}

static bool extractor_start(extractor_thread *x, const extract_model *m)
{
    *x = (extractor_thread){.m = m};
    if (pthread_mutex_init(&x->lock, NULL) != 0)
        return false;
    if (pthread_cond_init(&x->wake, NULL) != 0 || pthread_cond_init(&x->done, NULL) != 0 ||
        pthread_create(&x->thread, NULL, extract_ahead, x) != 0) {
        pthread_mutex_destroy(&x->lock); /* the conds hold nothing worth destroying here */
        return false;
    }
    return true;
}

static void extractor_stop(extractor_thread *x)
{
    pthread_mutex_lock(&x->lock);
    x->quit = true;
    pthread_cond_broadcast(&x->wake);
    pthread_mutex_unlock(&x->lock);
    pthread_join(x->thread, NULL);
    pthread_cond_destroy(&x->wake);
    pthread_cond_destroy(&x->done);
    pthread_mutex_destroy(&x->lock);
}

/* Gives x the documents of job marked ahead (read_file with x). */
static void extract_later(extractor_thread *x, file_job *job)
{
    if (!job->n_ahead)
        return;
    job->n_ahead_left = job->n_ahead;
    pthread_mutex_lock(&x->lock);
    if (x->tail)
        x->tail->next_ahead = job;
    else
        x->head = job;
    x->tail = job;
    pthread_cond_signal(&x->wake);
    pthread_mutex_unlock(&x->lock);
}

static void wait_extracted(extractor_thread *x, doc_job *doc)
{
    pthread_mutex_lock(&x->lock);
    while (!doc->done)
        pthread_cond_wait(&x->done, &x->lock);
    pthread_mutex_unlock(&x->lock);
}

static void extracted_stored(extractor_thread *x)
{
    pthread_mutex_lock(&x->lock);
    x->ahead--;
    pthread_cond_signal(&x->wake);
    pthread_mutex_unlock(&x->lock);
}

/* Store doc unless it is stored unchanged; path names it in log lines
 * (with the item when it is one of a feed or export). Returns 0 when it was
 * imported, unchanged or skipped (a text the extractor cannot read), 1
 * when the store refused it (rolled back alone, logged), -1 when the store
 * fails otherwise. */
static int store_one(store *db, const extract_model *m, const char *path, doc_job *doc,
                     ingest_counts *c, FILE *log)
{
    char stored[64];
    size_t truncated = c->truncated;
    /* asked again: an earlier document of the folder may have stored this
     * id since it was read */
    if (store_article_hash(db, doc->id, stored, sizeof stored) == STORE_OK &&
        strcmp(stored, doc->hash) == 0) {
        c->unchanged++;
        return 0;
    }
    if (!doc->done)
        doc->prep_st = prepare_document(m, doc->id, doc->body, doc->len, &doc->meta, path,
                                        doc->hash, &doc->prep);
    if (doc->prep_st != PREP_OK || put_prepared(db, &doc->prep, c) != STORE_OK) {
        bool unread = doc->prep_st == PREP_UNREAD;
        if (unread)
            fprintf(log, "marsad: skipped %s%s: the extractor could not read it\n", path,
                    doc->item);
        else
            fprintf(log, "marsad: skipped %s%s: the store refused it: %s\n", path, doc->item,
                    store_errmsg(db));
        c->skipped++;
        return unread ? 0 : 1;
    }
    if (c->truncated > truncated)
        fprintf(log, "marsad: %s%s: %zu items past the limit of %d of one kind were dropped\n",
                path, doc->item, c->truncated - truncated, EXTRACT_MAX_ITEMS);
    return 0;
}

static void add_read_counts(ingest_counts *c, const ingest_counts *read)
{
    c->files += read->files;
    c->bytes += read->bytes;
    c->skipped += read->skipped;
}

/* Store the documents of job in order, each after the lines its reading
 * logged. Returns 0 when each was imported or skipped, 1 when the store
 * refused one (rolled back alone, logged), -1 when the store fails
 * otherwise (job's documents may then still be extracting). */
static int store_file(store *db, const extract_model *m, file_job *job, extractor_thread *x,
                      ingest_counts *c, FILE *log)
{
    add_read_counts(c, &job->counts);
    fflush(job->held_log);
    size_t logged = 0;
    int refused = 0;
    for (size_t i = 0; i < job->n_docs; i++) {
        doc_job *doc = &job->docs[i];
        fwrite(job->log + logged, 1, doc->log_end - logged, log);
        logged = doc->log_end;
        if (doc->ahead)
            wait_extracted(x, doc);
        int rc = store_one(db, m, job->path, doc, c, log);
        prepared_free(&doc->prep);
        if (doc->ahead)
            extracted_stored(x);
        if (rc < 0)
            return -1;
        refused |= rc;
    }
    fwrite(job->log + logged, 1, job->log_size - logged, log);
    return refused;
}

/* A document's extraction with what its file says of it: the title, url
 * and date the reader or sidecar found, and the outlet it names resolved
 * as the import resolves it. NULL when out of memory. */
static json_t *preview_json(const extract_model *m, const doc_job *doc)
{
    extract_result r;
    if (extract_document(m, doc->body, doc->len, &r) != 0)
        return NULL;
    json_t *j = ingest_result_json(m, &r, doc->id);
    extract_result_free(&r);
    if (!j)
        return NULL;
    const ingest_meta *meta = &doc->meta;
    const char *keys[3] = {"title", "url", "published_at"};
    const char *values[3] = {meta->title, meta->url, meta->published_at};
    for (size_t k = 0; k < 3; k++)
        if (values[k] && *values[k])
            json_object_set_new(j, keys[k], json_string(values[k]));
    if (meta->outlet && *meta->outlet) {
        store_source_rec made;
        size_t n_made = 0;
        strpool pool = {0};
        const char *id = resolve_outlet(m, meta->outlet, &made, &n_made, &pool);
        const extract_source *known = extract_model_find_source(m, meta->outlet);
        json_object_set_new(
            j, "outlet",
            json_pack("{s:s?, s:s}", "id", id, "name", known ? known->name : meta->outlet));
        pool_free(&pool);
    }
    json_object_set_new(j, "format", json_string(meta->format ? meta->format : "txt"));
    return j;
}

int ingest_preview_path(const extract_model *m, const char *path, FILE *out, FILE *log)
{
    file_job *job = read_file(NULL, m, path, strlen(path), NULL, NULL, false);
    if (!job)
        return -1;
    fflush(job->held_log);
    fwrite(job->log, 1, job->log_size, log);
    int rc = job->n_docs ? 0 : -1;
    json_t *all = json_array();
    for (size_t i = 0; i < job->n_docs && all; i++) {
        json_t *j = preview_json(m, &job->docs[i]);
        if (!j || json_array_append_new(all, j) != 0) {
            fprintf(log, "marsad: %s%s: out of memory\n", path, job->docs[i].item);
            rc = -1;
            break;
        }
    }
    if (rc == 0) {
        json_t *shown = json_array_size(all) == 1 ? json_array_get(all, 0) : all;
        if (json_dumpf(shown, out, JSON_INDENT(2)) != 0 || fputc('\n', out) == EOF)
            rc = -1;
    }
    json_decref(all);
    file_job_free(job);
    return rc;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

typedef struct removal_scan {
    const char *dir;
    size_t dir_len;
    ingest_counts *c;
    FILE *log;
} removal_scan;

static bool report_removed(void *ctx, const char *id, const char *origin)
{
    removal_scan *rs = ctx;
    if (strncmp(origin, rs->dir, rs->dir_len) != 0 || origin[rs->dir_len] != '/')
        return true;
    struct stat st;
    if (stat(origin, &st) != 0 && errno == ENOENT) {
        fprintf(rs->log,
                "marsad: %s is gone from disk; article %s is kept (delete it through the API if "
                "intended)\n",
                origin, id);
        rs->c->removed++;
    }
    return true;
}

static long long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Ends the batch whose documents were counted in *batch, and adds them to
 * *c: as imported when it committed, else as skipped (a batch that fails to
 * commit, on a full disk say, is rolled back whole: none of it was
 * imported). What was unchanged or skipped stays so either way. */
static store_status end_batch(store *db, ingest_counts *batch, ingest_counts *c, FILE *log)
{
    bool open = store_batch_open(db);
    store_status st = store_batch_end(db);
    if (!open && st == STORE_OK)
        st = STORE_ERR; /* rolled back already, under a failed document */
    c->unchanged += batch->unchanged;
    c->skipped += batch->skipped;
    c->removed += batch->removed;
    c->files += batch->files;
    c->bytes += batch->bytes;
    if (st == STORE_OK) {
        c->articles += batch->articles;
        c->figures += batch->figures;
        c->place_mentions += batch->place_mentions;
        c->source_mentions += batch->source_mentions;
        c->truncated += batch->truncated;
    } else if (batch->articles) {
        fprintf(log,
                "marsad: a batch of %zu documents was rolled back, none of them imported: %s\n",
                batch->articles, store_errmsg(db));
        c->skipped += batch->articles;
    }
    *batch = (ingest_counts){0};
    return st;
}

int ingest_path(store *db, const extract_model *m, const char *path, ingest_counts *c, FILE *log)
{
    return ingest_path_until(db, m, path, c, log, NULL, NULL);
}

int ingest_path_until(store *db, const extract_model *m, const char *path, ingest_counts *c,
                      FILE *log, ingest_stop_fn stop, void *cls)
{
    return ingest_path_watched(db, m, path, c, log, stop, NULL, cls);
}

/* Files read ahead of the one being stored: enough for the extraction
 * thread to stay busy, few enough to bound what they hold. */
#define READ_AHEAD_FILES EXTRACT_AHEAD
#define READ_AHEAD_BYTES (16u << 20)

int ingest_path_watched(store *db, const extract_model *m, const char *path, ingest_counts *c,
                        FILE *log, ingest_stop_fn stop, ingest_progress_fn progress, void *cls)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        fprintf(log, "marsad: cannot read %s: %s\n", path, strerror(errno));
        c->skipped++;
        return 0;
    }
    if (!S_ISDIR(st.st_mode)) {
        file_job *job = read_file(db, m, path, 0, NULL, NULL, false);
        int fr = job ? store_file(db, m, job, NULL, c, log) : -1;
        file_job_free(job);
        if (progress)
            progress(cls, 1, 1, (unsigned long long)st.st_size, c);
        return fr == 0 ? 0 : -1;
    }

    DIR *d = opendir(path);
    if (!d) {
        fprintf(log, "marsad: cannot open folder %s: %s\n", path, strerror(errno));
        c->skipped++;
        return 0;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    int rc = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (format_of_name(e->d_name) == INGEST_FMT_NONE || e->d_name[0] == '.')
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 64;
            char **grown = realloc(names, cap * sizeof *names);
            if (!grown) {
                rc = -1;
                break;
            }
            names = grown;
        }
        if (!(names[n] = strdup(e->d_name))) {
            rc = -1;
            break;
        }
        n++;
    }
    closedir(d);
    if (n)
        qsort(names, n, sizeof *names, by_name);
    char *root = realpath(path, NULL);
    if (!root) {
        fprintf(log, "marsad: cannot resolve folder %s: %s\n", path, strerror(errno));
        rc = -1;
    }
    size_t plen = strlen(path);
    while (plen > 1 && path[plen - 1] == '/')
        plen--;
    unsigned long long bytes_total = 0;
    for (size_t i = 0; progress && i < n; i++) {
        char file[4096];
        struct stat fst;
        if (snprintf(file, sizeof file, "%.*s/%s", (int)plen, path, names[i]) < (int)sizeof file &&
            stat(file, &fst) == 0 && S_ISREG(fst.st_mode))
            bytes_total += (unsigned long long)fst.st_size;
    }
    extractor_thread extractor, *x = NULL;
    if (rc == 0 && n > 1 && cpus_usable() > 1 && extractor_start(&extractor, m))
        x = &extractor;
    file_job *first = NULL, *last = NULL, *failed = NULL; /* read, not yet stored */
    size_t n_read = 0, docs_held = 0;
    unsigned long long bytes_held = 0;
    /* Documents go in batches (store_batch_begin): each stays whole, and a
     * crash loses at most the batch in flight, which the next start imports
     * again (its hashes were never committed). */
    bool batch = false, stopped = false;
    size_t in_batch = 0, refused_in_a_row = 0;
    ingest_counts batch_c = {0}; /* the open batch's, added to *c once it commits */
    long long batch_start = 0;
    for (size_t i = 0; i < n && rc == 0; i++) {
        if (stop && stop(cls)) { /* the batch below commits what it has */
            fprintf(log, "marsad: import of %s stopped on request after %zu of %zu files\n", path,
                    i, n);
            stopped = true;
            break;
        }
        while (n_read < n &&
               (n_read == i || (x && n_read - i < READ_AHEAD_FILES && docs_held < EXTRACT_AHEAD &&
                                bytes_held < READ_AHEAD_BYTES))) {
            file_job *job = read_file(db, m, path, plen, names[n_read], root, x != NULL);
            if (!job) {
                rc = -1;
                break;
            }
            n_read++;
            extract_later(x, job);
            docs_held += job->n_ahead;
            bytes_held += job->n_bytes;
            *(last ? &last->next : &first) = job;
            last = job;
        }
        if (rc != 0)
            break;
        if (!batch) {
            if (store_batch_begin(db) != STORE_OK) {
                rc = -1;
                break;
            }
            batch = true;
            in_batch = 0;
            batch_start = now_ms();
        }
        file_job *job = first;
        if (!(first = job->next))
            last = NULL;
        docs_held -= job->n_ahead;
        bytes_held -= job->n_bytes;
        /* One document the store refuses is skipped; many in a row mean
         * the store itself is failing (disk full, I/O errors). */
        int fr = store_file(db, m, job, x, &batch_c, log);
        if (fr < 0)
            failed = job; /* freed once the extraction thread has stopped */
        else
            file_job_free(job);
        if (progress)
            progress(cls, i + 1, n, bytes_total, c); /* c: what has committed */
        refused_in_a_row = fr == 1 ? refused_in_a_row + 1 : 0;
        rc = fr < 0 || refused_in_a_row == INGEST_MAX_REFUSED ? -1 : 0;
        if (fr == 1 && !store_batch_open(db)) { /* the refusal took the whole batch with it */
            end_batch(db, &batch_c, c, log);
            batch = false;
            continue;
        }
        if (++in_batch == INGEST_BATCH || now_ms() - batch_start >= INGEST_BATCH_MS || i + 1 == n ||
            rc != 0) {
            if (end_batch(db, &batch_c, c, log) != STORE_OK)
                rc = -1;
            batch = false;
        }
    }
    if (batch && end_batch(db, &batch_c, c, log) != STORE_OK)
        rc = -1;
    if (x)
        extractor_stop(x);
    file_job_free(failed);
    while (first) {
        file_job *next = first->next;
        file_job_free(first);
        first = next;
    }
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
    free(root);
    if (rc == 0 && !stopped) {
        char dir[4096];
        snprintf(dir, sizeof dir, "%.*s", (int)plen, path);
        removal_scan rs = {dir, strlen(dir), c, log};
        if (store_each_origin(db, report_removed, &rs) != STORE_OK)
            rc = -1;
    }
    return rc;
}

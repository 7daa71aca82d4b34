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

#include "extract/utf8.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>


bool ingest_valid_id(const char *id)
{
    size_t n = strlen(id);
    if (n == 0 || n > INGEST_MAX_ID || id[0] == '.')
        return false;
    for (size_t i = 0; i < n; i++) {
        char ch = id[i];
        bool ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
                  ch == '_' || ch == '-' || ch == '.';
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
        locs[i] = (store_location_rec){places[i].id,        places[i].name, places[i].name_en,
                                       places[i].kind,      places[i].parent_id, places[i].lat,
                                       places[i].lon,       places[i].approximate};
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
    *made = (store_source_rec){pool_keep(pool, strdup(id)), name, NULL, "outlet", "unknown", NULL, NULL};
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

/* ingest_document, saying in *unread when the extractor could not read the
 * text (then nothing was asked of the store, and store_errmsg is stale). */
static store_status store_document(store *db, const extract_model *m, const char *id,
                                   const char *body, size_t len, const ingest_meta *meta,
                                   const char *origin, const char *hash, ingest_counts *c,
                                   bool *unread)
{
    char computed[40];
    if (!hash) {
        hash_document(m, body, len, meta, computed);
        hash = computed;
    }
    extract_result r;
    *unread = false;
    /* relative dates (أمس، يوم الجمعة) are read against the publication date */
    int32_t published = extract_date_parse_iso(meta ? meta->published_at : NULL);
    if (extract_document_dated(m, body, len, published, &r) != 0) {
        *unread = true;
        return STORE_ERR;
    }
    store_status st = STORE_ERR;
    strpool pool = {0};
    store_source_rec *srcs = calloc(r.n_sources + 1, sizeof *srcs);
    store_mention *smen = calloc(r.n_source_mentions + 1, sizeof *smen);
    store_mention *lmen = calloc(r.n_places + 1, sizeof *lmen);
    store_figure_rec *figs = calloc(r.n_figures + 1, sizeof *figs);
    if (!srcs || !smen || !lmen || !figs)
        goto out;
    const extract_place *places;
    extract_model_places(m, &places);

    for (size_t i = 0; i < r.n_sources; i++) {
        const extract_source *s = &r.sources[i];
        srcs[i] = (store_source_rec){s->id,          s->name,      s->name_en, s->kind,
                                     s->affiliation, s->parent_id, s->bloc};
    }
    size_t n_srcs = r.n_sources;
    for (size_t i = 0; i < r.n_source_mentions; i++) {
        const extract_source_mention *sm = &r.source_mentions[i];
        smen[i] = (store_mention){r.sources[sm->source].id, sm->sp.start, sm->sp.end,
                                  pool_keep(&pool, text_slice(&r.txt, sm->sp)), source_role_name(sm->role)};
    }
    for (size_t i = 0; i < r.n_places; i++) {
        const extract_place_mention *pm = &r.places[i];
        lmen[i] = (store_mention){places[pm->place].id, pm->sp.start, pm->sp.end,
                                  pool_keep(&pool, text_slice(&r.txt, pm->sp)), NULL};
    }
    for (size_t i = 0; i < r.n_figures; i++) {
        const extract_figure *f = &r.figures[i];
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
            .subject_party = f->subject_party == EXTRACT_NO_INDEX ? NULL : r.sources[f->subject_party].id,
            .claimant_id = f->claimant == EXTRACT_NO_INDEX ? NULL : r.sources[f->claimant].id,
            .stance = f->denied ? "denied" : "claimed",
            .location_id = f->place == EXTRACT_NO_INDEX ? NULL : places[f->place].id,
            .start = f->sp.start,
            .end = f->sp.end,
            .span_text = pool_keep(&pool, text_slice(&r.txt, f->sp)),
            .quote_start = f->quote.start,
            .quote_end = f->quote.end,
            .quote = pool_keep(&pool, text_slice(&r.txt, f->quote)),
            .area_id = f->area == EXTRACT_NO_INDEX ? NULL : places[f->area].id,
            .part_of = figure_ref(&pool, id, f->part_of),
            .supersedes = figure_ref(&pool, id, f->supersedes),
            .date_start = date_ref(&pool, f->date, f->date.start),
            .date_end = date_ref(&pool, f->date, f->date.end),
            .date_precision = date_precision_name(f->date.precision),
            .cause = f->cause,
        };
    }
    const char *outlet_id = r.outlet == EXTRACT_NO_INDEX ? NULL : r.sources[r.outlet].id;
    if (meta && meta->outlet && *meta->outlet)
        outlet_id = resolve_outlet(m, meta->outlet, &srcs[n_srcs], &n_srcs, &pool);

    store_doc d = {
        .id = id,
        .title = meta && meta->title ? meta->title : r.title,
        .body = body,
        .outlet_id = outlet_id,
        .url = meta ? meta->url : NULL,
        .published_at = meta ? meta->published_at : NULL,
        .language = "ar",
        .content_hash = hash,
        .origin = origin,
        .sources = srcs,
        .n_sources = n_srcs,
        .source_mentions = smen,
        .n_source_mentions = r.n_source_mentions,
        .location_mentions = lmen,
        .n_location_mentions = r.n_places,
        .figures = figs,
        .n_figures = r.n_figures,
    };
    st = store_put_document(db, &d);
    if (st == STORE_OK && c) {
        c->articles++;
        c->figures += r.n_figures;
        c->place_mentions += r.n_places;
        c->source_mentions += r.n_source_mentions;
        c->truncated += r.truncated;
    }
out:
    free(srcs);
    free(smen);
    free(lmen);
    free(figs);
    pool_free(&pool);
    extract_result_free(&r);
    return st;
}

store_status ingest_document(store *db, const extract_model *m, const char *id,
                             const char *body, size_t len, const ingest_meta *meta,
                             const char *origin, const char *hash, ingest_counts *c)
{
    bool unread;
    return store_document(db, m, id, body, len, meta, origin, hash, c, &unread);
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
    char *buf = malloc(max + 2);
    size_t n = buf ? fread(buf, 1, max + 1, f) : 0;
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

/* NAME.json beside NAME.txt: optional strings title, outlet, url, published_at. */
static json_t *read_sidecar(const char *txt_path, const char *folder, ingest_meta *meta,
                            FILE *log)
{
    char path[4096];
    size_t n = strlen(txt_path);
    if (n < 4 || n - 4 + 6 > sizeof path)
        return NULL;
    snprintf(path, sizeof path, "%.*s.json", (int)(n - 4), txt_path);
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
        else if (json_is_string(v) && utf8_count(json_string_value(v), json_string_length(v)) <= 2048)
            *fields[i] = json_string_value(v);
        else if (v && !json_is_null(v))
            fprintf(log, "marsad: sidecar %s: '%s' ignored (not a string of at most 2048 characters)\n",
                    path, keys[i]);
    }
    return root; /* owns the strings in meta */
}

/* Import one *.txt file; root is the resolved seed folder it must lie in
 * (NULL: anywhere). Returns 0 when it was imported or skipped (a file the
 * extractor cannot read is skipped, with a line on log), 1 when the store
 * refused this document (rolled back alone, logged), -1 when the store
 * fails otherwise. */
static int import_file(store *db, const extract_model *m, const char *path, const char *root,
                       ingest_counts *c, FILE *log)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    char id[INGEST_MAX_ID + 8];
    size_t blen = strlen(base);
    if (blen < 5 || strcmp(base + blen - 4, ".txt") != 0 || blen - 4 > INGEST_MAX_ID) {
        fprintf(log, "marsad: skipped %s: not a NAME.txt file with a name of at most %d bytes\n",
                path, INGEST_MAX_ID);
        c->skipped++;
        return 0;
    }
    snprintf(id, sizeof id, "%.*s", (int)(blen - 4), base);
    if (!ingest_valid_id(id)) {
        fprintf(log, "marsad: skipped %s: the name must be letters, digits, '_', '-' or '.'\n", path);
        c->skipped++;
        return 0;
    }
    if (!inside_root(root, path)) {
        fprintf(log, "marsad: skipped %s: a link to outside the folder (or a broken one)\n", path);
        c->skipped++;
        return 0;
    }
    size_t len;
    const char *why = NULL;
    char whybuf[64];
    char *body = read_bounded(path, INGEST_MAX_BYTES, &len, &why);
    if (body)
        why = ingest_check_text(body, &len, whybuf, sizeof whybuf);
    if (why) {
        fprintf(log, "marsad: skipped %s: %s\n", path, why);
        free(body);
        c->skipped++;
        return 0;
    }
    ingest_meta meta = {0};
    json_t *sidecar = read_sidecar(path, root, &meta, log);
    char hash[40], stored[64];
    hash_document(m, body, len, &meta, hash);
    int rc = 0;
    bool unread = false;
    size_t truncated = c->truncated;
    if (store_article_hash(db, id, stored, sizeof stored) == STORE_OK && strcmp(stored, hash) == 0) {
        c->unchanged++;
    } else if (store_document(db, m, id, body, len, &meta, path, hash, c, &unread) != STORE_OK) {
        if (unread)
            fprintf(log, "marsad: skipped %s: the extractor could not read it\n", path);
        else
            fprintf(log, "marsad: skipped %s: the store refused it: %s\n", path, store_errmsg(db));
        c->skipped++;
        rc = unread ? 0 : 1;
    } else if (c->truncated > truncated) {
        fprintf(log, "marsad: %s: %zu items past the limit of %d of one kind were dropped\n", path,
                c->truncated - truncated, EXTRACT_MAX_ITEMS);
    }
    json_decref(sidecar);
    free(body);
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
        fprintf(rs->log, "marsad: %s is gone from disk; article %s is kept (delete it through the API if intended)\n",
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

int ingest_path(store *db, const extract_model *m, const char *path, ingest_counts *c, FILE *log)
{
    return ingest_path_until(db, m, path, c, log, NULL, NULL);
}

int ingest_path_until(store *db, const extract_model *m, const char *path, ingest_counts *c,
                      FILE *log, ingest_stop_fn stop, void *cls)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        fprintf(log, "marsad: cannot read %s: %s\n", path, strerror(errno));
        c->skipped++;
        return 0;
    }
    if (!S_ISDIR(st.st_mode))
        return import_file(db, m, path, NULL, c, log) == 0 ? 0 : -1;

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
        size_t len = strlen(e->d_name);
        if (len < 5 || strcmp(e->d_name + len - 4, ".txt") != 0 || e->d_name[0] == '.')
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
    /* Documents go in batches (store_batch_begin): each stays whole, and a
     * crash loses at most the batch in flight, which the next start imports
     * again (its hashes were never committed). */
    bool batch = false, stopped = false;
    size_t in_batch = 0, refused_in_a_row = 0;
    long long batch_start = 0;
    for (size_t i = 0; i < n && rc == 0; i++) {
        if (stop && stop(cls)) { /* the batch below commits what it has */
            fprintf(log, "marsad: import of %s stopped on request after %zu of %zu files\n", path, i,
                    n);
            stopped = true;
            break;
        }
        if (!batch) {
            if (store_batch_begin(db) != STORE_OK) {
                rc = -1;
                break;
            }
            batch = true;
            in_batch = 0;
            batch_start = now_ms();
        }
        char file[4096];
        if (snprintf(file, sizeof file, "%.*s/%s", (int)plen, path, names[i]) >= (int)sizeof file) {
            fprintf(log, "marsad: skipped %s/%s: path too long\n", path, names[i]);
            c->skipped++;
            continue;
        }
        /* One document the store refuses is skipped; many in a row mean
         * the store itself is failing (disk full, I/O errors). */
        int fr = import_file(db, m, file, root, c, log);
        refused_in_a_row = fr == 1 ? refused_in_a_row + 1 : 0;
        rc = fr < 0 || refused_in_a_row == INGEST_MAX_REFUSED ? -1 : 0;
        if (++in_batch == INGEST_BATCH || now_ms() - batch_start >= INGEST_BATCH_MS || i + 1 == n ||
            rc != 0) {
            if (store_batch_end(db) != STORE_OK)
                rc = -1;
            batch = false;
        }
    }
    if (batch && store_batch_end(db) != STORE_OK)
        rc = -1;
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

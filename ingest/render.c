/* render.c — an extraction as JSON, in the shapes the API serves, for
 * `marsad extract`: it lets anyone see what the extractor reads in a text
 * without a database. Adds `numbers`, every numeric expression with whether
 * it became a figure, so the number reader can be checked alone.
 */
#include "ingest/ingest.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static json_t *number_json(double v, bool present)
{
    if (!present)
        return json_null();
    if (v == floor(v) && fabs(v) < 9.0e15)
        return json_integer((json_int_t)v);
    return json_real(v);
}

static json_t *text_json(const extract_result *r, span sp)
{
    char *s = text_slice(&r->txt, sp);
    json_t *j = s ? json_string(s) : json_null();
    free(s);
    return j ? j : json_null();
}

static json_t *span_json(const extract_result *r, span sp)
{
    return json_pack("{s:I, s:I, s:o}", "start", (json_int_t)sp.start, "end", (json_int_t)sp.end,
                     "text", text_json(r, sp));
}

static json_t *str_or_null(const char *s)
{
    return s ? json_string(s) : json_null();
}

static const extract_place *place_by_id(const extract_place *places, size_t n, const char *id)
{
    for (size_t i = 0; id && i < n; i++)
        if (strcmp(places[i].id, id) == 0)
            return &places[i];
    return NULL;
}

static json_t *ref_json(const char *id, const char *name)
{
    return id ? json_pack("{s:s, s:s}", "id", id, "name", name ? name : id) : json_null();
}

static json_t *source_parent(const extract_model *m, const extract_source *s)
{
    if (!s->parent_id)
        return json_null();
    const extract_source *p = extract_model_find_source(m, s->parent_id);
    return ref_json(s->parent_id, p ? p->name : NULL);
}

/* Whose people or things a figure counts and whom its claimant speaks for,
 * named as the API names them: subject {bloc, party: {id, name} | null},
 * claimant {bloc}. Set over what the store's column table gives, so that
 * they show here before and after the store carries them (its values are
 * the same ones). -1 when out of memory. */
static int with_blocs(json_t *j, const extract_figure *f, const extract_source *claimant,
                      const extract_result *r)
{
    json_t *subject = json_object_get(j, "subject"), *cl = json_object_get(j, "claimant");
    const extract_source *party =
        f->subject_party != EXTRACT_NO_INDEX ? &r->sources[f->subject_party] : NULL;
    if (!json_is_object(subject) ||
        json_object_set_new(subject, "bloc", str_or_null(f->subject_bloc)) != 0 ||
        json_object_set_new(subject, "party",
                            party ? ref_json(party->id, party->name) : json_null()) != 0)
        return -1;
    if (claimant && json_is_object(cl) &&
        json_object_set_new(cl, "bloc", str_or_null(claimant->bloc)) != 0)
        return -1;
    return 0;
}

/* Figure i as the API will serve it once stored: the same record
 * ingest_document stores, turned into JSON by the store's own column table,
 * so `marsad extract` and the API cannot disagree. */
static json_t *figure_json(const extract_model *m, const extract_result *r, size_t i,
                           const char *id)
{
    const extract_figure *f = &r->figures[i];
    const extract_place *places;
    extract_model_places(m, &places);
    char fid[INGEST_MAX_ID + STORE_FIGURE_ID_MAX], part_of[sizeof fid], supersedes[sizeof fid];
    store_figure_id(fid, sizeof fid, id, i);
    if (f->part_of != EXTRACT_NO_INDEX)
        store_figure_id(part_of, sizeof part_of, id, f->part_of);
    if (f->supersedes != EXTRACT_NO_INDEX)
        store_figure_id(supersedes, sizeof supersedes, id, f->supersedes);
    char date_start[11], date_end[11];
    bool dated = f->date.precision != DATE_NONE;
    if (dated) {
        extract_date_iso(f->date.start, date_start);
        extract_date_iso(f->date.end, date_end);
    }
    const extract_source *claimant =
        f->claimant != EXTRACT_NO_INDEX ? &r->sources[f->claimant] : NULL;
    const extract_source *party =
        f->subject_party != EXTRACT_NO_INDEX ? &r->sources[f->subject_party] : NULL;
    const extract_place *place = f->place != EXTRACT_NO_INDEX ? &places[f->place] : NULL;
    bool quote_cut;
    span quote_span = ingest_quote_window(f, &quote_cut);
    char *span_text = text_slice(&r->txt, f->sp), *quote = text_slice(&r->txt, quote_span);
    store_figure_rec rec = {
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
        .subject_party = party ? party->id : NULL,
        .claimant_id = claimant ? claimant->id : NULL,
        .stance = f->denied ? "denied" : "claimed",
        .location_id = place ? place->id : NULL,
        .start = f->sp.start,
        .end = f->sp.end,
        .span_text = span_text,
        .quote_start = quote_span.start,
        .quote_end = quote_span.end,
        .quote = quote,
        .quote_cut = quote_cut,
        .area_id = f->area == EXTRACT_NO_INDEX ? NULL : places[f->area].id,
        .part_of = f->part_of != EXTRACT_NO_INDEX ? part_of : NULL,
        .supersedes = f->supersedes != EXTRACT_NO_INDEX ? supersedes : NULL,
        .date_start = dated ? date_start : NULL,
        .date_end = dated ? date_end : NULL,
        .date_precision = date_precision_name(f->date.precision),
        .cause = f->cause,
    };
    store_figure_item item = {.id = fid, .article_id = id, .f = &rec};
    if (claimant) {
        item.claimant_name = claimant->name;
        item.claimant_kind = claimant->kind;
        item.claimant_affiliation = claimant->affiliation;
        item.claimant_bloc = claimant->bloc;
    }
    if (party)
        item.subject_party_name = party->name;
    if (place) {
        item.location_name = place->name;
        item.location_lat = place->lat;
        item.location_lon = place->lon;
    }
    json_t *j = span_text && quote ? store_figure_item_json(&item) : NULL;
    free(span_text);
    free(quote);
    if (j && with_blocs(j, f, claimant, r) != 0) {
        json_decref(j);
        j = NULL;
    }
    return j;
}

static json_t *flags_json(unsigned flags)
{
    static const struct {
        unsigned bit;
        const char *name;
    } names[] = {{NUMFLAG_ORDINAL, "ordinal"},   {NUMFLAG_YEAR, "year"},
                 {NUMFLAG_DATE, "date"},         {NUMFLAG_TIME, "time"},
                 {NUMFLAG_DURATION, "duration"}, {NUMFLAG_DECIMAL, "decimal"},
                 {NUMFLAG_IN_NAME, "in_name"}};
    json_t *a = json_array();
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (flags & names[i].bit)
            json_array_append_new(a, json_string(names[i].name));
    return a;
}

/* The places the gazetteer lacks, one per id (as ingest stores them: the
 * first name as written, the kind of its first context word), appended to
 * locations in order of first mention. */
static void unresolved_json(const extract_result *r, json_t *locations)
{
    json_t *by_id = json_object();
    for (size_t i = 0; by_id && i < r->n_unresolved_places; i++) {
        const extract_place_mention *pm = &r->unresolved_places[i];
        char *name = text_slice(&r->txt, pm->sp), id[INGEST_UNRESOLVED_ID_SIZE];
        if (!name)
            continue;
        ingest_unresolved_id(name, id);
        json_t *loc = json_object_get(by_id, id);
        if (!loc) {
            loc = json_pack("{s:s, s:s, s:n, s:s, s:n, s:n, s:b, s:b, s:n, s:[]}", "id", id, "name",
                            name, "name_en", "kind", pm->kind ? pm->kind : "other", "lat", "lon",
                            "approximate", false, "resolved", false, "parent", "mentions");
            if (loc) {
                json_object_set_new(by_id, id, loc);
                json_array_append(locations, loc);
            }
        }
        if (loc)
            json_array_append_new(json_object_get(loc, "mentions"), span_json(r, pm->sp));
        free(name);
    }
    json_decref(by_id);
}

json_t *ingest_result_json(const extract_model *m, const extract_result *r, const char *id)
{
    const extract_place *places;
    size_t n_places = extract_model_places(m, &places);
    json_t *figures = json_array(), *locations = json_array(), *sources = json_array(),
           *numbers = json_array();

    for (size_t i = 0; i < r->n_figures; i++)
        json_array_append_new(figures, figure_json(m, r, i, id));

    /* One entry per place, in order of first mention, with all its mentions. */
    for (size_t i = 0; i < r->n_places; i++) {
        size_t p = r->places[i].place;
        bool seen = false;
        for (size_t j = 0; j < i && !seen; j++)
            seen = r->places[j].place == p;
        if (seen)
            continue;
        json_t *mentions = json_array();
        for (size_t j = i; j < r->n_places; j++)
            if (r->places[j].place == p)
                json_array_append_new(mentions, span_json(r, r->places[j].sp));
        const extract_place *pl = &places[p];
        const extract_place *parent = place_by_id(places, n_places, pl->parent_id);
        json_array_append_new(
            locations,
            json_pack("{s:s, s:s, s:o, s:s, s:f, s:f, s:b, s:b, s:o, s:o}", "id", pl->id, "name",
                      pl->name, "name_en", str_or_null(pl->name_en), "kind", pl->kind, "lat",
                      pl->lat, "lon", pl->lon, "approximate", pl->approximate, "resolved", true,
                      "parent", parent ? ref_json(parent->id, parent->name) : json_null(),
                      "mentions", mentions));
    }
    unresolved_json(r, locations);

    for (size_t i = 0; i < r->n_sources; i++) {
        const extract_source *s = &r->sources[i];
        json_t *mentions = json_array();
        for (size_t j = 0; j < r->n_source_mentions; j++) {
            const extract_source_mention *sm = &r->source_mentions[j];
            if (sm->source != i)
                continue;
            json_t *mj = span_json(r, sm->sp);
            json_object_set_new(mj, "role", json_string(source_role_name(sm->role)));
            json_array_append_new(mentions, mj);
        }
        json_array_append_new(
            sources, json_pack("{s:s, s:s, s:o, s:s, s:s, s:o, s:o, s:o}", "id", s->id, "name",
                               s->name, "name_en", str_or_null(s->name_en), "kind", s->kind,
                               "affiliation", s->affiliation, "bloc", str_or_null(s->bloc),
                               "parent", source_parent(m, s), "mentions", mentions));
    }

    for (size_t i = 0; i < r->n_numbers; i++) {
        const number *nm = &r->numbers[i];
        json_array_append_new(numbers,
                              json_pack("{s:o, s:o, s:s, s:o, s:o, s:b}", "value",
                                        number_json(nm->value, nm->has_value), "value_max",
                                        number_json(nm->value_max, nm->has_max), "qualifier",
                                        qualifier_name(nm->qual), "span", span_json(r, nm->sp),
                                        "flags", flags_json(nm->flags), "figure",
                                        r->number_is_figure && r->number_is_figure[i]));
    }

    json_t *outlet = json_null();
    if (r->outlet != EXTRACT_NO_INDEX)
        outlet = ref_json(r->sources[r->outlet].id, r->sources[r->outlet].name);
    return json_pack("{s:s, s:o, s:o, s:s, s:I, s:o, s:o, s:o, s:o, s:I}", "id", id, "title",
                     str_or_null(r->title), "outlet", outlet, "language", "ar", "n_chars",
                     (json_int_t)r->txt.n_cp, "figures", figures, "locations", locations, "sources",
                     sources, "numbers", numbers, "truncated", (json_int_t)r->truncated);
}

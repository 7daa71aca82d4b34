/* test_gazetteer.c — the gazetteer and source list as the extractor loads
 * them: sizes, required entries, parents that exist, coordinates that make
 * sense, and every place of Aleppo governorate inside it.
 */
#include "extract/extract.h"

#include <criterion/criterion.h>
#include <string.h>

static extract_model *model;
static const extract_place *places;
static size_t n_places;

static void load(void)
{
    char err[256];
    model = extract_model_new(err, sizeof err);
    cr_assert_not_null(model, "%s", err);
    n_places = extract_model_places(model, &places);
}

static void unload(void)
{
    extract_model_free(model);
}

TestSuite(gazetteer, .init = load, .fini = unload);

static const extract_place *place(const char *id)
{
    for (size_t i = 0; id && i < n_places; i++)
        if (strcmp(places[i].id, id) == 0)
            return &places[i];
    return NULL;
}

static bool within(const extract_place *p, const char *ancestor)
{
    for (int depth = 0; p && depth < 16; depth++, p = place(p->parent_id))
        if (strcmp(p->id, ancestor) == 0)
            return true;
    return false;
}

Test(gazetteer, size_and_governorates)
{
    cr_expect_geq(n_places, 400);
    size_t governorates = 0;
    for (size_t i = 0; i < n_places; i++)
        governorates += strcmp(places[i].kind, "governorate") == 0;
    cr_expect_eq(governorates, 14);
    const char *required[] = {"syria", "aleppo", "aleppo-gov", "damascus", "idlib", "homs", "hama",
                              "latakia", "ramouseh", "project-1070", "hmeimim"};
    for (size_t i = 0; i < sizeof required / sizeof required[0]; i++)
        cr_expect_not_null(place(required[i]), "missing %s", required[i]);
}

Test(gazetteer, parents_exist_and_coordinates_are_sane)
{
    for (size_t i = 0; i < n_places; i++) {
        const extract_place *p = &places[i];
        if (p->parent_id)
            cr_expect_not_null(place(p->parent_id), "%s: parent %s missing", p->id, p->parent_id);
        cr_expect(p->lat >= -90 && p->lat <= 90 && p->lon >= -180 && p->lon <= 180,
                  "%s: %f,%f is not a coordinate", p->id, p->lat, p->lon);
        cr_expect(p->lat != 0 || p->lon != 0, "%s has no coordinates", p->id);
        if (within(p, "syria"))
            cr_expect(p->lat >= 32.3 && p->lat <= 37.4 && p->lon >= 35.6 && p->lon <= 42.4,
                      "%s (%f,%f) is in Syria by its parents but not by its coordinates", p->id,
                      p->lat, p->lon);
    }
}

/* Aleppo governorate spans about 35.5–36.9 N and 36.5–38.7 E. */
Test(gazetteer, aleppo_governorate_contains_its_places)
{
    size_t n = 0;
    for (size_t i = 0; i < n_places; i++) {
        const extract_place *p = &places[i];
        if (!within(p, "aleppo-gov"))
            continue;
        n++;
        cr_expect(p->lat >= 35.45 && p->lat <= 36.95 && p->lon >= 36.45 && p->lon <= 38.65,
                  "%s (%f,%f) lies outside Aleppo governorate", p->id, p->lat, p->lon);
    }
    cr_expect_geq(n, 100);
}

Test(gazetteer, source_list)
{
    const extract_source *sources;
    size_t n = extract_model_sources(model, &sources);
    cr_expect_geq(n, 100);
    static const char *const affiliations[] = {"government", "opposition", "independent", "unknown"};
    for (size_t i = 0; i < n; i++) {
        bool ok = false;
        for (size_t k = 0; k < 4; k++)
            ok |= strcmp(sources[i].affiliation, affiliations[k]) == 0;
        cr_expect(ok, "%s: affiliation %s", sources[i].id, sources[i].affiliation);
    }
    const char *outlets[] = {"الجزيرة", "روسيا اليوم", "المنار", "سانا", "العربية", "الميادين",
                             "رويترز", "فرانس برس", "المرصد السوري لحقوق الإنسان", "شبكة شام"};
    for (size_t i = 0; i < sizeof outlets / sizeof outlets[0]; i++)
        cr_expect_not_null(extract_model_find_source(model, outlets[i]), "missing %s", outlets[i]);
}

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
    cr_expect_geq(n_places, 2000);
    size_t governorates = 0;
    for (size_t i = 0; i < n_places; i++)
        governorates += strcmp(places[i].kind, "governorate") == 0 && within(&places[i], "syria");
    cr_expect_eq(governorates, 14);
    const char *required[] = {"syria", "aleppo",  "aleppo-gov", "damascus",     "idlib",  "homs",
                              "hama",  "latakia", "ramouseh",   "project-1070", "hmeimim"};
    for (size_t i = 0; i < sizeof required / sizeof required[0]; i++)
        cr_expect_not_null(place(required[i]), "missing %s", required[i]);
}

/* The region from GeoNames and data/places/: every state of the reporting,
 * its first-level divisions, and towns under them (tools/gazetteer/build.py). */
Test(gazetteer, region_states_divisions_and_towns)
{
    static const struct {
        const char *id, *within;
        double lat_min, lat_max, lon_min, lon_max;
    } cases[] = {
        {"nineveh-gov", "iraq", 34.0, 37.5, 41.0, 44.5},
        {"taiz-gov", "yemen", 12.5, 14.5, 43.0, 45.0},
        {"gaza-strip", "palestine", 31.0, 32.0, 34.0, 35.0},
        {"khan-yunis", "gaza-strip", 31.2, 31.4, 34.2, 34.4},
        {"north-darfur-gov", "sudan", 12.0, 15.0, 24.0, 27.0},
        {"el-fasher", "north-darfur-gov", 13.0, 14.0, 25.0, 26.0},
        {"benghazi-dist", "libya", 31.5, 32.5, 19.5, 20.5},
        {"gao-gov", "mali", 15.5, 17.0, -0.5, 0.5},
        {"nabatieh", "lebanon", 33.2, 33.5, 35.3, 35.6},
        {"banadir-gov", "somalia", 1.5, 2.5, 45.0, 46.0},
        {"cairo-gov", "egypt", 29.5, 30.5, 31.0, 31.6},
        /* GeoNames towns named in data/places/arabic_names.tsv */
        {"tarhuna", "libya", 32.3, 32.6, 13.5, 13.8},
        {"tajura", "tripoli-dist", 32.8, 33.0, 13.2, 13.5},
        {"al-manaqil", "gezira-gov", 14.0, 14.5, 32.8, 33.2},
        {"dilling", "south-kordofan-gov", 11.8, 12.3, 29.4, 29.9},
        {"afgooye", "lower-shabelle-gov", 2.0, 2.3, 45.0, 45.3},
        {"ain-ebel", "lebanon", 33.0, 33.2, 35.3, 35.5},
    };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        const extract_place *p = place(cases[c].id);
        cr_assert_not_null(p, "missing %s", cases[c].id);
        cr_expect(within(p, cases[c].within), "%s is not within %s", p->id, cases[c].within);
        cr_expect(p->lat >= cases[c].lat_min && p->lat <= cases[c].lat_max &&
                      p->lon >= cases[c].lon_min && p->lon <= cases[c].lon_max,
                  "%s at %f,%f", p->id, p->lat, p->lon);
    }
    const char *states[] = {"syria",  "iraq",         "yemen", "lebanon", "palestine", "libya",
                            "sudan",  "somalia",      "egypt", "mali",    "turkey",    "jordan",
                            "israel", "saudi-arabia", "iran",  "russia"};
    for (size_t i = 0; i < sizeof states / sizeof states[0]; i++) {
        const extract_place *p = place(states[i]);
        cr_expect(p && strcmp(p->kind, "country") == 0, "state %s missing", states[i]);
    }
}

/* The name shown is the press's: GeoNames lists names alphabetically, and
 * tools/gazetteer/build.py orders them (data/places/arabic_names.tsv first,
 * then the fuller of two spellings, names without vowel marks or a division
 * word before them; a Kurdish spelling is no name). */
Test(gazetteer, names_shown_are_the_press_spellings)
{
    static const struct {
        const char *id, *name;
    } cases[] = {
        {"tripoli", "طرابلس"}, {"tyre", "صور"},     {"alexandria", "الإسكندرية"},
        {"karbala", "كربلاء"}, {"luxor", "الأقصر"}, {"benghazi", "بنغازي"},
        {"ramadi", "الرمادي"}, {"oran", "وهران"},   {"kassala", "كسلا"},
    };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        const extract_place *p = place(cases[c].id);
        cr_assert_not_null(p, "missing %s", cases[c].id);
        cr_expect_str_eq(p->name, cases[c].name, "%s", cases[c].id);
    }
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
    static const char *const affiliations[] = {"government", "opposition", "independent",
                                               "unknown"};
    for (size_t i = 0; i < n; i++) {
        bool ok = false;
        for (size_t k = 0; k < 4; k++)
            ok |= strcmp(sources[i].affiliation, affiliations[k]) == 0;
        cr_expect(ok, "%s: affiliation %s", sources[i].id, sources[i].affiliation);
    }
    const char *outlets[] = {"الجزيرة", "روسيا اليوم", "المنار",
                             "سانا",    "العربية",     "الميادين",
                             "رويترز",  "فرانس برس",   "المرصد السوري لحقوق الإنسان",
                             "شبكة شام"};
    for (size_t i = 0; i < sizeof outlets / sizeof outlets[0]; i++)
        cr_expect_not_null(extract_model_find_source(model, outlets[i]), "missing %s", outlets[i]);
}

/* Every party names its bloc (data/blocs.tsv) or is independent, and the
 * parties of several wars sit in the bloc of the one they are mostly
 * reported in. */
Test(gazetteer, every_party_has_its_bloc)
{
    static const struct {
        const char *name, *bloc;
    } cases[] = {
        {"حزب الله", "sy.government"},
        {"الحرس الثوري", "sy.government"},
        {"قوات النظام", "sy.government"},
        {"وزارة الدفاع الروسية", "sy.government"},
        {"سانا", "sy.government"},
        {"أحرار الشام", "sy.opposition"},
        {"الدفاع المدني السوري", "sy.opposition"},
        {"قسد", "sy.sdf"},
        {"داعش", "sy.isis"},
        {"وكالة أعماق", "sy.isis"},
        {"الجيش التركي", "sy.turkey"},
        {"الأناضول", "sy.turkey"},
        {"التحالف الدولي", "sy.coalition"},
        {"الحوثيين", "ye.houthis"},
        {"التحالف العربي", "ye.government"},
        {"المجلس الانتقالي الجنوبي", "ye.stc"},
        {"الحشد الشعبي", "iq.government"},
        {"البيشمركة", "iq.kurdistan"},
        {"حماس", "gz.factions"},
        {"جيش الاحتلال", "gz.israel"},
        {"الجيش اللبناني", "lb.state"},
        {"قوات الدعم السريع", "sd.rsf"},
        {"الجيش السوداني", "sd.saf"},
        {"قوات حفتر", "ly.lna"},
        {"حركة الشباب", "so.shabaab"},
        {"مجموعة فاغنر", "sahel.states"},
        {"المرصد السوري لحقوق الإنسان", "independent"},
        {"الأمم المتحدة", "independent"},
        {"الجزيرة", "independent"},
        {"الصليب الأحمر", "independent"},
        /* how the other side's media name a party */
        {"ميليشيا أسد", "sy.government"},
        {"الاحتلال التركي", "sy.turkey"},
        {"العدو الإسرائيلي", "gz.israel"},
        {"قوات حميدتي", "sd.rsf"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const extract_source *s = extract_model_find_source(model, cases[i].name);
        cr_assert_not_null(s, "no source %s", cases[i].name);
        cr_expect(s->bloc && !strcmp(s->bloc, cases[i].bloc), "%s: bloc %s, want %s", cases[i].name,
                  s->bloc ? s->bloc : "(none)", cases[i].bloc);
    }
    const extract_source *sources;
    size_t n = extract_model_sources(model, &sources);
    for (size_t i = 0; i < n; i++)
        cr_expect(sources[i].bloc &&
                      (strchr(sources[i].bloc, '.') || !strcmp(sources[i].bloc, "independent")),
                  "%s has no bloc", sources[i].id);
}

/* A village or quarter lies inside the town the press names it with, so
 * that a report naming both can place its figures at the smaller one:
 * Kocho, Sinune and Khanasor in Sinjar, Gaza's quarters in Gaza city. */
Test(gazetteer, villages_and_quarters_lie_inside_their_town)
{
    static const char *const pairs[][2] = {
        {"kocho", "sinjar"},  {"sinune", "sinjar"},        {"khanasor", "sinjar"},
        {"shujaiya", "gaza"}, {"mosul-old-city", "mosul"},
    };
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++)
        cr_expect(within(place(pairs[i][0]), pairs[i][1]), "%s is not inside %s", pairs[i][0],
                  pairs[i][1]);
}

/* place_kinds.h — the kinds of place marsad knows: the kinds of the
 * gazetteer (data/gazetteer.tsv) and those an unresolved place takes from
 * its context word (data/lexicon/place_context.tsv).
 *
 * One list for the extractor's data check, the store's `kind` filter and
 * the API; schema.sql's CHECK on locations.kind and the explorer's labels
 * spell the same list (tests/db/test_enum_sync.c compares them).
 */
#ifndef MARSAD_PLACE_KINDS_H
#define MARSAD_PLACE_KINDS_H

/* For an array initialiser: {PLACE_KINDS, NULL}. */
#define PLACE_KINDS                                                                   \
    "country", "governorate", "district", "city", "town", "village", "neighbourhood", \
        "military_site", "hill", "road", "facility", "region", "camp", "river", "other"

#endif

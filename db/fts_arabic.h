/* fts_arabic.h — "marsad_ar", the FTS5 tokenizer of marsad's full-text
 * indexes (articles_fts, figures_fts, sources_fts): Arabic as people type
 * it, so that حلب, بحلب, وحلب and حَلَب find the same articles.
 *
 * Each word goes through:
 *   1. the extractor's tokenising and folding (extract/text.h, the same
 *      code as text_normalize): harakat and tatweel dropped, أ إ آ ٱ → ا,
 *      ى → ي, ة → ه, ؤ → و, ئ → ي, Arabic-Indic digits → ASCII, Latin
 *      lower-cased. Punctuation is not indexed. In numbers the group
 *      separators go (1,500 and ١٬٥٠٠ are the term 1500; the decimal point
 *      stays).
 *   2. Arabic words: proclitics (و ف, then ب ل ك, then ال, or لل) are
 *      stripped with text_proclitic_forms. Stripping is ambiguous (is the
 *      ب of بشار a preposition?), so the word is indexed as the word itself
 *      AND every stripped form of at least three letters, all at one
 *      position (FTS5_TOKEN_COLOCATED); a query word is read the same way
 *      and its forms are synonyms, so a query word matches a text word when
 *      they share a form: الكتيبة finds كتيبة (and كتيبة finds الكتيبة),
 *      بحلب finds حلب.
 *   3. every form is stemmed with Snowball "arabic" (Debian's libstemmer),
 *      applied until the stem stops changing (at most STEM_PASSES times):
 *      one pass strips one layer (دبابات → دبابا → دباب). Latin words are
 *      stemmed once with Snowball "english"; other scripts are left as they
 *      are.
 *
 * Prefix queries (حل*: FTS5 passes FTS5_TOKENIZE_PREFIX) are folded and
 * stripped like words, the stripped forms of one letter or more being tried
 * too (وحل* finds حلب, الف* finds الفتح). As the index holds stems, a
 * prefix is compared with stems, and one typed past the stem of the word
 * it should find would miss it (قتلى* against قتل, the term of قتلى). So a
 * prefix is replaced by its stem when the stem is a prefix of it, which
 * can only widen the match (قتلى* → قتل*), and kept as typed otherwise (a
 * stem that is not a prefix of what was typed, الدبابات* → دباب, would
 * find words that do not start with it). In short: a prefix finds the
 * words whose stem starts with it or with its own stem.
 *
 * Offsets reported to FTS5 are bytes into the text (the whole word,
 * proclitics and harakat included), which is what highlight() and snippet()
 * cut at.
 *
 * Threads: sb_stemmer is not thread-safe, so each tokenizer instance owns
 * its stemmers. FTS5 creates an instance per FTS table per connection, and a
 * store connection is used by one thread at a time (store.h).
 */
#ifndef MARSAD_FTS_ARABIC_H
#define MARSAD_FTS_ARABIC_H

#include <sqlite3.h>

#define FTS_ARABIC_NAME "marsad_ar"

/* Registers the tokenizer with db's FTS5 (store_open does, on every
 * connection, read-only ones too). SQLITE_OK or an SQLite error code. */
int fts_arabic_register(sqlite3 *db);

#endif

/* gen_corpus.c — writes a deterministic corpus of synthetic Arabic war
 * reports for marsad's scale benchmarks.
 *
 *   gen_corpus --count N --out DIR [--seed S] [--data DATADIR] [--pages]
 *
 * Writes DIR/gen_0000001.txt ... flat in DIR (marsad imports the *.txt of
 * one folder); with --pages, the same reports as saved article pages
 * DIR/gen_0000001.html: the text in an <article> (title as h1, paragraphs
 * as <p>) inside a news site's furniture (menu, related links, footer,
 * a script), with og:site_name, article:published_time and a canonical
 * link, so that the page import is measured on what it has to throw away. Each report is ~2-5 KB of UTF-8: a headline line, a blank
 * line, then paragraphs of sentences built from the templates below, with
 * places read from DATADIR/gazetteer.tsv and parties and outlets from
 * DATADIR/sources.tsv (first name of the first column; # lines are
 * comments).
 *
 * Why synthetic and why like this: the seeds are five articles, too few to
 * show how lists, counts and search behave at 10^5-10^6 rows. The reports
 * recombine ~60 sentence templates with the forms a journalist writes
 * numbers in (digits, Arabic-Indic digits, number words with gender
 * polarity, ranges, vague amounts, qualifiers before or after) so that the
 * extractor finds a realistic number of figures, places and sources in
 * each, and the rows the server lists look like real ones.
 *
 * Deterministic: document i depends only on (seed, i) and the data files,
 * so corpus-1k is exactly the first 1000 files of corpus-10k, and two runs
 * write the same bytes. Integer arithmetic only (no libm), for the same
 * bytes on every machine.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* ---- a growable byte buffer ---------------------------------------------- */

typedef struct buf {
    char *p;
    size_t len, cap;
} buf;

static void die(const char *what)
{
    fprintf(stderr, "gen_corpus: %s\n", what);
    exit(1);
}

static void b_putn(buf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 8192;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *p = realloc(b->p, cap);
        if (!p)
            die("out of memory");
        b->p = p;
        b->cap = cap;
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
}

static void b_puts(buf *b, const char *s)
{
    b_putn(b, s, strlen(s));
}

static void b_putu(buf *b, unsigned long v)
{
    char tmp[32];
    int n = snprintf(tmp, sizeof tmp, "%lu", v);
    b_putn(b, tmp, (size_t)n);
}

/* ---- a small deterministic generator (splitmix64) ----------------------- */

typedef struct rng {
    uint64_t s;
} rng;

static uint64_t next_u64(rng *r)
{
    uint64_t z = (r->s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

/* Uniform in [0, n): multiply-shift, the same on every platform. */
static uint32_t below(rng *r, uint32_t n)
{
    if (n == 0)
        return 0;
    return (uint32_t)(((next_u64(r) >> 32) * (uint64_t)n) >> 32);
}

static bool chance(rng *r, unsigned percent)
{
    return below(r, 100) < percent;
}

/* ---- the data files: places and sources --------------------------------- */

typedef struct names {
    char **v;
    size_t n, cap;
} names;

static void names_add(names *ns, const char *s, size_t len)
{
    if (ns->n == ns->cap) {
        ns->cap = ns->cap ? ns->cap * 2 : 64;
        char **v = realloc(ns->v, ns->cap * sizeof *v);
        if (!v)
            die("out of memory");
        ns->v = v;
    }
    char *c = malloc(len + 1);
    if (!c)
        die("out of memory");
    memcpy(c, s, len);
    c[len] = '\0';
    ns->v[ns->n++] = c;
}

/* Column k (0-based) of a TAB-separated line, as pointer and length. */
static bool column(const char *line, int k, const char **out, size_t *len)
{
    const char *p = line;
    for (int i = 0; i < k; i++) {
        p = strchr(p, '\t');
        if (!p)
            return false;
        p++;
    }
    *out = p;
    *len = strcspn(p, "\t\r\n");
    return true;
}

static bool col_is(const char *line, int k, const char *want)
{
    const char *p;
    size_t n;
    return column(line, k, &p, &n) && n == strlen(want) && memcmp(p, want, n) == 0;
}

static bool col_in(const char *line, int k, const char *const *set)
{
    for (; *set; set++)
        if (col_is(line, k, *set))
            return true;
    return false;
}

typedef struct cast_pools {
    names places;   /* gazetteer, below country level */
    names gov;      /* parties on the government side */
    names opp;      /* parties on the opposition side */
    names monitors; /* NGOs, UN bodies, civil defence, activists */
    names outlets;  /* outlets and agencies */
} cast_pools;

/* Calls take(line) for each data line of path (comments and blanks skipped). */
static void read_tsv(const char *path, void (*take)(cast_pools *, const char *), cast_pools *cp)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "gen_corpus: cannot read %s: %s\n", path, strerror(errno));
        exit(1);
    }
    char *line = NULL;
    size_t cap = 0;
    while (getline(&line, &cap, f) > 0) {
        if (line[0] == '#' || line[0] == '\n' || line[0] == '\r' || line[0] == '\0')
            continue;
        take(cp, line);
    }
    free(line);
    fclose(f);
}

/* The display name: the first column up to its first '|'. */
static size_t display_len(const char *line)
{
    return strcspn(line, "|\t\r\n");
}

static void take_place(cast_pools *cp, const char *line)
{
    static const char *const skip[] = {"country", "governorate", NULL};
    if (col_in(line, 2, skip))
        return; /* a report is set in a town or quarter, not "in Syria" */
    names_add(&cp->places, line, display_len(line));
}

static void take_source(cast_pools *cp, const char *line)
{
    static const char *const media[] = {"outlet", "agency", NULL};
    static const char *const parties[] = {"armed_group", "military", "government", NULL};
    static const char *const watchers[] = {"ngo", "un", "civil_defence", "activists", NULL};
    size_t n = display_len(line);
    if (col_in(line, 2, media))
        names_add(&cp->outlets, line, n);
    else if (col_in(line, 2, watchers))
        names_add(&cp->monitors, line, n);
    else if (col_in(line, 2, parties) && col_is(line, 3, "government"))
        names_add(&cp->gov, line, n);
    else if (col_in(line, 2, parties) && col_is(line, 3, "opposition"))
        names_add(&cp->opp, line, n);
}

static const char *pick(rng *r, const names *ns)
{
    return ns->v[below(r, (uint32_t)ns->n)];
}

/* ---- counted nouns ------------------------------------------------------ *
 * Arabic counts agree with the number: 3-10 take the plural, 11-99 the
 * accusative singular, hundreds and thousands the genitive singular, 2 the
 * dual, and number words 3-10 take the opposite gender of the noun. */

typedef struct noun {
    const char *key;
    const char *sing;   /* genitive singular: 100 قتيل */
    const char *acc;    /* accusative singular: 25 قتيلاً */
    const char *plural; /* 3-10: خمسة قتلى */
    const char *dual;   /* قتيلين */
    const char *def_pl; /* after عشرات/مئات: عشرات القتلى */
    bool fem;
    unsigned min, max;
} noun;

static const noun NOUNS[] = {
    {"killed", "قتيل", "قتيلاً", "قتلى", "قتيلين", "القتلى", false, 3, 400},
    {"people", "شخص", "شخصاً", "أشخاص", "شخصين", "الأشخاص", false, 2, 150},
    {"injured", "جريح", "جريحاً", "جرحى", "جريحين", "الجرحى", false, 2, 600},
    {"civilians", "مدني", "مدنياً", "مدنيين", "مدنيين", "المدنيين", false, 2, 200},
    {"children", "طفل", "طفلاً", "أطفال", "طفلين", "الأطفال", false, 2, 60},
    {"women", "امرأة", "امرأة", "نساء", "امرأتين", "النساء", true, 2, 40},
    {"fighters", "مسلح", "مسلحاً", "مسلحين", "مسلحين", "المسلحين", false, 3, 300},
    {"members", "عنصر", "عنصراً", "عناصر", "عنصرين", "العناصر", false, 3, 250},
    {"terrorists", "إرهابي", "إرهابياً", "إرهابيين", "إرهابيين", "الإرهابيين", false, 3, 300},
    {"soldiers", "جندي", "جندياً", "جنود", "جنديين", "الجنود", false, 2, 200},
    {"tanks", "دبابة", "دبابة", "دبابات", "دبابتين", "الدبابات", true, 1, 20},
    {"vehicles", "آلية عسكرية", "آلية عسكرية", "آليات عسكرية", "آليتين عسكريتين", "الآليات", true,
     1, 30},
    {"carriers", "ناقلة جند", "ناقلة جند", "ناقلات جند", "ناقلتي جند", "ناقلات الجند", true, 1, 10},
    {"shells", "قذيفة", "قذيفة", "قذائف", "قذيفتين", "القذائف", true, 5, 600},
    {"mortars", "قذيفة هاون", "قذيفة هاون", "قذائف هاون", "قذيفتي هاون", "قذائف الهاون", true, 3,
     200},
    {"rockets", "صاروخ", "صاروخاً", "صواريخ", "صاروخين", "الصواريخ", false, 3, 150},
    {"raids", "غارة جوية", "غارة جوية", "غارات جوية", "غارتين جويتين", "الغارات", true, 2, 120},
    {"barrels", "برميل متفجر", "برميلاً متفجراً", "براميل متفجرة", "برميلين متفجرين",
     "البراميل المتفجرة", false, 2, 60},
    {"aircraft", "طائرة حربية", "طائرة حربية", "طائرات حربية", "طائرتين حربيتين", "الطائرات", true,
     1, 4},
    {"prisoners", "أسير", "أسيراً", "أسرى", "أسيرين", "الأسرى", false, 2, 80},
    {"displaced", "نازح", "نازحاً", "نازحين", "نازحين", "النازحين", false, 50, 60000},
    {"buildings", "منزل", "منزلاً", "منازل", "منزلين", "المنازل", false, 3, 300},
    {"suffocation", "حالة اختناق", "حالة اختناق", "حالات اختناق", "حالتي اختناق", "حالات الاختناق",
     true, 3, 200},
    {"trapped", "محاصر", "محاصراً", "محاصرين", "محاصرين", "المحاصرين", false, 1000, 300000},
    {"evacuees", "مدني", "مدنياً", "مدنيين", "مدنيين", "المدنيين", false, 20, 5000},
    {"casualties", "ضحية", "ضحية", "ضحايا", "ضحيتين", "الضحايا", true, 5, 500},
};

static const noun *find_noun(const char *key, size_t len)
{
    for (size_t i = 0; i < sizeof NOUNS / sizeof NOUNS[0]; i++)
        if (strlen(NOUNS[i].key) == len && memcmp(NOUNS[i].key, key, len) == 0)
            return &NOUNS[i];
    return NULL;
}

/* The noun form the number v takes (its last two digits decide). */
static const char *noun_form(const noun *n, unsigned long v)
{
    unsigned long r = v % 100;
    if (r >= 3 && r <= 10)
        return n->plural;
    if (r >= 11)
        return n->acc;
    return n->sing;
}

/* ---- numbers as words --------------------------------------------------- */

/* Units 3-10, [noun is feminine]: the number takes the other gender. */
static const char *const UNITS[11][2] = {
    {NULL, NULL},        {"واحد", "إحدى"}, {"اثنين", "اثنتين"}, {"ثلاثة", "ثلاث"},
    {"أربعة", "أربع"},   {"خمسة", "خمس"},  {"ستة", "ست"},       {"سبعة", "سبع"},
    {"ثمانية", "ثماني"}, {"تسعة", "تسع"},  {"عشرة", "عشر"},
};
static const char *const TEENS[10][2] = {
    {NULL, NULL},
    {"أحد عشر", "إحدى عشرة"},
    {"اثني عشر", "اثنتي عشرة"},
    {"ثلاثة عشر", "ثلاث عشرة"},
    {"أربعة عشر", "أربع عشرة"},
    {"خمسة عشر", "خمس عشرة"},
    {"ستة عشر", "ست عشرة"},
    {"سبعة عشر", "سبع عشرة"},
    {"ثمانية عشر", "ثماني عشرة"},
    {"تسعة عشر", "تسع عشرة"},
};
static const char *const TENS[10] = {NULL,    NULL,   "عشرين", "ثلاثين", "أربعين",
                                     "خمسين", "ستين", "سبعين", "ثمانين", "تسعين"};
static const char *const HUNDREDS[10] = {NULL,     "مئة",   "مئتي",   "ثلاثمئة", "أربعمئة",
                                         "خمسمئة", "ستمئة", "سبعمئة", "ثمانمئة", "تسعمئة"};

/* v below 100 in words; false when v is 0. */
static bool words_below_100(buf *b, unsigned long v, bool fem)
{
    if (v == 0)
        return false;
    if (v <= 10)
        b_puts(b, UNITS[v][fem]);
    else if (v < 20)
        b_puts(b, TEENS[v - 10][fem]);
    else if (v % 10 == 0)
        b_puts(b, TENS[v / 10]);
    else {
        b_puts(b, UNITS[v % 10][fem]);
        b_puts(b, " و");
        b_puts(b, TENS[v / 10]);
    }
    return true;
}

/* v in words when a journalist would plausibly write it so; false when
 * digits are the only natural form. */
static bool words_of(buf *b, unsigned long v, bool fem)
{
    if (v >= 3 && v < 100)
        return words_below_100(b, v, fem);
    if (v >= 100 && v < 1000) {
        b_puts(b, HUNDREDS[v / 100]);
        if (v % 100) {
            b_puts(b, " و");
            words_below_100(b, v % 100, fem);
        }
        return true;
    }
    if (v >= 1000 && v <= 10000 && v % 1000 == 0) {
        unsigned long k = v / 1000;
        if (k == 1)
            b_puts(b, "ألف");
        else if (k == 2)
            b_puts(b, "ألفي");
        else {
            b_puts(b, UNITS[k][0]); /* آلاف is masculine: ثلاثة آلاف */
            b_puts(b, " آلاف");
        }
        return true;
    }
    return false;
}

/* Arabic-Indic digits (U+0660..U+0669). */
static void indic_digits(buf *b, unsigned long v)
{
    char ascii[32];
    int n = snprintf(ascii, sizeof ascii, "%lu", v);
    for (int i = 0; i < n; i++) {
        char d[2] = {(char)0xD9, (char)(0xA0 + (ascii[i] - '0'))};
        b_putn(b, d, 2);
    }
}

/* ASCII digits, with a thousands comma now and then (12,500). */
static void ascii_digits(rng *r, buf *b, unsigned long v)
{
    if (v >= 1000 && chance(r, 30)) {
        b_putu(b, v / 1000);
        char tail[8];
        snprintf(tail, sizeof tail, ",%03lu", v % 1000);
        b_puts(b, tail);
        return;
    }
    b_putu(b, v);
}

/* A value between n->min and n->max, small ones more often (the nested
 * uniform draw is roughly log-distributed), rounded as reports round. */
static unsigned long draw_value(rng *r, const noun *n)
{
    uint32_t span = n->max - n->min + 1;
    unsigned long v = n->min + below(r, below(r, span) + 1);
    if (v >= 1000) {
        unsigned long unit = 1;
        while (v / unit >= 100)
            unit *= 10;
        v = v / unit * unit; /* two significant digits */
    } else if (v >= 200 && chance(r, 50)) {
        v = v / 10 * 10;
    }
    return v;
}

static const char *const QUAL_BEFORE[] = {
    "أكثر من ",     "نحو ",  "ما لا يقل عن ", "حوالي ",  "قرابة ",
    "ما يزيد على ", "زهاء ", "ما يقارب ",     "أقل من ", "ما يصل إلى ",
};
#define N_QUAL_BEFORE (sizeof QUAL_BEFORE / sizeof QUAL_BEFORE[0])

/* A count with its noun: "أكثر من 80 قتيلاً", "خمس دبابات", "دبابتين",
 * "بين 20 و30 جريحاً", "عشرات القتلى", "٤٥ غارة جوية على الأقل". */
static void put_count(rng *r, buf *b, const noun *n, bool allow_qual)
{
    unsigned long v = draw_value(r, n);
    if (v == 1) {
        b_puts(b, n->sing);
        b_puts(b, n->fem ? " واحدة" : " واحد");
        return;
    }
    if (v == 2) {
        b_puts(b, n->dual);
        return;
    }
    unsigned style = below(r, 100);
    if (style < 6 && v >= 10) { /* a vague amount */
        b_puts(b, v < 100 ? "عشرات " : v < 1000 ? "مئات " : "آلاف ");
        b_puts(b, n->def_pl);
        return;
    }
    if (style < 13 && v >= 4) { /* a range */
        unsigned long lo = v - (v / 4 ? v / 4 : 1);
        if (lo < 2)
            lo = 2;
        if (lo >= v) {
            b_putu(b, v);
        } else {
            switch (below(r, 3)) {
            case 0:
                b_puts(b, "بين ");
                b_putu(b, lo);
                b_puts(b, " و");
                b_putu(b, v);
                break;
            case 1:
                b_puts(b, "من ");
                b_putu(b, lo);
                b_puts(b, " إلى ");
                b_putu(b, v);
                break;
            default:
                b_putu(b, lo);
                b_puts(b, "-");
                b_putu(b, v);
                break;
            }
        }
        b_puts(b, " ");
        b_puts(b, noun_form(n, v));
        return;
    }
    bool suffix = false;
    if (allow_qual) {
        unsigned q = below(r, 100);
        if (q < 30)
            b_puts(b, QUAL_BEFORE[below(r, N_QUAL_BEFORE)]);
        else if (q < 38)
            suffix = true;
    }
    if (v >= 10000 && v % 1000 == 0 && chance(r, 50)) {
        unsigned long k = v / 1000; /* "250 ألف نازح" */
        if (chance(r, 30))
            indic_digits(b, k);
        else
            b_putu(b, k);
        b_puts(b, k >= 3 && k <= 10 ? " آلاف " : " ألف ");
        b_puts(b, n->sing);
    } else {
        size_t mark = b->len;
        bool worded = style < 35 && words_of(b, v, n->fem);
        if (!worded) {
            b->len = mark;
            b->p[mark] = '\0';
            if (style < 55)
                indic_digits(b, v);
            else
                ascii_digits(r, b, v);
        }
        b_puts(b, " ");
        b_puts(b, noun_form(n, v));
    }
    if (suffix)
        b_puts(b, " على الأقل");
}

/* ---- the sentences ------------------------------------------------------ *
 * Slots: {P} the report's place, {P2} another place, {G} a government-side
 * party, {O} an opposition party, {M} a monitor or UN body, {OUT} an outlet,
 * {SAYM}/{SAYF} قال/قالت (followed by إن), {VM}/{VF} another claim verb
 * (followed by أن), {NVM}/{NVF} a denial verb, {D} a day, {N:noun} a count
 * that may carry a qualifier, {N0:noun} one that does not. */

static const char *const TITLES[] = {
    "معارك عنيفة في {P} و{O} يعلن السيطرة على مواقع جديدة",
    "مقتل {N0:killed} بقصف على {P}",
    "{G}: تدمير {N0:tanks} خلال التصدي لهجوم على {P}",
    "{M} يوثق مقتل {N0:civilians} في {P}",
    "تصعيد في {P} وتبادل للاتهامات بين الطرفين",
    "{N0:raids} على {P} خلال يوم واحد",
    "{O} يعلن أسر {N0:prisoners} قرب {P}",
    "نزوح {N0:displaced} من {P} هرباً من القصف",
};

static const char *const LEADS[] = {
    "{VF} {OUT}، {D}، بأن {N:killed} سقطوا في {P} إثر اشتباكات عنيفة بين {G} و{O}.",
    "قُتل {N:people} وأصيب {N:injured} في قصف استهدف {P} {D}، بحسب ما {VF} {OUT}.",
    "تواصلت المعارك {D} على محاور {P} و{P2}، وسط تبادل للاتهامات بين {G} و{O} حول حصيلة الخسائر.",
    "{SAYM} {O} إن مقاتليه تمكنوا {D} من السيطرة على {P} بعد معارك استمرت ساعات مع {G}.",
    "شهدت {P} {D} تصعيداً عسكرياً هو الأعنف منذ أسابيع، إذ شن الطيران {N:raids} على أحيائها الشرقية.",
    "{VM} {G} في بيان {D} أن وحداته أحبطت هجوماً واسعاً على {P} وقتلت {N:terrorists}.",
    "ارتفعت حصيلة القتلى في {P} إلى {N:killed} منذ {D}، وفق ما {VF} {OUT} نقلاً عن مصادر محلية.",
};

static const char *const GOV_CLAIMS[] = {
    "وأكد {G} أن قواته دمرت {N:tanks} و{N:vehicles} خلال التصدي للهجوم على {P}.",
    "وبحسب {G}، فإن {N:terrorists} قُتلوا في كمين نصبته القوات قرب {P}، بينهم قادة ميدانيون.",
    "وقال مصدر عسكري لـ{OUT} إن سلاح الجو نفذ {N:raids} على مواقع {O} في {P}.",
    "و{VM} {G} أن {O} أطلق {N:shells} على الأحياء السكنية في {P}، ما أدى إلى مقتل {N:civilians}.",
    "وأضاف البيان أن الوحدات المشاركة استولت على {N:vehicles} وكميات من الذخيرة في {P}.",
    "ونقلت {OUT} عن مصدر ميداني أن القوات أسرت {N:prisoners} من عناصر {O} على أطراف {P}.",
    "{SAYM} {G} إن {O} استهدف {P2} بـ{N:rockets}، وإن الدفاعات الجوية أسقطت عدداً منها.",
    "وأوضح {G} أن عملياته في محيط {P} أسفرت عن تدمير {N:vehicles} ومقتل {N:members} من المسلحين.",
};

static const char *const OPP_CLAIMS[] = {
    "في المقابل، {SAYM} {O} إنه قتل {N:soldiers} من {G} ودمر {N:tanks} على أطراف {P}.",
    "وأعلن {O} الاستيلاء على {N:tanks} و{N:carriers} خلال اقتحامه {P}.",
    "وزعم {O} أن خسائر {G} في معارك {P} بلغت {N:killed} و{N:injured}.",
    "و{VM} {O} أن مقاتليه أسقطوا {N:aircraft} في سماء {P}.",
    "ونشر {O} تسجيلاً مصوراً قال إنه يظهر تدمير {N:vehicles} لقوات {G} قرب {P}.",
    "وقال الناطق باسم {O} إن مقاتليه أسروا {N:prisoners} من عناصر {G} في {P}.",
    "وأكد {O} أنه استهدف تجمعات {G} في {P2} بـ{N:rockets}، محققاً إصابات مباشرة.",
    "وأشار {O} إلى أن {N:members} من {G} لقوا حتفهم خلال محاولتهم التقدم نحو {P}.",
};

static const char *const DENIALS[] = {
    "لكن {G} نفى هذه الأرقام، مؤكداً أن خسائره لم تتجاوز {N0:soldiers}.",
    "ونفى {O} سقوط {N:fighters} من عناصره، ووصف بيانات {G} بأنها دعاية إعلامية.",
    "و{NVF} {OUT} صحة ما تداولته صفحات موالية عن مقتل {N:killed} في {P}.",
    "في حين نفى مصدر في {G} أن تكون طائراته قد نفذت {N:raids} على {P}.",
    "و{NVM} {O} أن يكون مقاتلوه قد استهدفوا المدنيين في {P}، متهماً {G} بالوقوف وراء القصف.",
};

static const char *const MONITORS[] = {
    "ووثق {M} مقتل {N:civilians} بينهم {N:children} و{N:women} في {P} منذ بداية الأسبوع.",
    "{SAYM} {M} إن حصيلة القتلى في {P} ارتفعت إلى {N:killed}، مرجحاً ارتفاعها بسبب وجود {N:injured} "
    "في حالات خطرة.",
    "وأحصى {M} {N:raids} على أحياء {P} خلال الساعات الأربع والعشرين الماضية.",
    "وأفادت مصادر طبية في {P} بوصول {N:injured} إلى المشافي الميدانية، معظمهم من المدنيين.",
    "وبحسب {M}، فإن {N:displaced} نزحوا من {P} باتجاه {P2} هرباً من القصف.",
    "وذكر ناشطون أن {N:barrels} ألقيت على {P} و{P2}، ما تسبب بدمار واسع طال {N:buildings}.",
    "وقالت فرق الإنقاذ إنها انتشلت جثث {N:people} من تحت الأنقاض في {P}.",
    "وسجل {M} {N:suffocation} في {P} إثر قصف قال ناشطون إنه استخدم فيه غازات سامة.",
};

static const char *const SHELLING[] = {
    "وتعرضت {P} لقصف مدفعي مكثف، إذ سقطت عليها {N:shells} منذ ساعات الصباح.",
    "وأطلقت الفصائل {N:rockets} على {P}، بحسب ما {VF} {OUT}.",
    "واستهدفت {N:shells} الأحياء الغربية من {P}، ما أسفر عن إصابة {N:injured}.",
    "{SAYF} {OUT} إن {N:mortars} سقطت على {P} خلال يوم واحد.",
    "وشنت الطائرات الحربية {N:raids} على {P} و{P2}، تلتها غارات بالبراميل المتفجرة.",
    "وأدى القصف على سوق شعبي في {P} إلى مقتل {N:civilians} وإصابة {N:injured}.",
};

static const char *const CONTEXT[] = {
    "وتأتي هذه التطورات في إطار معركة مستمرة منذ أسابيع للسيطرة على طرق الإمداد المؤدية إلى {P}.",
    "ويحاول {G} منذ أيام استعادة المواقع التي خسرها في {P}، مستعيناً بتعزيزات وصلت من {P2}.",
    "ولم يتسن التحقق من هذه الأرقام من مصدر مستقل، في ظل القيود المفروضة على عمل الصحفيين في {P}.",
    "وتبادل الطرفان الاتهامات بخرق التهدئة المعلنة، فيما تتواصل الدعوات الدولية لفتح ممرات إنسانية "
    "نحو {P}.",
    "ويعيش آلاف المدنيين في {P} أوضاعاً إنسانية صعبة بسبب الحصار ونقص المواد الغذائية والأدوية.",
    "وتعد {P} من أبرز النقاط الاستراتيجية في المنطقة، إذ تشرف على الطريق الواصل إلى {P2}.",
    "ودعا {M} جميع الأطراف إلى تحييد المدنيين والمنشآت الطبية عن العمليات العسكرية.",
    "و{VF} {OUT} أن الاشتباكات تركزت على محور {P}، وسط تحليق مكثف للطيران الحربي.",
};

static const char *const BACKGROUND[] = {
    "ومنذ مطلع الشهر، قُتل {N:people} في {P} وريفها بحسب إحصاءات {M}.",
    "وكانت {P} قد شهدت في الأسبوع الماضي معارك مماثلة أسفرت عن مقتل {N:killed} من الطرفين.",
    "ويقدر {M} عدد المحاصرين في {P} بنحو {N0:trapped}.",
    "وأعلن {M} أنه أجلى {N:evacuees} من {P} خلال الأيام الماضية.",
    "وتشير تقديرات {M} إلى أن المعارك في {P} خلفت {N:casualties} خلال شهر واحد.",
};

typedef struct pool {
    const char *const *t;
    size_t n;
} pool;

#define POOL(a) ((pool){a, sizeof a / sizeof a[0]})

static const char *const SAY_M[] = {"قال", "أفاد", "ذكر", "صرح"};
static const char *const SAY_F[] = {"قالت", "ذكرت", "صرحت"};
static const char *const VERB_M[] = {"أعلن", "أكد", "ذكر", "أوضح", "أفاد", "زعم"};
static const char *const VERB_F[] = {"أفادت", "ذكرت", "أعلنت", "أكدت", "نقلت", "أوردت"};
static const char *const DENY_M[] = {"نفى", "كذب"};
static const char *const DENY_F[] = {"نفت", "كذبت"};
static const char *const DAYS[] = {"السبت",    "الأحد",  "الاثنين", "الثلاثاء",
                                   "الأربعاء", "الخميس", "الجمعة"};
static const char *const MONTHS[] = {"تموز/يوليو", "آب/أغسطس", "أيلول/سبتمبر",
                                     "تشرين الأول/أكتوبر"};

#define ONE_OF(r, a) ((a)[below((r), (uint32_t)(sizeof(a) / sizeof((a)[0])))])

/* The cast of one report: it stays in one place and between two sides. */
typedef struct cast {
    const char *place, *gov, *opp, *monitor, *outlet;
} cast;

static void put_day(rng *r, buf *b)
{
    switch (below(r, 6)) {
    case 0: b_puts(b, "أمس"); break;
    case 1: b_puts(b, "اليوم"); break;
    case 2: b_puts(b, "صباح اليوم"); break;
    case 3:
        b_puts(b, "يوم ");
        b_puts(b, ONE_OF(r, DAYS));
        break;
    case 4:
        b_puts(b, "مساء ");
        b_puts(b, ONE_OF(r, DAYS));
        break;
    default: /* a dated day: the number reader must not take it for a count */
        b_puts(b, ONE_OF(r, DAYS));
        b_puts(b, " ");
        b_putu(b, 1 + below(r, 28));
        b_puts(b, " ");
        b_puts(b, ONE_OF(r, MONTHS));
        b_puts(b, " 2016");
        break;
    }
}

static bool slot_is(const char *s, size_t n, const char *name)
{
    return strlen(name) == n && memcmp(s, name, n) == 0;
}

static void expand(rng *r, buf *b, const char *tpl, const cast *c, const cast_pools *cp)
{
    for (const char *p = tpl; *p;) {
        const char *open = strchr(p, '{');
        if (!open) {
            b_puts(b, p);
            return;
        }
        b_putn(b, p, (size_t)(open - p));
        const char *close = strchr(open, '}');
        if (!close)
            die("unterminated slot in a template");
        const char *s = open + 1;
        size_t n = (size_t)(close - s);
        if (slot_is(s, n, "P"))
            b_puts(b, c->place);
        else if (slot_is(s, n, "P2")) {
            const char *other = pick(r, &cp->places);
            b_puts(b, other != c->place ? other : pick(r, &cp->places));
        } else if (slot_is(s, n, "G"))
            b_puts(b, c->gov);
        else if (slot_is(s, n, "O"))
            b_puts(b, c->opp);
        else if (slot_is(s, n, "M"))
            b_puts(b, c->monitor);
        else if (slot_is(s, n, "OUT"))
            b_puts(b, c->outlet);
        else if (slot_is(s, n, "SAYM"))
            b_puts(b, ONE_OF(r, SAY_M));
        else if (slot_is(s, n, "SAYF"))
            b_puts(b, ONE_OF(r, SAY_F));
        else if (slot_is(s, n, "VM"))
            b_puts(b, ONE_OF(r, VERB_M));
        else if (slot_is(s, n, "VF"))
            b_puts(b, ONE_OF(r, VERB_F));
        else if (slot_is(s, n, "NVM"))
            b_puts(b, ONE_OF(r, DENY_M));
        else if (slot_is(s, n, "NVF"))
            b_puts(b, ONE_OF(r, DENY_F));
        else if (slot_is(s, n, "D"))
            put_day(r, b);
        else if (n > 2 && (memcmp(s, "N:", 2) == 0 || memcmp(s, "N0:", 3) == 0)) {
            bool qual = s[1] == ':';
            const char *key = s + (qual ? 2 : 3);
            const noun *nn = find_noun(key, (size_t)(close - key));
            if (!nn)
                die("unknown noun in a template");
            put_count(r, b, nn, qual);
        } else {
            die("unknown slot in a template");
        }
        p = close + 1;
    }
}

/* A sentence from pool, not yet used in this report while unused ones
 * remain (used is a bit set over the pool's templates). */
static void sentence(rng *r, buf *b, pool pl, uint32_t *used, const cast *c, const cast_pools *cp)
{
    uint32_t all = pl.n >= 32 ? 0xFFFFFFFFu : (1u << pl.n) - 1;
    if ((*used & all) == all)
        *used = 0;
    size_t i;
    do
        i = below(r, (uint32_t)pl.n);
    while (*used & (1u << i));
    *used |= 1u << i;
    expand(r, b, pl.t[i], c, cp);
}

enum { P_LEAD, P_GOV, P_OPP, P_DENY, P_MON, P_SHELL, P_CTX, P_BACK, P__COUNT };

static void write_report(rng *r, buf *b, const cast_pools *cp)
{
    const pool pools[P__COUNT] = {
        [P_LEAD] = POOL(LEADS),   [P_GOV] = POOL(GOV_CLAIMS),  [P_OPP] = POOL(OPP_CLAIMS),
        [P_DENY] = POOL(DENIALS), [P_MON] = POOL(MONITORS),    [P_SHELL] = POOL(SHELLING),
        [P_CTX] = POOL(CONTEXT),  [P_BACK] = POOL(BACKGROUND),
    };
    uint32_t used[P__COUNT] = {0};
    cast c = {pick(r, &cp->places), pick(r, &cp->gov), pick(r, &cp->opp), pick(r, &cp->monitors),
              pick(r, &cp->outlets)};
    size_t target = 2000 + below(r, 3001); /* bytes */

    b->len = 0;
    uint32_t title_used = 0;
    sentence(r, b, POOL(TITLES), &title_used, &c, cp);
    b_puts(b, "\n\n");
    if (chance(r, 40)) { /* a dateline */
        b_puts(b, c.place);
        b_puts(b, " - ");
        b_puts(b, c.outlet);
        b_puts(b, ": ");
    }
    sentence(r, b, pools[P_LEAD], &used[P_LEAD], &c, cp);
    /* The body: paragraphs of 2-4 sentences, each paragraph around one
     * kind of statement, as a wire report is laid out. */
    static const int kinds[] = {P_GOV, P_OPP, P_DENY, P_MON, P_SHELL, P_CTX};
    int kind = kinds[below(r, 2)]; /* the first claim comes from one side */
    bool fresh = false;            /* at the start of a paragraph */
    while (b->len + 250 < target) {
        int k = 2 + (int)below(r, 3);
        for (int i = 0; i < k && b->len + 250 < target; i++) {
            if (!fresh)
                b_puts(b, " ");
            fresh = false;
            sentence(r, b, pools[kind], &used[kind], &c, cp);
        }
        b_puts(b, "\n\n");
        fresh = true;
        kind = kinds[below(r, sizeof kinds / sizeof kinds[0])];
    }
    sentence(r, b, pools[P_BACK], &used[P_BACK], &c, cp);
    b_puts(b, " ");
    sentence(r, b, pools[P_CTX], &used[P_CTX], &c, cp);
    b_puts(b, "\n");
}

/* ---- page mode ----------------------------------------------------------- */

static void b_escaped(buf *b, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        switch (s[i]) {
        case '<': b_puts(b, "&lt;"); break;
        case '>': b_puts(b, "&gt;"); break;
        case '&': b_puts(b, "&amp;"); break;
        case '"': b_puts(b, "&quot;"); break;
        default: b_putn(b, s + i, 1);
        }
    }
}

/* The report in text (title line, blank line, paragraphs separated by a
 * blank line) as a saved page of an outlet's site, into page. */
static void write_page(rng *r, const buf *text, buf *page, const cast_pools *cp, unsigned long i)
{
    const char *outlet = pick(r, &cp->outlets);
    const char *t = text->p, *end = text->p + text->len;
    const char *nl = memchr(t, '\n', text->len);
    size_t title_len = nl ? (size_t)(nl - t) : text->len;
    char date[64];
    snprintf(date, sizeof date, "2016-08-%02uT%02u:%02u:00+03:00", 1 + below(r, 28), below(r, 24),
             below(r, 60));
    char url[96];
    snprintf(url, sizeof url, "https://news.example/%lu", i);
    page->len = 0;
    b_puts(
        page,
        "<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\"><head><meta charset=\"utf-8\">\n<title>");
    b_escaped(page, t, title_len);
    b_puts(page, " - ");
    b_escaped(page, outlet, strlen(outlet));
    b_puts(page, "</title>\n<meta property=\"og:site_name\" content=\"");
    b_escaped(page, outlet, strlen(outlet));
    b_puts(page, "\">\n<meta property=\"article:published_time\" content=\"");
    b_puts(page, date);
    b_puts(page, "\">\n<link rel=\"canonical\" href=\"");
    b_puts(page, url);
    b_puts(page,
           "\">\n<style>body{font-family:sans-serif}.menu li{display:inline}</style></head>\n"
           "<body><header><nav class=\"menu\"><ul><li><a href=\"/\">الرئيسية</a></li>"
           "<li><a href=\"/syria\">سوريا</a></li><li><a href=\"/world\">العالم</a></li>"
           "<li><a href=\"/reports\">تقارير</a></li></ul></nav></header>\n<main><article><h1>");
    b_escaped(page, t, title_len);
    b_puts(page, "</h1>\n");
    for (const char *p = nl ? nl + 1 : end; p < end;) {
        const char *q = p;
        while (q < end && *q != '\n')
            q++;
        if (q > p) {
            b_puts(page, "<p>");
            b_escaped(page, p, (size_t)(q - p));
            b_puts(page, "</p>\n");
        }
        p = q + 1;
    }
    b_puts(page, "<div class=\"share\"><a href=\"#\">فيسبوك</a> <a href=\"#\">تويتر</a></div>"
                 "</article>\n<aside class=\"related\"><h3>اقرأ أيضاً</h3><ul>"
                 "<li><a href=\"/a\">تقرير عن الأوضاع الإنسانية في المنطقة</a></li>"
                 "<li><a href=\"/b\">مقابلة مع مسؤول محلي</a></li></ul></aside></main>\n"
                 "<footer><p>جميع الحقوق محفوظة</p></footer>\n"
                 "<script>window.dataLayer = window.dataLayer || [];</script></body></html>\n");
}

/* ---- command line ------------------------------------------------------- */

static unsigned long parse_ul(const char *flag, const char *v)
{
    char *end;
    errno = 0;
    unsigned long x = v ? strtoul(v, &end, 10) : 0;
    if (!v || end == v || *end || errno) {
        fprintf(stderr, "gen_corpus: %s needs a non-negative integer\n", flag);
        exit(2);
    }
    return x;
}

static void usage(FILE *out)
{
    fprintf(out, "usage: gen_corpus --count N --out DIR [--seed S] [--data DATADIR] [--pages]\n"
                 "writes DIR/gen_0000001.txt ... (N synthetic Arabic war reports, 2-5 KB each),\n"
                 "or with --pages DIR/gen_0000001.html ... (the same reports as saved pages)\n");
}

/* Did snprintf's output fit? */
static bool fits(int n, size_t size)
{
    return n >= 0 && (size_t)n < size;
}

static void write_file(const char *path, const buf *b)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0) {
        fprintf(stderr, "gen_corpus: cannot write %s: %s\n", path, strerror(errno));
        exit(1);
    }
    size_t off = 0;
    while (off < b->len) {
        ssize_t w = write(fd, b->p + off, b->len - off);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0) {
            fprintf(stderr, "gen_corpus: writing %s: %s\n", path, strerror(errno));
            exit(1);
        }
        off += (size_t)w;
    }
    if (close(fd) != 0) {
        fprintf(stderr, "gen_corpus: closing %s: %s\n", path, strerror(errno));
        exit(1);
    }
}

int main(int argc, char **argv)
{
    unsigned long count = 0, seed = 1;
    const char *out = NULL, *data = "data";
    bool pages = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            usage(stdout);
            return 0;
        } else if (!strcmp(a, "--count")) {
            count = parse_ul(a, v);
            i++;
        } else if (!strcmp(a, "--seed")) {
            seed = parse_ul(a, v);
            i++;
        } else if (!strcmp(a, "--out") && v) {
            out = v;
            i++;
        } else if (!strcmp(a, "--pages")) {
            pages = true;
        } else if (!strcmp(a, "--data") && v) {
            data = v;
            i++;
        } else {
            usage(stderr);
            return 2;
        }
    }
    if (!out || count == 0) {
        usage(stderr);
        return 2;
    }
    if (mkdir(out, 0755) != 0 && errno != EEXIST) {
        fprintf(stderr, "gen_corpus: cannot create %s: %s\n", out, strerror(errno));
        return 1;
    }
    cast_pools cp = {0};
    char path[4096];
    if (!fits(snprintf(path, sizeof path, "%s/gazetteer.tsv", data), sizeof path))
        die("--data path too long");
    read_tsv(path, take_place, &cp);
    if (!fits(snprintf(path, sizeof path, "%s/sources.tsv", data), sizeof path))
        die("--data path too long");
    read_tsv(path, take_source, &cp);
    if (!cp.places.n || !cp.gov.n || !cp.opp.n || !cp.monitors.n || !cp.outlets.n)
        die("the data files lack places, parties on both sides, monitors or outlets");

    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    buf b = {0}, page = {0};
    unsigned long long bytes = 0;
    size_t min_len = (size_t)-1, max_len = 0;
    for (unsigned long i = 1; i <= count; i++) {
        /* Each document seeds its own stream: document i is the same
         * whatever the count. */
        rng r = {seed * 0xD1B54A32D192ED03ull ^ (uint64_t)i * 0x9E3779B97F4A7C15ull};
        next_u64(&r);
        write_report(&r, &b, &cp);
        if (pages)
            write_page(&r, &b, &page, &cp, i);
        const buf *doc = pages ? &page : &b;
        if (!fits(snprintf(path, sizeof path, "%s/gen_%07lu.%s", out, i, pages ? "html" : "txt"),
                  sizeof path))
            die("--out path too long");
        write_file(path, doc);
        bytes += doc->len;
        if (doc->len < min_len)
            min_len = doc->len;
        if (doc->len > max_len)
            max_len = doc->len;
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double s = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    fprintf(stderr,
            "gen_corpus: wrote %lu reports to %s: %llu bytes (%zu-%zu, mean %.0f) in %.2f s "
            "(%zu places, %zu+%zu parties, %zu monitors, %zu outlets)\n",
            count, out, bytes, min_len, max_len, (double)bytes / (double)count, s, cp.places.n,
            cp.gov.n, cp.opp.n, cp.monitors.n, cp.outlets.n);
    free(b.p);
    free(page.p);
    return 0;
}

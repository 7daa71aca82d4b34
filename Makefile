# marsad — one plain Makefile. Sources are listed once, by folder:
#   extract/  pure text analysis (libextract.a, with data/ compiled in)
#   db/       the SQLite store, the only code with SQL (libdb.a)
#   ingest/   reads documents from disk, extracts, stores (libingest.a)
#   server/   HTTP layer and CLI (libserver.a + server/main.c)
# Every build product goes under $(O); `make sanitize` uses its own $(O).

O        ?= build
CC       ?= cc
PKGS     := libmicrohttpd jansson sqlite3 libstemmer zlib libxml-2.0 libxxhash
WARN     := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wvla
OPT      ?= -O2 -g
CFLAGS   ?=
CPPFLAGS := -D_DEFAULT_SOURCE -D_GNU_SOURCE -I. -I$(O)/gen $(shell pkg-config --cflags libxml-2.0)
BASE_CFLAGS := -std=c11 $(WARN) $(OPT) -fno-omit-frame-pointer $(CFLAGS)
XML_LIBS := $(shell pkg-config --libs libxml-2.0)
LDLIBS   := -lmicrohttpd -ljansson -lsqlite3 -lstemmer -lz -lxxhash $(XML_LIBS) -lpthread -lm
TEST_LDLIBS := -lcriterion -lcurl

VERSION  := 0.1.0

EXTRACT_SRC := $(wildcard extract/*.c)
DB_SRC      := $(wildcard db/*.c)
# ingest/ includes the readers of pages, feeds and exports (libxml2, iconv).
INGEST_SRC  := $(wildcard ingest/*.c)
SERVER_SRC  := $(filter-out server/main.c,$(wildcard server/*.c))
obj = $(patsubst %.c,$(O)/obj/%.o,$(1))

# Tests mirror the tree: tests/extract/test_numbers.c tests extract/numbers.c
# and links only the layers it needs; tests/e2e/ drives the real binary.
UNIT_DIRS   := extract db ingest server
UNIT_TESTS  := $(foreach d,$(UNIT_DIRS),$(patsubst tests/%.c,$(O)/tests/%,$(wildcard tests/$(d)/test_*.c)))
E2E_TESTS   := $(patsubst tests/%.c,$(O)/tests/%,$(wildcard tests/e2e/test_*.c))
TEST_SUPPORT := $(call obj,$(wildcard tests/support/*.c))
# Named only as prerequisites of pattern rules, these objects would be
# intermediate files, deleted after each build and so rebuilt (with every
# test linking them) on the next run.
.SECONDARY: $(TEST_SUPPORT)

# The data files compiled into the extractor (reviewable text in data/).
DATA_FILES  := $(sort $(wildcard data/*.tsv data/lexicon/*.tsv))


.PHONY: all run test unit e2e sanitize eval eval-real bench lint format deps clean valgrind
all: $(O)/marsad

$(O)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC $<"
	@$(CC) $(CPPFLAGS) -DMARSAD_VERSION='"$(VERSION)"' $(BASE_CFLAGS) -MMD -MP -c $< -o $@

$(O)/tools/embed: tools/embed.c
	@mkdir -p $(dir $@)
	$(CC) -std=c11 $(WARN) -O2 $< -o $@

# Every data file is checked before it is embedded, by the extractor's own
# loader (tools/check_data links extract/model.c and extract/schema.c): a
# malformed line, a value outside its column's set or an unknown column
# fails `make` with FILE:LINE: reason.
CHECK_DATA_OBJ := $(call obj,extract/model.c extract/schema.c extract/lexicon.c extract/text.c extract/utf8.c)
$(O)/tools/check_data: $(call obj,tools/check_data.c) $(CHECK_DATA_OBJ)
	@mkdir -p $(dir $@)
	@echo "  LINK $@"
	@$(CC) $(BASE_CFLAGS) $^ -o $@ $(LDFLAGS) -lm

$(O)/gen/data_checked: $(O)/tools/check_data $(DATA_FILES)
	@mkdir -p $(dir $@)
	$(O)/tools/check_data $(DATA_FILES) && touch $@

$(O)/gen/data_blobs.c: $(O)/tools/embed $(DATA_FILES) $(O)/gen/data_checked
	@mkdir -p $(dir $@)
	$(O)/tools/embed $(DATA_FILES) > $@.tmp && mv $@.tmp $@

# The number reader's words (extract/numbers.c includes the generated
# table), checked by the same schema.
$(O)/gen/number_words.inc: $(O)/tools/check_data data/lexicon/number_words.tsv
	@mkdir -p $(dir $@)
	$(O)/tools/check_data --number-words data/lexicon/number_words.tsv > $@.tmp && mv $@.tmp $@

$(O)/obj/extract/numbers.o: $(O)/gen/number_words.inc

# What the server serves as it is: the schema it applies, its OpenAPI
# document and the explorer page, compiled in so the binary stands alone.
SERVER_ASSETS := schema.sql openapi.yaml $(sort $(wildcard web/*.html web/*.css web/*.js web/*.svg))
$(O)/gen/server_assets.c: $(O)/tools/embed $(SERVER_ASSETS)
	@mkdir -p $(dir $@)
	$(O)/tools/embed -s server_assets $(SERVER_ASSETS) > $@.tmp && mv $@.tmp $@

$(O)/libextract.a: $(call obj,$(EXTRACT_SRC)) $(O)/obj/gen/data_blobs.o
	@$(AR) rcs $@ $^
$(O)/obj/gen/%.o: $(O)/gen/%.c
	@mkdir -p $(dir $@)
	@echo "  CC $<"
	@$(CC) $(CPPFLAGS) $(BASE_CFLAGS) -c $< -o $@
$(O)/libdb.a: $(call obj,$(DB_SRC))
	@$(AR) rcs $@ $^
$(O)/libingest.a: $(call obj,$(INGEST_SRC))
	@$(AR) rcs $@ $^
$(O)/libserver.a: $(call obj,$(SERVER_SRC)) $(O)/obj/gen/server_assets.o
	@$(AR) rcs $@ $^

LIBS := $(O)/libserver.a $(O)/libingest.a $(O)/libdb.a $(O)/libextract.a

$(O)/marsad: $(call obj,server/main.c) $(LIBS)
	@echo "  LINK $@"
	@$(CC) $(BASE_CFLAGS) $^ -o $@ $(LDFLAGS) $(LDLIBS)

TEST_LINK = @mkdir -p $(dir $@); echo "  LINK $@"; \
	$(CC) $(CPPFLAGS) $(BASE_CFLAGS) $^ -o $@ $(LDFLAGS) $(LDLIBS) $(TEST_LDLIBS)
$(O)/tests/extract/%: tests/extract/%.c $(TEST_SUPPORT) $(O)/libextract.a
	$(TEST_LINK)
$(O)/tests/db/%: tests/db/%.c $(TEST_SUPPORT) $(O)/libdb.a $(O)/libextract.a
	$(TEST_LINK)
$(O)/tests/ingest/%: tests/ingest/%.c $(TEST_SUPPORT) $(O)/libingest.a $(O)/libdb.a $(O)/libextract.a
	$(TEST_LINK)
$(O)/tests/server/%: tests/server/%.c $(TEST_SUPPORT) $(LIBS)
	$(TEST_LINK)
$(O)/tests/e2e/%: tests/e2e/%.c $(TEST_SUPPORT)
	$(TEST_LINK)

# Scores the extractor against the gold annotations of the seeds.
$(O)/eval: tests/eval/eval.c $(LIBS)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(BASE_CFLAGS) $^ -o $@ $(LDFLAGS) $(LDLIBS)
# Query pairs that must find the same articles through the marsad_ar
# tokenizer (tests/data/search_pairs.tsv), beside plain unicode61.
$(O)/search_eval: tests/eval/search_eval.c $(LIBS)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(BASE_CFLAGS) $^ -o $@ $(LDFLAGS) $(LDLIBS)
eval: $(O)/eval $(O)/search_eval
	@$(O)/eval $(EVAL_FLAGS) tests/data/gold_seeds.json data/seeds
	@$(O)/search_eval tests/data/search_pairs.tsv data/seeds

# Scores the extractor on published reporting it was not written from
# (../shared/realdev, or MARSAD_REALDEV=DIR): the measures for Syria and
# elsewhere against the targets, then every miss and false positive with its
# sentence, grouped by cause. Fails when a measure falls below its floor in
# tests/data/eval_real_floors.tsv; says "skipped" where the folder is absent.
MARSAD_REALDEV ?= ../shared/realdev
eval-real: $(O)/eval
	@if [ -f "$(MARSAD_REALDEV)/gold_syria.json" ]; then \
	  $(O)/eval --real --floors tests/data/eval_real_floors.tsv "$(MARSAD_REALDEV)"; \
	else echo "eval-real: skipped ($(MARSAD_REALDEV) is absent)"; fi

# Installs the Debian packages the build and tests need, when missing.
deps:
	@sh tools/deps.sh

# Builds and starts the server on http://127.0.0.1:8080 with the seeds loaded.
run: deps
	@$(MAKE) --no-print-directory all
	@mkdir -p var
	$(O)/marsad serve

# Each suite's counts go to TEST_TALLY (tools/run_suites.sh); `make test`
# sums them into its last line.
TEST_TALLY ?= /dev/null
RUN_SUITES := sh tools/run_suites.sh $(TEST_TALLY)

unit: $(UNIT_TESTS) $(O)/eval $(O)/search_eval $(O)/tools/check_data
	@MARSAD_TEST_DATA=tests/data $(RUN_SUITES) suites "--jobs 2" $(UNIT_TESTS)
	@$(RUN_SUITES) check "data checker: a bad line of a data file fails with FILE:LINE (tests/tools/check_data.sh)" \
	  sh tests/tools/check_data.sh $(O)/tools/check_data
	@$(RUN_SUITES) check "gazetteer and source list: unique ids, parents, coordinates, names (tests/data/check_data.py)" \
	  $(PYTHON) tests/data/check_data.py
	@$(RUN_SUITES) check "extractor against the gold annotations (fails below the acceptance bars)" \
	  $(O)/eval --check tests/data/gold_seeds.json data/seeds
	@$(RUN_SUITES) check "search query pairs through the marsad_ar tokenizer (fails when a pair disagrees)" \
	  $(O)/search_eval tests/data/search_pairs.tsv data/seeds

# Debian's python3, where python3-yaml installs (a python3 earlier on PATH,
# such as pyenv's, may lack it).
PYTHON ?= $(shell [ -x /usr/bin/python3 ] && echo /usr/bin/python3 || echo python3)
# The conformance check requests every route and documented parameter of
# openapi.yaml and validates each answer against it (tests/conformance/).
e2e: $(O)/marsad $(E2E_TESTS)
	@MARSAD_BIN=$(O)/marsad $(RUN_SUITES) suites "--jobs 1" $(E2E_TESTS)
	@$(RUN_SUITES) check "responses against openapi.yaml (tests/conformance/conformance.py)" \
	  $(PYTHON) tests/conformance/conformance.py $(O)/marsad openapi.yaml data/seeds

# Every test: unit tests per module, then end-to-end tests against the real
# binary; the last line counts every test of every suite.
test: deps
	@mkdir -p $(O) && : > $(O)/test-tally
	@$(MAKE) --no-print-directory -k TEST_TALLY=$(abspath $(O))/test-tally unit e2e; \
	  rc=$$?; sh tools/run_suites.sh $(O)/test-tally summary && exit $$rc

# The whole suite again under AddressSanitizer and UndefinedBehaviorSanitizer.
sanitize: deps
	@$(MAKE) --no-print-directory O=build/san \
	  OPT="-O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all" \
	  LDFLAGS="-fsanitize=address,undefined" unit e2e

# An end-to-end run with the server under valgrind memcheck.
valgrind: $(O)/marsad $(E2E_TESTS)
	@set -e; for t in $(E2E_TESTS); do echo "== $$t (server under valgrind)"; \
	  MARSAD_BIN=$(O)/marsad MARSAD_WRAP="valgrind --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect --show-leak-kinds=definite,indirect -q" \
	  $$t --jobs 1; done

CLANG_FORMAT ?= clang-format

lint:
	@! grep -nE '\b(sprintf|strcpy|strcat|strtok|atoi|gets)\s*\(' $(EXTRACT_SRC) $(DB_SRC) $(INGEST_SRC) $(SERVER_SRC) server/main.c tools/*.c \
	  || (echo "lint: banned function (use snprintf, memcpy with lengths, strtol)"; exit 1)
	@command -v $(CLANG_FORMAT) >/dev/null || (echo "lint: $(CLANG_FORMAT) is missing (apt-get install clang-format)"; exit 1)
	@git ls-files '*.c' '*.h' | xargs $(CLANG_FORMAT) --dry-run --Werror \
	  || (echo "lint: not formatted as .clang-format says (run: make format)"; exit 1)

# Formats every C file of the tree in place, as `make lint` expects.
format:
	git ls-files '*.c' '*.h' | xargs $(CLANG_FORMAT) -i

clean:
	rm -rf build

-include $(shell find $(O)/obj -name '*.d' 2>/dev/null)

# ---- benchmarks (bench/; everything they write goes under bench/out/) ------
#   make bench         marsad against a bare libmicrohttpd server (the ceiling),
#                      both driven by wrk in one run (~3 min)
#   make bench-scale   import, start-up, latency and memory at 1k, 10k and 100k
#                      reports; the imported databases are reused while the
#                      import code is unchanged (~10 min then; the first 100k
#                      import alone takes ~1 h); BENCH_1M=1 adds 1M (~40 GB)
#   make bench-corpus  only generate the corpora (BENCH_SIZES="1000 10000")
#   make bench-peer    marsad (cached and --cache-mb 0) against a FastAPI peer
#                      answering the same bytes, and the ceiling, on 10k
#                      reports (BENCH_PEER_ARTICLES); installs the peer's
#                      Debian packages when missing (~7 min)
# The harness programs are built with the project's flags; see bench/README.md.
.PHONY: bench bench-scale bench-corpus bench-peer
BENCH_BINS := $(O)/bench/ceiling $(O)/bench/gen_corpus $(O)/bench/extract_bench

$(O)/bench/ceiling: bench/ceiling.c
	@mkdir -p $(dir $@)
	@echo "  LINK $@"
	@$(CC) $(CPPFLAGS) $(BASE_CFLAGS) $< -o $@ $(LDFLAGS) -lmicrohttpd -lpthread
$(O)/bench/gen_corpus: bench/gen_corpus.c
	@mkdir -p $(dir $@)
	@echo "  LINK $@"
	@$(CC) $(CPPFLAGS) $(BASE_CFLAGS) $< -o $@ $(LDFLAGS)
$(O)/bench/extract_bench: bench/extract_bench.c $(O)/libextract.a
	@mkdir -p $(dir $@)
	@echo "  LINK $@"
	@$(CC) $(CPPFLAGS) $(BASE_CFLAGS) $^ -o $@ $(LDFLAGS) $(LDLIBS)

bench: $(O)/marsad $(BENCH_BINS)
	@O=$(O) bash bench/run.sh
bench-scale: $(O)/marsad $(BENCH_BINS)
	@O=$(O) bash bench/scale.sh
bench-corpus: $(O)/bench/gen_corpus
	@O=$(O) bash bench/scale.sh --corpus-only
bench-peer: $(O)/marsad $(BENCH_BINS)
	@O=$(O) bash bench/peer.sh

# Docker: `make docker-lint` lints docker/Dockerfile offline (a pinned npm
# linter under build/docker-lint/); `make docker-test` builds the image with
# its own dockerd and runs it for real: healthcheck, API, non-root user, the
# volume across a restart, size under 120 MB, docker/compose.yaml. It prints
# a single SKIP: line where no Docker engine can start (tests/docker/).
.PHONY: docker-lint docker-test
docker-lint:
	@bash tests/docker/lint.sh
docker-test:
	@bash tests/docker/docker-test.sh

# ---- browser test of the explorer (web/) --------------------------------------
# The page served by the real binary, in Debian's headless Chromium driven by
# playwright-core (pinned in tests/browser/package-lock.json). Screenshots go
# to tests/browser/out/.
.PHONY: browser-test
browser-test:
	@[ -x /usr/bin/chromium ] || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get install -y chromium || \
	  { $$SUDO apt-get update && $$SUDO apt-get install -y chromium; }; }
	cd tests/browser && npm ci --no-audit --no-fund
	@$(MAKE) --no-print-directory $(O)/marsad
	MARSAD_BIN=$(O)/marsad node --test tests/browser/explorer.test.mjs

# ---- reliability: fuzzing, crash safety, soak (tests/fuzz/, tests/reliability/)
#   make fuzz          libFuzzer (clang, ASan + UBSan + LeakSanitizer) on the
#                      number reader, the extractor, the query parser, the
#                      write-body parser and the page and feed readers,
#                      FUZZ_SECONDS each (60); seeds in
#                      tests/fuzz/corpus/, found inputs kept in build/fuzz/
#   make fuzz-coverage line and branch coverage of each target's code by its
#                      corpus (clang source-based coverage, llvm-cov)
#   make crash-test    kill -9 during an import, restart: the database is
#                      whole and the import completes (~3 min)
#   make stop-test     SIGTERM under load, 60 times: the server ends with
#                      status 0 each time (~2 min)
#   make soak          wrk at 256 connections over a mix of endpoints for
#                      SOAK_SECONDS (600) on SOAK_ARTICLES (100000) generated
#                      reports: no socket error, no 5xx, RSS flat
# The bad-input battery is tests/e2e/test_battery.c (part of `make e2e`).
# Crashes found by fuzzing are replayed by tests/{extract,server}/test_fuzz_regressions.c.
.PHONY: fuzz fuzz-build fuzz-bins fuzz-coverage crash-test stop-test soak
FUZZ_TARGETS := numbers extract query body page feed
FUZZ_SECONDS ?= 60
SOAK_SECONDS ?= 600
SOAK_ARTICLES ?= 100000
FUZZ_OPT     := -O1 -g -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all
FUZZ_LINK    := -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all

# The replay tests #include the targets: rebuild them when a target changes
# (.EXTRA_PREREQS: prerequisites that stay out of $^).
$(O)/tests/extract/test_fuzz_regressions $(O)/tests/server/test_fuzz_regressions: \
  .EXTRA_PREREQS = $(wildcard tests/fuzz/*.c tests/fuzz/*.h)

fuzz-bins: $(patsubst %,$(O)/fuzz/fuzz_%,$(FUZZ_TARGETS))
$(O)/fuzz/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.h $(LIBS)
	@mkdir -p $(dir $@)
	@echo "  LINK $@"
	@$(CC) $(CPPFLAGS) $(BASE_CFLAGS) $(FUZZ_LINK) $< $(LIBS) -o $@ $(LDFLAGS) $(LDLIBS)
# The project's libraries again with clang and the fuzzer's instrumentation,
# in their own tree.
fuzz-build:
	@command -v clang >/dev/null || { echo "make fuzz needs clang (apt-get install clang)"; exit 1; }
	@$(MAKE) --no-print-directory O=build/fuzz CC=clang OPT="$(FUZZ_OPT)" fuzz-bins
fuzz: fuzz-build
	@FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_BIN=build/fuzz/fuzz bash tests/reliability/fuzz.sh $(FUZZ_TARGETS)
# Line and branch coverage of each target's own code by its corpus
# (clang source-based coverage, in build/fuzz-cov/).
fuzz-coverage:
	@$(MAKE) --no-print-directory O=build/fuzz-cov CC=clang \
	  OPT="-O0 -g -fprofile-instr-generate -fcoverage-mapping -fsanitize=fuzzer-no-link" \
	  FUZZ_LINK="-fsanitize=fuzzer -fprofile-instr-generate -fcoverage-mapping" fuzz-bins
	@bash tests/reliability/fuzz_coverage.sh $(FUZZ_TARGETS)

crash-test: $(O)/marsad $(O)/bench/gen_corpus
	@O=$(O) bash tests/reliability/crash.sh
stop-test: $(O)/marsad
	@O=$(O) bash tests/reliability/stop.sh
soak: $(O)/marsad $(O)/bench/gen_corpus
	@O=$(O) SOAK_SECONDS=$(SOAK_SECONDS) SOAK_ARTICLES=$(SOAK_ARTICLES) bash tests/reliability/soak.sh

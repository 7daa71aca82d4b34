# marsad — one plain Makefile. Sources are listed once, by folder:
#   extract/  pure text analysis (libextract.a, with data/ compiled in)
#   db/       the SQLite store, the only code with SQL (libdb.a)
#   ingest/   reads documents from disk, extracts, stores (libingest.a)
#   server/   HTTP layer and CLI (libserver.a + server/main.c)
# Every build product goes under $(O); `make sanitize` uses its own $(O).

O        ?= build
CC       ?= cc
PKGS     := libmicrohttpd jansson sqlite3 libstemmer
WARN     := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wvla
OPT      ?= -O2 -g
CFLAGS   ?=
CPPFLAGS := -D_DEFAULT_SOURCE -D_GNU_SOURCE -I. -I$(O)/gen
BASE_CFLAGS := -std=c11 $(WARN) $(OPT) -fno-omit-frame-pointer $(CFLAGS)
LDLIBS   := -lmicrohttpd -ljansson -lsqlite3 -lstemmer -lpthread -lm
TEST_LDLIBS := -lcriterion -lcurl

VERSION  := 0.1.0

EXTRACT_SRC := $(wildcard extract/*.c)
DB_SRC      := $(wildcard db/*.c)
INGEST_SRC  := $(wildcard ingest/*.c)
SERVER_SRC  := $(filter-out server/main.c,$(wildcard server/*.c))
# Tests mirror the tree: tests/extract/test_numbers.c tests extract/numbers.c
# and links only the layers it needs; tests/e2e/ drives the real binary.
UNIT_DIRS   := extract db ingest server
UNIT_TESTS  := $(foreach d,$(UNIT_DIRS),$(patsubst tests/%.c,$(O)/tests/%,$(wildcard tests/$(d)/test_*.c)))
E2E_TESTS   := $(patsubst tests/%.c,$(O)/tests/%,$(wildcard tests/e2e/test_*.c))
TEST_SUPPORT := $(call obj,$(wildcard tests/support/*.c))

# The data files compiled into the extractor (reviewable text in data/).
DATA_FILES  := $(sort $(wildcard data/*.tsv data/lexicon/*.tsv))

obj = $(patsubst %.c,$(O)/obj/%.o,$(1))

.PHONY: all run test unit e2e sanitize eval bench lint deps clean valgrind
all: $(O)/marsad

$(O)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC $<"
	@$(CC) $(CPPFLAGS) -DMARSAD_VERSION='"$(VERSION)"' $(BASE_CFLAGS) -MMD -MP -c $< -o $@

$(O)/tools/embed: tools/embed.c
	@mkdir -p $(dir $@)
	$(CC) -std=c11 $(WARN) -O2 $< -o $@

$(O)/gen/data_blobs.c: $(O)/tools/embed $(DATA_FILES)
	@mkdir -p $(dir $@)
	$(O)/tools/embed $(DATA_FILES) > $@.tmp && mv $@.tmp $@

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
$(O)/tests/db/%: tests/db/%.c $(TEST_SUPPORT) $(O)/libdb.a
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
eval: $(O)/eval
	@$(O)/eval $(EVAL_FLAGS) tests/data/gold_seeds.json data/seeds

# Installs the Debian packages the build and tests need, when missing.
deps:
	@sh tools/deps.sh

# Builds and starts the server on http://127.0.0.1:8080 with the seeds loaded.
run: deps
	@$(MAKE) --no-print-directory all
	@mkdir -p var
	$(O)/marsad serve

unit: $(UNIT_TESTS) $(O)/eval
	@set -e; for t in $(UNIT_TESTS); do echo "== $$t"; MARSAD_TEST_DATA=tests/data $$t --jobs 2; done
	@echo "== extractor against the gold annotations (fails below the acceptance bars)"
	@$(O)/eval --check tests/data/gold_seeds.json data/seeds

e2e: $(O)/marsad $(E2E_TESTS)
	@set -e; for t in $(E2E_TESTS); do echo "== $$t"; MARSAD_BIN=$(O)/marsad $$t --jobs 1; done

# Every test: unit tests per module, then end-to-end tests against the real binary.
test: deps
	@$(MAKE) --no-print-directory unit e2e

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

lint:
	@! grep -nE '\b(sprintf|strcpy|strcat|strtok|atoi|gets)\s*\(' $(EXTRACT_SRC) $(DB_SRC) $(INGEST_SRC) $(SERVER_SRC) server/main.c tools/*.c \
	  || (echo "lint: banned function (use snprintf, memcpy with lengths, strtol)"; exit 1)

clean:
	rm -rf build

-include $(shell find $(O)/obj -name '*.d' 2>/dev/null)

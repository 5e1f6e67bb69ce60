# topobench — two commands: `make run` and `make test`. Both install what is missing on Debian.
SWIFT ?= swift
# One set of flags for the binary and the tests, so `make test` and `make run` share one build.
RELEASE_FLAGS = -c release -Xswiftc -enable-testing
BIN = .build/release/topobench
# python3-venv: Debian's python3 makes virtual environments only with it (see SCHEMA_VENV).
APT_PACKAGES = libgsl-dev pkg-config gnuplot-nox python3-venv
# The HTML report's test opens the page in headless Chromium: `make test` installs it too.
TEST_APT_PACKAGES = $(APT_PACKAGES) chromium
# The tests validate every scenario file against `topobench schema` with a real JSON Schema
# validator, check-jsonschema from PyPI, kept in a virtual environment under .build so the
# system's Python is left as it is (and `make clean` removes it).
SCHEMA_VENV = .build/schema-venv
CHECK_JSONSCHEMA = $(SCHEMA_VENV)/bin/check-jsonschema
CHECK_JSONSCHEMA_VERSION = 0.39.0

.PHONY: run test deps test-deps build validate bench quick clean format schema install install-files

# Installs GSL, pkg-config and gnuplot when missing (Debian; needs root or sudo); test-deps adds
# Chromium.
deps test-deps: PACKAGES = $(if $(filter test-deps,$@),$(TEST_APT_PACKAGES),$(APT_PACKAGES))
deps test-deps:
	@missing=""; for p in $(PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

build: deps
	$(SWIFT) build $(RELEASE_FLAGS) --product topobench

# Runs the default suite: results/default/<scenario>/*.csv and plots/default/<scenario>/*.{png,svg,gp},
# then the suite's HTML report (results/default/report.html, not committed) and instance_crash's.
run: build
	$(BIN) suite default --out results --plots plots
	$(BIN) report results/default
	$(BIN) report results/default/instance_crash

# A short version of the suite, as CI runs it (results/quick).
quick: build
	$(BIN) suite default --quick --out results --plots plots

# Unit tests, golden files, determinism and the analytic validation cases, in release mode
# (the statistical cases simulate millions of customers; a debug build is tens of times slower).
test: test-deps $(CHECK_JSONSCHEMA)
	TOPOBENCH_CHECK_JSONSCHEMA=$(abspath $(CHECK_JSONSCHEMA)) TOPOBENCH_REQUIRE_CHROMIUM=1 $(SWIFT) test $(RELEASE_FLAGS)
	# The invariant checks exist in debug builds only: the engine's and the models' tables are
	# checked after every event of the suite's scenarios, shortened (Tests/.../InvariantTests).
	$(SWIFT) test --filter InvariantTests

$(CHECK_JSONSCHEMA):
	rm -rf $(SCHEMA_VENV)
	python3 -m venv $(SCHEMA_VENV)
	$(SCHEMA_VENV)/bin/pip install --quiet check-jsonschema==$(CHECK_JSONSCHEMA_VERSION)

# Rewrites schema/topobench.schema.json and docs/scenario-format.md from the declarations
# (tests check both are in sync).
schema: build
	$(BIN) schema > schema/topobench.schema.json
	$(BIN) explain --markdown > docs/scenario-format.md

# Installs the binary in $(PREFIX)/bin and the suites, the schema and the format reference in
# $(PREFIX)/share/topobench, where the installed binary finds its suites from any folder.
PREFIX ?= /usr/local
install: build install-files

install-files:
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/topobench
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/topobench
	rm -rf $(DESTDIR)$(PREFIX)/share/topobench/suites
	cp -R Benchmarks/suites $(DESTDIR)$(PREFIX)/share/topobench/suites
	install -m 644 schema/topobench.schema.json docs/scenario-format.md $(DESTDIR)$(PREFIX)/share/topobench/

validate: build
	$(BIN) validate

# The engine's speed benchmarks and the C / SimPy references (Benchmarks/README.md).
bench: build
	cd Benchmarks && ./compare.sh

format:
	$(SWIFT) format --in-place --recursive Sources Tests

clean:
	rm -rf .build

# preflight: build, demo, test and benchmark. Works on a fresh Debian machine with only the Swift
# toolchain: `make deps` installs the missing Debian packages (as root, or through sudo).

SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# Headers (and runtime packages) of the libraries preflight opens, and the tools the fixtures and tests use.
BUILD_PACKAGES := pkg-config libavformat-dev libavcodec-dev libavutil-dev libswresample-dev \
  libsndfile1-dev libzip-dev libpng-dev libjpeg-dev libwebp-dev zlib1g-dev libdlib-dev
# libdlib-data: dlib's 68-point face landmarks (optional at run time; its training data excludes
# commercial use, see Sources/Preflight/Preflight.docc/ContentChecks.md).
TEST_PACKAGES := ffmpeg sox espeak-ng qpdf poppler-utils zip unzip python3 python3-venv time libdlib-data
BENCH_PACKAGES := hyperfine mediainfo mediaconch time imagemagick libimage-exiftool-perl
# The voices of the wider SNR calibration (make calibrate).
CALIBRATION_PACKAGES := flite festival festvox-us-slt-hts alsa-utils python3-pip
# Only to regenerate the committed fixtures (make fixtures).
FIXTURE_PACKAGES := imagemagick webp libimage-exiftool-perl python3-venv python3-pip
BIN := .build/debug/preflight
RELEASE_BIN := .build/release/preflight

.PHONY: all deps deps-bench build release install install-files demo test test-bounds test-asan fuzz fuzz-build fuzz-ci fuzz-corpus bench calibrate fixtures docs clean

all: build

# Installs only what is missing (dpkg -s answers without network).
define install_missing
	@missing=""; for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi
endef

deps:
	$(call install_missing,$(BUILD_PACKAGES) $(TEST_PACKAGES))

deps-bench: deps
	$(call install_missing,$(BENCH_PACKAGES))

build: deps
	$(SWIFT) build

# The Swift runtime and Foundation linked statically: no dynamic relocation of libFoundation and ICU at
# start (bench/README.md has what that saves).
release: deps
	$(SWIFT) build -c release --static-swift-stdlib

# Installs the tool, its man page (generated from the tool's own help) and bash, zsh and fish
# completions under $(DESTDIR)$(PREFIX). install-files installs INSTALL_BIN as it is, without building.
# The man page and completions are generated with LC_ALL=C, so they carry the English help.
PREFIX ?= /usr/local
INSTALL_BIN ?= $(RELEASE_BIN)
install: release
	$(MAKE) install-files

install-files:
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 \
	  $(DESTDIR)$(PREFIX)/share/bash-completion/completions $(DESTDIR)$(PREFIX)/share/zsh/site-functions \
	  $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
	install -m 755 $(INSTALL_BIN) $(DESTDIR)$(PREFIX)/bin/preflight
	LC_ALL=C $(INSTALL_BIN) --experimental-dump-help | python3 man/make-man.py "$$($(INSTALL_BIN) --version | head -1 | cut -d' ' -f2)" \
	  > $(DESTDIR)$(PREFIX)/share/man/man1/preflight.1
	LC_ALL=C $(INSTALL_BIN) --generate-completion-script bash > $(DESTDIR)$(PREFIX)/share/bash-completion/completions/preflight
	LC_ALL=C $(INSTALL_BIN) --generate-completion-script zsh > $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_preflight
	LC_ALL=C $(INSTALL_BIN) --generate-completion-script fish > $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/preflight.fish

# Runs the validator on the bundled fixtures: a passing IMAGE_GENERAL submission, then failing ones.
demo: build
	@echo; echo "== IMAGE_GENERAL: 90 s 1080p25 take + written authorization, headers only (expected: pass)"
	$(BIN) check --type IMAGE_GENERAL --material Fixtures/video/take-1080p25-90s.mp4 --identity-pdf Fixtures/pdf/one-page.pdf --failures-only --no-content || true
	@echo; echo "== IMAGE: the same take is under the 2-minute minimum (expected: fail)"
	$(BIN) check --type IMAGE --material Fixtures/video/take-1080p25-90s.mp4 --identity Fixtures/video/authorization.mp4 --failures-only || true
	@echo; echo "== IMAGE_GENERAL: a 24 fps take, no authorization (expected: fail)"
	$(BIN) check --type IMAGE_GENERAL --material Fixtures/video/fps24.mp4 --failures-only || true
	@echo; echo "== IMAGE_PHOTO: a 3:4 portrait photo (expected: fail, with the crop that fixes it)"
	$(BIN) check --type IMAGE_PHOTO --material Fixtures/photo/portrait_1200x1600.jpg --failures-only || true
	@echo; echo "== IMAGE_PHOTO: two faces side by side (expected: fail, 300002)"
	$(BIN) check --type IMAGE_PHOTO --material Fixtures/faces/two_faces.jpg --failures-only || true
	@echo; echo "== IMAGE_GENERAL: a 4 s 640x360 take on a white wall (expected: fail on size and length, and warnings: a background RemoveBackground=1 cannot key, an open mouth at the start)"
	$(BIN) check --type IMAGE_GENERAL --material Fixtures/video-content/face-white.mp4 --identity-pdf Fixtures/pdf/one-page.pdf --failures-only || true
	@echo; echo "== a phone clip stored 1920x1080 with a 90° rotation, as JSON facts"
	$(BIN) probe Fixtures/video/phone-portrait.mp4 --format json

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# The bounds on processor time, wall time and memory that the default run leaves out (a loaded machine
# must not fail a correct change): the hostile inputs, the fuzzing inputs and the zip bomb, on the debug build.
BOUNDED_SUITES ?= HostileInputTests|FuzzRegressionTests|BundleHostileTests
test-bounds: deps
	$(SWIFT) build --build-tests
	PREFLIGHT_RESOURCE_BOUNDS=1 $(SWIFT) test --skip-build --filter '$(BOUNDED_SUITES)'

# The sanitized suites: ASan (LeakSanitizer included) on every target, UBSan on the C targets (swiftc has
# no -sanitize=undefined on Linux; its handlers are in the ASan runtime, and Swift traps its own overflows
# and bounds). They cover the suites that drive C libraries and unsafe pointers (probes, decoders, zip,
# PDF, pixels, faces, the vector kernels, the hostile and fuzzing inputs, the tool's own start); a report
# fails the run. Left to the normal build: the suites of pure Swift logic (rules, gate, rendering, the
# message catalog, calibration arithmetic) and those that judge what other suites already measure under
# the sanitizers (rule checks over probed files, the tool's output formats, the detector's two builds,
# loudness against ffmpeg, the 25 MB zero-shot takes).
ASAN_BUILD ?= .build-asan
SANITIZERS ?= --sanitize=address -Xcc -fsanitize=undefined
SANITIZED_SKIP ?= PreflightCalibrationTests|RuleEngineTests|StudioProfileTests|BatchTests|GateSerialWorkTests|GateCommandTests|GateDeliveryTests|ManifestAcceptanceTests|TerminalMessageTests|SARIFSchemaTests|DocumentationTests|MessageCatalogTests|FlagAdviceTests|ReportJSONTests|ReportJSONOutputTests|CommandLineTests|ImageCheckTests|PhotoCheckTests|BundleRuleTests|FactCoverageTests|FaceLibraryBuildTests|SNREstimateTests|TakeLoudnessTests|AudioZeroShotTests
test-asan: deps
	$(SWIFT) build --build-tests $(SANITIZERS) --scratch-path $(ASAN_BUILD)
	PREFLIGHT_SANITIZED=1 ASAN_OPTIONS=detect_leaks=1:halt_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
	  LSAN_OPTIONS=suppressions=$(CURDIR)/Tests/lsan-suppressions.txt:print_suppressions=0 \
	  $(SWIFT) test --skip-build $(SANITIZERS) --scratch-path $(ASAN_BUILD) --skip '$(SANITIZED_SKIP)'

# libFuzzer over each reader, fed from memory (FuzzTarget). Swift code gets libFuzzer's coverage
# instrumentation and ASan; libFuzzer's driver is linked into PreflightFuzz only (through
# LLVMFuzzerRunDriver), so the build tools keep their own main. A tree of its own: the coverage
# instrumentation would slow the sanitized suites' signal processing several times over.
FUZZ_BUILD ?= .build-fuzz
FUZZ_TARGETS ?= rules manifest video audio zip photo pdf
FUZZ_SECONDS ?= 60
FUZZ_RUNS ?= 500
FUZZ_FLAGS ?= -rss_limit_mb=1024 -malloc_limit_mb=256 -timeout=10 -max_len=131072
FUZZER_LIB ?= $(shell $(dir $(shell command -v $(SWIFT)))clang -print-resource-dir)/lib/linux/libclang_rt.fuzzer_no_main-$(shell uname -m).a
FUZZ_BIN := $(FUZZ_BUILD)/debug/PreflightFuzz
FUZZ_ENV := SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=1:quarantine_size_mb=64
fuzz-build: deps
	$(SWIFT) build --product PreflightFuzz -c debug --sanitize=address --scratch-path $(FUZZ_BUILD) \
	  -Xswiftc -sanitize-coverage=edge,indirect-calls,trace-cmp,inline-8bit-counters,pc-table \
	  -Xcc -fsanitize=fuzzer-no-link -Xcc -DPREFLIGHT_LIBFUZZER -Xlinker $(FUZZER_LIB) -Xlinker -lstdc++

# Fuzzes each target for FUZZ_SECONDS from the committed corpus; new inputs go to $(FUZZ_BUILD)/corpus,
# crashes to Fuzz/findings/<target>/ (see Fuzz/README.md: minimise, fix, commit under Fuzz/regressions/).
fuzz: fuzz-build
	@for t in $(FUZZ_TARGETS); do \
	  mkdir -p $(FUZZ_BUILD)/corpus/$$t Fuzz/findings/$$t Fuzz/regressions/$$t; \
	  echo "== fuzz $$t for $(FUZZ_SECONDS) s"; \
	  $(FUZZ_ENV) PREFLIGHT_FUZZ_TARGET=$$t $(FUZZ_BIN) $(FUZZ_FLAGS) -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 \
	    -artifact_prefix=Fuzz/findings/$$t/ $(FUZZ_BUILD)/corpus/$$t Fuzz/corpus/$$t Fuzz/regressions/$$t \
	    > $(FUZZ_BUILD)/fuzz-$$t.log 2>&1 || { tail -60 $(FUZZ_BUILD)/fuzz-$$t.log; exit 1; }; \
	  grep -E '^(#[0-9]+ +DONE|stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb))' $(FUZZ_BUILD)/fuzz-$$t.log; \
	done

# CI: every committed corpus and regression input, then FUZZ_RUNS mutations of them, per target.
fuzz-ci: fuzz-build
	@for t in $(FUZZ_TARGETS); do \
	  rm -rf $(FUZZ_BUILD)/ci-corpus/$$t; mkdir -p $(FUZZ_BUILD)/ci-corpus/$$t $(FUZZ_BUILD)/findings/$$t Fuzz/regressions/$$t; \
	  $(FUZZ_ENV) PREFLIGHT_FUZZ_TARGET=$$t $(FUZZ_BIN) $(FUZZ_FLAGS) -runs=$(FUZZ_RUNS) -seed=1 \
	    -artifact_prefix=$(FUZZ_BUILD)/findings/$$t/ $(FUZZ_BUILD)/ci-corpus/$$t Fuzz/corpus/$$t Fuzz/regressions/$$t \
	    > $(FUZZ_BUILD)/fuzz-ci-$$t.log 2>&1 \
	    || { tail -60 $(FUZZ_BUILD)/fuzz-ci-$$t.log; exit 1; }; \
	  echo "fuzz-ci $$t: $$(grep -E '^Done [0-9]+ runs' $(FUZZ_BUILD)/fuzz-ci-$$t.log)"; \
	done

# Rebuilds the seed corpora from Fixtures/ and rules/ (committed).
fuzz-corpus: deps
	bash Fuzz/make-corpus.sh

bench: deps-bench release
	bash bench/run.sh

# The audio-quality calibration table (README, "Audio quality"): known SNR, C50, silences, clipping.
calibrate: deps
	$(call install_missing,$(CALIBRATION_PACKAGES))
	bash Fixtures/calibrate.sh

fixtures: deps
	$(call install_missing,$(FIXTURE_PACKAGES))
	bash Fixtures/make-video-fixtures.sh
	bash Fixtures/make-pdf-fixtures.sh
	bash Fixtures/make-photo-fixtures.sh
	bash Fixtures/make-room-fixtures.sh
	bash Fixtures/make-face-fixtures.sh
	bash Fixtures/make-audio-fixtures.sh
	bash Fixtures/make-speech-fixtures.sh

# The DocC catalog (Sources/Preflight/Preflight.docc): the facts reference regenerated from the
# vocabulary, then the documentation archive through swift-docc-plugin.
docs: build
	$(BIN) facts --format markdown > Sources/Preflight/Preflight.docc/FactsReference.md
	$(SWIFT) package generate-documentation --target Preflight

clean:
	rm -rf .build

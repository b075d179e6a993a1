# preflight: build, demo, test and benchmark. Works on a fresh Debian machine with only the Swift
# toolchain: `make deps` installs the missing Debian packages (as root, or through sudo).

SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# Libraries preflight links, and the tools the fixtures and tests use.
BUILD_PACKAGES := pkg-config libavformat-dev libavcodec-dev libavutil-dev libswresample-dev \
  libsndfile1-dev libzip-dev libpng-dev libjpeg-dev libwebp-dev zlib1g-dev
TEST_PACKAGES := ffmpeg sox espeak-ng qpdf poppler-utils zip unzip python3
BENCH_PACKAGES := hyperfine mediainfo mediaconch time imagemagick libimage-exiftool-perl
# Only to regenerate the committed fixtures (make fixtures).
FIXTURE_PACKAGES := imagemagick webp libimage-exiftool-perl
BIN := .build/debug/preflight
RELEASE_BIN := .build/release/preflight

.PHONY: all deps deps-bench build release demo test bench calibrate fixtures clean

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

release: deps
	$(SWIFT) build -c release

# Runs the validator on the bundled fixtures: a passing IMAGE_GENERAL submission, then failing ones.
demo: build
	@echo; echo "== IMAGE_GENERAL: 90 s 1080p25 take + written authorization (expected: pass)"
	$(BIN) check --type IMAGE_GENERAL --material Fixtures/video/take-1080p25-90s.mp4 --identity-pdf Fixtures/pdf/one-page.pdf --failures-only || true
	@echo; echo "== IMAGE: the same take is under the 2-minute minimum (expected: fail)"
	$(BIN) check --type IMAGE --material Fixtures/video/take-1080p25-90s.mp4 --identity Fixtures/video/authorization.mp4 --failures-only || true
	@echo; echo "== IMAGE_GENERAL: a 24 fps take, no authorization (expected: fail)"
	$(BIN) check --type IMAGE_GENERAL --material Fixtures/video/fps24.mp4 --failures-only || true
	@echo; echo "== IMAGE_PHOTO: a 3:4 portrait photo (expected: fail, with the crop that fixes it)"
	$(BIN) check --type IMAGE_PHOTO --material Fixtures/photo/portrait_1200x1600.jpg --failures-only || true
	@echo; echo "== a phone clip stored 1920x1080 with a 90° rotation, as JSON facts"
	$(BIN) probe Fixtures/video/phone-portrait.mp4 --format json

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

bench: deps-bench release
	bash bench/run.sh

# The audio-quality calibration table (README, "Audio quality"): known SNR, C50, silences, clipping.
calibrate: deps
	bash Fixtures/calibrate.sh

fixtures: deps
	$(call install_missing,$(FIXTURE_PACKAGES))
	bash Fixtures/make-video-fixtures.sh
	bash Fixtures/make-pdf-fixtures.sh
	bash Fixtures/make-photo-fixtures.sh
	bash Fixtures/make-audio-fixtures.sh
	bash Fixtures/make-speech-fixtures.sh

clean:
	rm -rf .build

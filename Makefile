# Two commands on a fresh machine: `make run` (the platform with demo data) and `make test`.
SHELL := /bin/bash
DEBUG_DIR := build/debug
RELEASE_DIR := build/release
JOBS ?= $(shell nproc)

.PHONY: deps web build build-debug run test unit-test integration-test bench format check-format clean

deps:
	@bash scripts/install-deps.sh

# The web UI (web/ → web/dist, which the server serves); skipped when nothing changed.
web: deps
	@bash scripts/web-build.sh --if-needed

# Release build: what `make run` and the benchmarks use. The binary lands at build/release/allmende,
# the demo mailbox that `make run` starts beside it at build/release/allmende-mailbox.
build: deps web
	@cmake -S . -B $(RELEASE_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Release > /dev/null
	@ninja -C $(RELEASE_DIR) -j $(JOBS) allmende allmende-mailbox

# Debug build with AddressSanitizer and UndefinedBehaviorSanitizer: what the tests run.
build-debug: deps web
	@cmake -S . -B $(DEBUG_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DALLMENDE_SANITIZE=ON > /dev/null
	@ninja -C $(DEBUG_DIR) -j $(JOBS)

run: build
	@bash scripts/run-demo.sh

test: build-debug check-format
	@bash scripts/test.sh

bench: build
	@bash bench/run.sh
	@bash bench/search.sh
	@bash bench/orders.sh
	@bash bench/clients.sh
	@bash bench/billing.sh

format:
	@find src tests -name '*.cpp' -o -name '*.hpp' | xargs clang-format -i

check-format:
	@git ls-files 'src/*.cpp' 'src/*.hpp' 'tests/*.cpp' 'tests/*.hpp' | xargs clang-format --dry-run --Werror
	@echo "check-format: clean"

clean:
	rm -rf build

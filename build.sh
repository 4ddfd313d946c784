#!/usr/bin/env bash
# curvlab's one entry point. Usage: ./build.sh [web|serve|desktop|test|bench|cli]
set -euo pipefail
cd "$(dirname "$0")"

die() { echo "build.sh: $*" >&2; exit 1; }

command -v go >/dev/null || die "Go is required (https://go.dev/dl/); install Go 1.26 or newer"
GOROOT_WASM="$(go env GOROOT)/lib/wasm"

# need_debs PKG... installs the Debian packages that are missing, through
# apt-get when running as root; otherwise it says what to install.
need_debs() {
	local missing=()
	for p in "$@"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
	done
	[ ${#missing[@]} -eq 0 ] && return 0
	if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
		echo "build.sh: installing ${missing[*]}" >&2
		DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
	else
		die "missing Debian packages: ${missing[*]} (run: sudo apt-get install ${missing[*]})"
	fi
}

# need_node makes sure node is on PATH, for the wasm tests.
need_node() {
	command -v node >/dev/null || need_debs nodejs
}

cmd_test() {
	need_node
	echo "== gofmt, go vet"
	local unformatted
	unformatted="$(gofmt -l $(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))"
	[ -z "$unformatted" ] || die "not gofmt-clean: $unformatted"
	go vet ./...
	echo "== go test (native)"
	go test -count=1 ./...
	echo "== go test (js/wasm under node): sim"
	PATH="$GOROOT_WASM:$PATH" GOOS=js GOARCH=wasm go test -count=1 ./sim/...
}

cmd_bench() {
	echo "== native"
	go test -run '^$' -bench . -benchmem ./sim/...
	echo "== js/wasm under node"
	PATH="$GOROOT_WASM:$PATH" GOOS=js GOARCH=wasm go test -run '^$' -bench 'Grid' -benchmem ./sim/...
}

cmd_serve() {
	# The app is not built yet: run the CLI demo instead.
	echo "The browser app is not built yet; here is the CLI on Rosenbrock:" >&2
	go run ./cmd/curvsim compare --surface rosenbrock --start -1.2,1 \
		--method gd:lr=0.001 --method newton --method sr1 --method bfgs --steps 5000
}

case "${1:-}" in
test) cmd_test ;;
bench) cmd_bench ;;
serve) cmd_serve ;;
*) die "usage: ./build.sh [test|bench|serve]" ;;
esac

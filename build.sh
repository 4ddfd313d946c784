#!/usr/bin/env bash
# curvlab's one entry point. Usage: ./build.sh [web|serve|desktop|test|bench]
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

# Debian packages: building the native app (cgo, X11, GL), running it and the
# browser without a display, compressing the wasm.
X11_DEV=(gcc pkg-config libx11-dev libxrandr-dev libxcursor-dev libxinerama-dev libxi-dev libxxf86vm-dev libgl1-mesa-dev)
HEADLESS=(xvfb xauth libgl1-mesa-dri chromium)

cmd_web() {
	command -v brotli >/dev/null || need_debs brotli
	command -v gzip >/dev/null || need_debs gzip
	echo "== building dist/ (js/wasm)"
	mkdir -p dist
	rm -f dist/main.wasm dist/main.wasm.gz dist/main.wasm.br
	GOOS=js GOARCH=wasm go build -trimpath -ldflags="-s -w" -o dist/main.wasm ./wasm
	cp "$GOROOT_WASM/wasm_exec.js" dist/wasm_exec.js
	local size
	size=$(stat -c %s dist/main.wasm)
	sed "s/__WASM_SIZE__/$size/" index.html >dist/index.html
	gzip -9 -k -n dist/main.wasm
	brotli -q 11 -k dist/main.wasm
	ls -l dist
}

cmd_serve() {
	cmd_web
	go run ./internal/devserver -dir dist -addr "${CURVLAB_ADDR:-localhost:8080}"
}

cmd_desktop() {
	need_debs "${X11_DEV[@]}"
	mkdir -p bin
	go build -trimpath -o bin/curvlab ./cmd/curvlab
	echo "built bin/curvlab (run it, or: go run ./cmd/curvlab)"
}

cmd_test() {
	need_node
	need_debs "${X11_DEV[@]}" "${HEADLESS[@]}"
	echo "== gofmt, go vet"
	local unformatted
	unformatted="$(gofmt -l $(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))"
	[ -z "$unformatted" ] || die "not gofmt-clean: $unformatted"
	go vet ./...
	GOOS=js GOARCH=wasm go vet ./sim/... ./render/... ./app/... ./wasm/...
	cmd_web
	echo "== go test (native; display packages under Xvfb)"
	xvfb-run -a -s "-screen 0 1600x1000x24" go test -count=1 ./...
	echo "== go test (js/wasm under node): sim, render/geom"
	PATH="$GOROOT_WASM:$PATH" GOOS=js GOARCH=wasm go test -count=1 ./sim/... ./render/geom/...
}

cmd_bench() {
	echo "== native"
	go test -run '^$' -bench . -benchmem ./sim/...
	echo "== js/wasm under node"
	PATH="$GOROOT_WASM:$PATH" GOOS=js GOARCH=wasm go test -run '^$' -bench 'Grid' -benchmem ./sim/...
}

case "${1:-}" in
web) cmd_web ;;
serve) cmd_serve ;;
desktop) cmd_desktop ;;
test) cmd_test ;;
bench) cmd_bench ;;
*) die "usage: ./build.sh [web|serve|desktop|test|bench]" ;;
esac

#!/usr/bin/env bash
# curvlab's one entry point. Usage: ./build.sh [web|serve|desktop|test|bench|bench-web [flags]]
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

# build_wasm PKG DIR builds the js/wasm main package PKG into DIR with the
# page shell: index.html, wasm_exec.js, main.wasm and its .gz and .br.
build_wasm() {
	local pkg=$1 dir=$2 size
	command -v brotli >/dev/null || need_debs brotli
	command -v gzip >/dev/null || need_debs gzip
	mkdir -p "$dir"
	rm -f "$dir/main.wasm" "$dir/main.wasm.gz" "$dir/main.wasm.br"
	GOOS=js GOARCH=wasm go build -trimpath -ldflags="-s -w" -o "$dir/main.wasm" "$pkg"
	cp "$GOROOT_WASM/wasm_exec.js" "$dir/wasm_exec.js"
	size=$(stat -c %s "$dir/main.wasm")
	sed "s/__WASM_SIZE__/$size/" index.html >"$dir/index.html"
	gzip -9 -k -n "$dir/main.wasm"
	brotli -q 11 -k "$dir/main.wasm"
}

# build_worker DIR builds the engine's worker into DIR: engine.wasm (with
# its .gz and .br) and engine.js, which runs it beside wasm_exec.js.
build_worker() {
	local dir=$1
	rm -f "$dir/engine.wasm" "$dir/engine.wasm.gz" "$dir/engine.wasm.br"
	GOOS=js GOARCH=wasm go build -trimpath -ldflags="-s -w" -o "$dir/engine.wasm" ./wasm/worker
	cp wasm/worker/engine.js "$dir/engine.js"
	gzip -9 -k -n "$dir/engine.wasm"
	brotli -q 11 -k "$dir/engine.wasm"
}

cmd_web() {
	echo "== building dist/ (js/wasm)"
	build_wasm ./wasm dist
	build_worker dist
	cp assets/icon-*.png dist/ # the favicon and home-screen icon
	ls -l dist
	# the page's first download: issue 13 holds main.wasm to 3.0 MB brotli
	# (the Chinese font subset and catalogs included)
	local br
	br=$(stat -c %s dist/main.wasm.br)
	[ "$br" -le 3000000 ] || die "dist/main.wasm.br is $br bytes, over the 3,000,000 allowed"
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
	GOOS=js GOARCH=wasm go vet ./sim/... ./render/... ./app/... ./wasm/... ./internal/bareapp
	cmd_web
	echo "== go test (native; display packages under Xvfb)"
	# ./e2e first: go test starts packages in the order given, two at a
	# time on two cores, and the browser tests are the longest (about 7 of
	# the 9 minutes here); the rest run beside them.
	# -timeout: the browser tests tap every control on emulated screens (e2e/layout_test.go), longer than go test's default 10 minutes on a small machine
	xvfb-run -a -s "-screen 0 1600x1000x24" go test -count=1 -timeout 45m ./e2e ./...
	echo "== go test (js/wasm under node): sim, render/geom"
	PATH="$GOROOT_WASM:$PATH" GOOS=js GOARCH=wasm go test -count=1 ./sim/... ./render/geom/...
}

cmd_bench() {
	echo "== native"
	go test -run '^$' -bench . -benchmem ./sim/...
	echo "== js/wasm under node"
	PATH="$GOROOT_WASM:$PATH" GOOS=js GOARCH=wasm go test -run '^$' -bench 'Grid' -benchmem ./sim/...
}

# cmd_bench_web measures the browser build in headless Chromium: sizes, time
# to the first frame against a bare Ebitengine app, frame cost, heap over
# time. Arguments go to internal/webbench (-h lists them; -heap 30s for a
# quick run).
cmd_bench_web() {
	need_debs chromium
	cmd_web
	echo "== building bin/bareapp/ (a bare Ebitengine app that only clears the screen)"
	build_wasm ./internal/bareapp bin/bareapp
	ls -l bin/bareapp
	go run ./internal/webbench -dist dist -bare bin/bareapp "$@"
}

case "${1:-}" in
web) cmd_web ;;
serve) cmd_serve ;;
desktop) cmd_desktop ;;
test) cmd_test ;;
bench) cmd_bench ;;
bench-web)
	shift
	cmd_bench_web "$@"
	;;
*) die "usage: ./build.sh [web|serve|desktop|test|bench|bench-web [flags]]" ;;
esac

// Package static serves a built dist/ directory the way a good static host
// would: main.wasm is sent precompressed (main.wasm.br or .gz) when the
// browser accepts it, with the right Content-Type and Content-Encoding.
package static

import (
	"net"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// Handler serves the files of dir.
func Handler(dir string) http.Handler {
	files := http.FileServer(http.Dir(dir))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := path.Clean(r.URL.Path)
		w.Header().Set("Cache-Control", "no-cache")
		if strings.HasSuffix(name, ".wasm") {
			w.Header().Set("Content-Type", "application/wasm")
			w.Header().Add("Vary", "Accept-Encoding")
			accept := r.Header.Get("Accept-Encoding")
			for _, enc := range []struct{ token, ext string }{{"br", ".br"}, {"gzip", ".gz"}} {
				if !acceptsEncoding(accept, enc.token) {
					continue
				}
				f := filepath.Join(dir, filepath.FromSlash(name)+enc.ext)
				if _, err := os.Stat(f); err == nil {
					w.Header().Set("Content-Encoding", enc.token)
					http.ServeFile(w, r, f)
					return
				}
			}
		}
		files.ServeHTTP(w, r)
	})
}

// acceptsEncoding reports whether an Accept-Encoding header admits token
// (ignoring q-values other than an explicit q=0).
func acceptsEncoding(header, token string) bool {
	for _, part := range strings.Split(header, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if strings.EqualFold(strings.TrimSpace(name), token) {
			return strings.ReplaceAll(params, " ", "") != "q=0"
		}
	}
	return false
}

// Serve serves h on a free port of the loopback interface, in the
// background, and returns its base URL ("http://127.0.0.1:port"); stop
// closes the server.
func Serve(h http.Handler) (base string, stop func(), err error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	srv := &http.Server{Handler: h}
	go srv.Serve(ln)
	return "http://" + ln.Addr().String(), func() { srv.Close() }, nil
}

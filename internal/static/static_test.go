package static

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
)

func TestPrecompressedWasm(t *testing.T) {
	dir := t.TempDir()
	for name, body := range map[string]string{
		"main.wasm": "plain", "main.wasm.br": "brotli", "main.wasm.gz": "gzip", "index.html": "<html>",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	srv := httptest.NewServer(Handler(dir))
	defer srv.Close()
	for _, tc := range []struct{ accept, body, enc string }{
		{"gzip, deflate, br", "brotli", "br"},
		{"gzip", "gzip", "gzip"},
		{"br;q=0, gzip", "gzip", "gzip"},
		{"", "plain", ""},
	} {
		req, _ := http.NewRequest("GET", srv.URL+"/main.wasm", nil)
		req.Header.Set("Accept-Encoding", tc.accept)
		// A Transport that does not add or undo encodings by itself.
		resp, err := (&http.Transport{DisableCompression: true}).RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		b := make([]byte, 64)
		n, _ := resp.Body.Read(b)
		resp.Body.Close()
		if got := string(b[:n]); got != tc.body || resp.Header.Get("Content-Encoding") != tc.enc {
			t.Errorf("Accept-Encoding %q: got %q with encoding %q, want %q with %q",
				tc.accept, got, resp.Header.Get("Content-Encoding"), tc.body, tc.enc)
		}
		if ct := resp.Header.Get("Content-Type"); ct != "application/wasm" {
			t.Errorf("Content-Type %q", ct)
		}
	}
}

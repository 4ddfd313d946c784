// Command devserver serves dist/ on localhost for ./build.sh serve.
package main

import (
	"flag"
	"fmt"
	"log"
	"net/http"
	"os"

	"curvlab/internal/static"
)

func main() {
	dir := flag.String("dir", "dist", "directory to serve")
	addr := flag.String("addr", "localhost:8080", "address to listen on")
	flag.Parse()
	if _, err := os.Stat(*dir); err != nil {
		fmt.Fprintf(os.Stderr, "devserver: %v (run ./build.sh web first)\n", err)
		os.Exit(2)
	}
	fmt.Printf("curvlab: serving %s at http://%s/ (Ctrl-C to stop)\n", *dir, *addr)
	log.Fatal(http.ListenAndServe(*addr, static.Handler(*dir)))
}

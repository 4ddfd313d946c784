package heapstat

import (
	"runtime"
	"strings"
)

// OwnAllocs runs f and returns the heap objects allocated in it at
// allocation sites in functions whose name starts with prefix (a package
// path such as "curvlab/render", or "curvlab/" for all of curvlab) and
// that are not in a _test.go file, with the function that allocated most.
// Sites elsewhere do not count: Ebitengine queues every draw call until
// the frame ends, and its desktop OpenGL driver allocates per GL call
// through purego, which no drawing code can avoid, so the count is taken
// from the heap profile by allocation site rather than from
// runtime.MemStats. The profile records every allocation while f runs.
func OwnAllocs(prefix string, f func()) (n int64, where string) {
	old := runtime.MemProfileRate
	runtime.MemProfileRate = 1
	defer func() { runtime.MemProfileRate = old }()
	before := ownSites(prefix)
	f()
	after := ownSites(prefix)
	var worst int64
	for fn, c := range after {
		d := c - before[fn]
		n += d
		if d > worst {
			worst, where = d, fn
		}
	}
	return n, where
}

// harness are the packages that measure and run the frames measured: what
// they allocate is the test's, not the code's under test.
var harness = []string{"curvlab/internal/heapstat.", "curvlab/internal/gameloop."}

func inHarness(function string) bool {
	for _, h := range harness {
		if strings.HasPrefix(function, h) {
			return true
		}
	}
	return false
}

// ownSites returns the objects allocated so far per function whose name
// starts with prefix, outside tests. The profile is that of the last
// collection, so it collects twice first (the second publishes the first's
// records).
func ownSites(prefix string) map[string]int64 {
	runtime.GC()
	runtime.GC()
	var recs []runtime.MemProfileRecord
	for {
		k, ok := runtime.MemProfile(recs, true)
		if ok {
			recs = recs[:k]
			break
		}
		recs = make([]runtime.MemProfileRecord, k+64)
	}
	m := map[string]int64{}
	for _, r := range recs {
		fr := allocSite(r.Stack())
		if strings.HasPrefix(fr.Function, prefix) && !strings.HasSuffix(fr.File, "_test.go") && !inHarness(fr.Function) {
			m[fr.Function] += r.AllocObjects
		}
	}
	return m
}

// allocSite is the innermost frame of an allocation's stack outside the
// runtime (mallocgc, convT, growslice and the like).
func allocSite(stk []uintptr) runtime.Frame {
	frames := runtime.CallersFrames(stk)
	for {
		fr, more := frames.Next()
		if !strings.HasPrefix(fr.Function, "runtime.") || !more {
			return fr
		}
	}
}

// Package heapstat measures the live Go heap, for tests that bound memory.
package heapstat

import "runtime"

// Live returns the bytes of live heap: HeapAlloc right after two full
// collections (the second frees what finalizers of the first released).
func Live() int64 {
	runtime.GC()
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return int64(ms.HeapAlloc)
}

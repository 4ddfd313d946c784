package sim

import (
	"fmt"
	"slices"
	"strings"
)

// registry is a library of named kinds, filled from the init functions of
// the files that define them (one per surface, one per method). It keeps
// the kinds sorted by name, so every list of names is built here, once.
type registry[K any] struct {
	what  string // "surface", "method": for messages
	name  func(K) string
	kinds []K // sorted by name
}

// add registers k; a second kind of the same name is a programming error.
func (r *registry[K]) add(k K) {
	i, found := slices.BinarySearchFunc(r.kinds, r.name(k), func(e K, name string) int { return strings.Compare(r.name(e), name) })
	if found {
		panic("sim: " + r.what + " registered twice: " + r.name(k))
	}
	r.kinds = slices.Insert(r.kinds, i, k)
}

// list returns the kinds sorted by name (a copy).
func (r *registry[K]) list() []K { return slices.Clone(r.kinds) }

// names returns the kinds' names, sorted.
func (r *registry[K]) names() []string {
	names := make([]string, len(r.kinds))
	for i, k := range r.kinds {
		names[i] = r.name(k)
	}
	return names
}

// lookup finds a kind by name; the error names the accepted ones (about
// 100 bytes of them: a link's notice is one line).
func (r *registry[K]) lookup(name string) (K, error) {
	i, found := slices.BinarySearchFunc(r.kinds, name, func(e K, name string) int { return strings.Compare(r.name(e), name) })
	if !found {
		var zero K
		return zero, fmt.Errorf("unknown %s %s (accepted: %s)", r.what, scQuote(name), scAccepted(r.names(), 100))
	}
	return r.kinds[i], nil
}

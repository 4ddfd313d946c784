package sim

import (
	"fmt"
	"slices"
	"strings"
)

// Registry is a library of named kinds, filled from the init functions of
// the files that define them (one per method here, one per surface in
// package surfaces). It keeps the kinds sorted by name, so every list of
// names is built here, once.
type Registry[K any] struct {
	What  string         // "surface", "method": for messages
	Name  func(K) string // the kind's name
	kinds []K            // sorted by name
}

// Add registers k; a second kind of the same name is a programming error.
func (r *Registry[K]) Add(k K) {
	i, found := slices.BinarySearchFunc(r.kinds, r.Name(k), func(e K, name string) int { return strings.Compare(r.Name(e), name) })
	if found {
		panic("sim: " + r.What + " registered twice: " + r.Name(k))
	}
	r.kinds = slices.Insert(r.kinds, i, k)
}

// List returns the kinds sorted by name (a copy).
func (r *Registry[K]) List() []K { return slices.Clone(r.kinds) }

// Names returns the kinds' names, sorted.
func (r *Registry[K]) Names() []string {
	names := make([]string, len(r.kinds))
	for i, k := range r.kinds {
		names[i] = r.Name(k)
	}
	return names
}

// Lookup finds a kind by name; the error names the accepted ones (about
// 100 bytes of them: a link's notice is one line).
func (r *Registry[K]) Lookup(name string) (K, error) {
	i, found := slices.BinarySearchFunc(r.kinds, name, func(e K, name string) int { return strings.Compare(r.Name(e), name) })
	if !found {
		var zero K
		return zero, fmt.Errorf("unknown %s %s (accepted: %s)", r.What, Quote(name), accepted(r.Names(), 100))
	}
	return r.kinds[i], nil
}

// Quote quotes at most 32 bytes of s with %q, escaping <, > and & so that
// an error message that shows input from a link is safe in a page; the
// quoted text is kept to 42 bytes, and a cut is marked with "...".
func Quote(s string) string {
	n := min(len(s), 32)
	for {
		q := fmt.Sprintf("%q", s[:n])
		q = strings.NewReplacer("<", `\x3c`, ">", `\x3e`, "&", `\x26`).Replace(q)
		if len(q) <= 42 || n == 0 {
			if n < len(s) {
				q += "..."
			}
			return q
		}
		n--
	}
}

// accepted joins names with ", ", cut with "..." to about budget bytes.
func accepted(names []string, budget int) string {
	var b strings.Builder
	for i, n := range names {
		if i > 0 {
			if b.Len()+2+len(n) > budget {
				b.WriteString(", ...")
				break
			}
			b.WriteString(", ")
		}
		b.WriteString(n)
	}
	if b.Len() == 0 {
		return "none"
	}
	return b.String()
}

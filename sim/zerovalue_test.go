package sim_test

import (
	"fmt"
	"math"
	"reflect"
	"strings"
	"testing"

	"curvlab/sim"
)

// traceDiff returns "" when the traces are the same bit for bit, else where
// they first differ.
func traceDiff(ra, rb *sim.Run) string {
	if len(ra.Trace) != len(rb.Trace) {
		return fmt.Sprintf("%d rows, then %d", len(ra.Trace), len(rb.Trace))
	}
	for i := range ra.Trace {
		sa, sb := ra.Row(i), rb.Row(i)
		same := sameBits([]float64{sa.F, sa.GNorm, sa.StepLen, sa.Alpha, sa.Radius}, []float64{sb.F, sb.GNorm, sb.StepLen, sb.Alpha, sb.Radius}) &&
			sameBits(sa.X, sb.X) && sameBits(sa.G, sb.G) && sameBits(sa.TrialX, sb.TrialX) && sameBits(sa.TrialF, sb.TrialF) &&
			sameBits(sa.Curv, sb.Curv) && sameBits(sa.Dir, sb.Dir) && sameBits(sa.TRStep, sb.TRStep) && sa.CurvKind == sb.CurvKind && sa.Events == sb.Events &&
			sa.FEvals == sb.FEvals && sa.GEvals == sb.GEvals && sa.HEvals == sb.HEvals
		if !same {
			return fmt.Sprintf("row %d differs: %+v, then %+v", i, sa.Step, sb.Step)
		}
	}
	return ""
}

// TestZeroValueIsDefault: the zero value of every method type is that
// method with its defaults: on Rosenbrock from (−1.2, 1) it moves, and its
// iterates equal those of the method built from the default spec bit for
// bit.
func TestZeroValueIsDefault(t *testing.T) {
	surf := mustSurface(t, "rosenbrock")
	x0 := []float64{-1.2, 1}
	const steps = 50
	for _, k := range sim.MethodKinds() {
		spec := sim.Spec{Kind: k, Values: sim.Defaults(k.Params)}
		zero := reflect.New(reflect.TypeOf(spec.New()).Elem()).Interface().(sim.Method)
		want := sim.NewRun(surf, spec.New(), x0, sim.RunOptions{})
		got := sim.NewRun(surf, zero, x0, sim.RunOptions{})
		for i := 0; i < steps; i++ {
			want.Step()
			got.Step()
		}
		last := got.Last().X
		if last[0] == x0[0] && last[1] == x0[1] {
			t.Errorf("%s: the zero value %T did not move in %d iterations", k.Name, zero, steps)
		}
		if d := traceDiff(got, want); d != "" {
			t.Errorf("%s: the zero value %T and the default spec %q differ: %s", k.Name, zero, spec, d)
		}
	}
}

// nonDefault returns a valid value of p other than its default (and other
// than 0, which a zero field reads as the default).
func nonDefault(p sim.Param) float64 {
	if len(p.Choices) > 0 {
		return float64((int(p.Default) + 1) % len(p.Choices))
	}
	for _, v := range []float64{p.Default * 1.5, p.Default / 2, p.Default + 1, p.Default - 1, (p.Min + p.Max) / 2} {
		if v != p.Default && v != 0 && v >= p.Min && v <= p.Max && (!p.Int || v == math.Trunc(v)) {
			return v
		}
	}
	panic("no other value for " + p.Key)
}

// fieldFor finds the exported field of the method struct named like key
// (case aside: lr → LR, maxradius → MaxRadius), also among the fields of
// an embedded struct (Training's).
func fieldFor(v reflect.Value, key string) (reflect.Value, bool) {
	for i := 0; i < v.NumField(); i++ {
		f := v.Type().Field(i)
		if !f.IsExported() {
			continue
		}
		if f.Anonymous && f.Type.Kind() == reflect.Struct {
			if e, ok := fieldFor(v.Field(i), key); ok {
				return e, true
			}
		} else if strings.EqualFold(f.Name, key) {
			return v.Field(i), true
		}
	}
	return reflect.Value{}, false
}

// fieldIs reports whether field f holds the value v of parameter p: the
// number itself, or for an enumeration the constant named p.Choices[v].
func fieldIs(f reflect.Value, p sim.Param, v float64) bool {
	if len(p.Choices) > 0 {
		s, ok := f.Interface().(fmt.Stringer)
		return ok && s.String() == p.Choices[int(v)]
	}
	switch f.Kind() {
	case reflect.Float64:
		return f.Float() == v
	case reflect.Int:
		return float64(f.Int()) == v
	case reflect.Uint64:
		return float64(f.Uint()) == v
	}
	return false
}

// exportedFields returns the exported fields of the method struct m by name.
func exportedFields(m sim.Method) map[string]any {
	v := reflect.ValueOf(m).Elem()
	fields := map[string]any{}
	var add func(v reflect.Value)
	add = func(v reflect.Value) {
		for i := 0; i < v.NumField(); i++ {
			f := v.Type().Field(i)
			switch {
			case !f.IsExported():
			case f.Anonymous && f.Type.Kind() == reflect.Struct:
				add(v.Field(i)) // an embedded struct's fields are the method's
			default:
				fields[f.Name] = v.Field(i).Interface()
			}
		}
	}
	add(v)
	return fields
}

// TestParamsBindByName: every parameter key of every method reaches the
// field it names, and only that field. For each parameter in turn, a spec
// with that one value changed builds a method whose field named by the key
// holds the new value while every other exported field keeps its default;
// a decay that may be 0 (momentum's β, Adam's β₁ and β₂, RMSProp's ρ) set to
// 0 sets its Zero… flag. Every exported field is some parameter's.
func TestParamsBindByName(t *testing.T) {
	for _, k := range sim.MethodKinds() {
		def := sim.Spec{Kind: k, Values: sim.Defaults(k.Params)}.New()
		defFields := exportedFields(def)
		bound := map[string]bool{}
		check := func(i int, v float64, field string, want func(reflect.Value) bool) {
			vals := sim.Defaults(k.Params)
			vals[i] = v
			spec := sim.Spec{Kind: k, Values: vals}
			m := spec.New()
			f, ok := fieldFor(reflect.ValueOf(m).Elem(), field)
			if !ok {
				t.Errorf("%s: %T has no field named %q", k.Name, m, field)
				return
			}
			bound[strings.ToLower(field)] = true
			if !want(f) {
				t.Errorf("%s: %q built a %T whose %s is %v", k.Name, spec, m, field, f.Interface())
			}
			for name, got := range exportedFields(m) {
				if !strings.EqualFold(name, field) && !strings.EqualFold(name, k.Params[i].Key) && got != defFields[name] {
					t.Errorf("%s: %q changed field %s to %v (default %v): key %q reached the wrong field", k.Name, spec, name, got, defFields[name], k.Params[i].Key)
				}
			}
		}
		for i, p := range k.Params {
			v := nonDefault(p)
			check(i, v, p.Key, func(f reflect.Value) bool { return fieldIs(f, p, v) })
			if len(p.Choices) == 0 && p.Min == 0 && p.Default != 0 {
				check(i, 0, "Zero"+p.Key, func(f reflect.Value) bool { return f.Kind() == reflect.Bool && f.Bool() })
			}
		}
		for name := range defFields {
			if !bound[strings.ToLower(name)] {
				t.Errorf("%s: exported field %s of %T is no parameter's", k.Name, name, def)
			}
		}
	}
}

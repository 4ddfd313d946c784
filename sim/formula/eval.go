package formula

import (
	"math"

	"curvlab/sim/pmath"
)

// Value returns the formula's value at (x, y).
func (f *Formula) Value(x, y float64) float64 {
	v := f.vals
	for i, in := range f.code {
		switch in.op {
		case opX:
			v[i] = x
		case opY:
			v[i] = y
		case opConst:
			v[i] = in.c
		case opParam:
			v[i] = f.params[in.a]
		default:
			var b float64
			if arity(in.op) == 2 {
				b = v[in.b]
			}
			v[i] = scalar(in, v[in.a], b)
		}
	}
	return v[f.out]
}

// Row sets dst[i] to the formula's value at (xs[i], y), one instruction at
// a time over the whole row: the cost of interpreting the tape is paid
// once a row, not once a point (a heatmap's grid is computed this way).
// dst and xs have the same length.
func (f *Formula) Row(dst, xs []float64, y float64) {
	n := len(xs)
	if n == 0 {
		return
	}
	if len(f.rows) < n*len(f.code) {
		f.rows = make([]float64, n*len(f.code))
	}
	reg := func(r int32) []float64 { return f.rows[int(r)*n : int(r+1)*n] }
	for i, in := range f.code {
		out := reg(int32(i))
		switch in.op {
		case opX:
			copy(out, xs)
		case opY:
			for k := range out {
				out[k] = y
			}
		case opConst, opParam:
			c := in.c
			if in.op == opParam {
				c = f.params[in.a]
			}
			for k := range out {
				out[k] = c
			}
		case opAdd:
			a, b := reg(in.a), reg(in.b)
			for k := range out {
				out[k] = a[k] + b[k]
			}
		case opSub:
			a, b := reg(in.a), reg(in.b)
			for k := range out {
				out[k] = a[k] - b[k]
			}
		case opMul:
			a, b := reg(in.a), reg(in.b)
			for k := range out {
				out[k] = a[k] * b[k]
			}
		case opDiv:
			a, b := reg(in.a), reg(in.b)
			for k := range out {
				out[k] = a[k] / b[k]
			}
		case opSq:
			a := reg(in.a)
			for k := range out {
				out[k] = a[k] * a[k]
			}
		case opNeg:
			a := reg(in.a)
			for k := range out {
				out[k] = -a[k]
			}
		default:
			a := reg(in.a)
			var b []float64
			if arity(in.op) == 2 {
				b = reg(in.b)
			}
			for k := range out {
				var bk float64
				if b != nil {
					bk = b[k]
				}
				out[k] = scalar(in, a[k], bk)
			}
		}
	}
	copy(dst, reg(f.out))
}

// jet is a value with its first and second partial derivatives in x and y.
type jet struct {
	v, dx, dy, xx, xy, yy float64
}

// Derivs returns the formula's value at (x, y), its gradient (fx, fy) and
// its Hessian's entries (fxx, fxy, fyy), exact but for rounding.
func (f *Formula) Derivs(x, y float64) (v float64, g [2]float64, h [3]float64) {
	j := f.jets
	for i, in := range f.code {
		switch in.op {
		case opX:
			j[i] = jet{v: x, dx: 1}
		case opY:
			j[i] = jet{v: y, dy: 1}
		case opConst:
			j[i] = jet{v: in.c}
		case opParam:
			j[i] = jet{v: f.params[in.a]}
		case opAdd:
			a, b := &j[in.a], &j[in.b]
			j[i] = jet{a.v + b.v, a.dx + b.dx, a.dy + b.dy, a.xx + b.xx, a.xy + b.xy, a.yy + b.yy}
		case opSub:
			a, b := &j[in.a], &j[in.b]
			j[i] = jet{a.v - b.v, a.dx - b.dx, a.dy - b.dy, a.xx - b.xx, a.xy - b.xy, a.yy - b.yy}
		case opNeg:
			a := &j[in.a]
			j[i] = jet{-a.v, -a.dx, -a.dy, -a.xx, -a.xy, -a.yy}
		case opMul:
			j[i] = product(&j[in.a], &j[in.b])
		case opDiv:
			j[i] = quotient(&j[in.a], &j[in.b])
		case opMin, opMax:
			a, b := &j[in.a], &j[in.b]
			// The value is math.Min's or math.Max's, as Value's: min(0, −0)
			// is −0, and an infinity of the right sign wins over a NaN
			// (max(+Inf, NaN) = +Inf); the derivatives are those of the
			// argument that gives it, the first at a tie.
			v := scalar(in, a.v, b.v)
			pick := a
			if math.IsNaN(a.v) || in.op == opMin && b.v < a.v || in.op == opMax && b.v > a.v {
				pick = b
			}
			j[i] = *pick
			j[i].v = v
			if math.IsNaN(v) {
				j[i] = jet{v: math.NaN(), dx: math.NaN(), dy: math.NaN(), xx: math.NaN(), xy: math.NaN(), yy: math.NaN()}
			}
		default:
			a := &j[in.a]
			v := scalar(in, a.v, 0)
			f1, f2 := slopes(in, a.v, v)
			j[i] = chain(a, v, f1, f2)
		}
	}
	r := &j[f.out]
	return r.v, [2]float64{r.dx, r.dy}, [3]float64{r.xx, r.xy, r.yy}
}

// product is a·b by the product rule: (ab)' = a'b + ab',
// (ab)” = a”b + 2a'b' + ab”.
func product(a, b *jet) jet {
	return jet{
		v:  a.v * b.v,
		dx: a.dx*b.v + a.v*b.dx,
		dy: a.dy*b.v + a.v*b.dy,
		xx: a.xx*b.v + 2*a.dx*b.dx + a.v*b.xx,
		xy: a.xy*b.v + a.dx*b.dy + a.dy*b.dx + a.v*b.xy,
		yy: a.yy*b.v + 2*a.dy*b.dy + a.v*b.yy,
	}
}

// quotient is q = a/b, its derivatives from a = q·b differentiated:
// q' = (a' − q b')/b, q” = (a” − 2q'b' − q b”)/b.
func quotient(a, b *jet) jet {
	q := jet{v: a.v / b.v}
	q.dx = (a.dx - q.v*b.dx) / b.v
	q.dy = (a.dy - q.v*b.dy) / b.v
	q.xx = (a.xx - 2*q.dx*b.dx - q.v*b.xx) / b.v
	q.xy = (a.xy - q.dx*b.dy - q.dy*b.dx - q.v*b.xy) / b.v
	q.yy = (a.yy - 2*q.dy*b.dy - q.v*b.yy) / b.v
	return q
}

// chain is φ(u) for φ with φ(u) = v, φ'(u) = f1, φ”(u) = f2:
// (φ∘u)' = φ'u', (φ∘u)” = φ”u'u' + φ'u”. A term whose inner
// derivative is 0 is 0 even where φ' or φ” is infinite (sqrt at 0 of a
// function of y alone has ∂/∂x = 0, not 0·∞).
func chain(u *jet, v, f1, f2 float64) jet {
	return jet{
		v:  v,
		dx: times(f1, u.dx),
		dy: times(f1, u.dy),
		xx: times(f2, u.dx*u.dx) + times(f1, u.xx),
		xy: times(f2, u.dx*u.dy) + times(f1, u.xy),
		yy: times(f2, u.dy*u.dy) + times(f1, u.yy),
	}
}

// times is f·d, and 0 when d is 0.
func times(f, d float64) float64 {
	if d == 0 {
		return 0
	}
	return f * d
}

// slopes returns φ'(u) and φ”(u) of the function of one argument of in,
// given u and v = φ(u).
func slopes(in instr, u, v float64) (f1, f2 float64) {
	switch in.op {
	case opSq:
		return 2 * u, 2
	case opPowConst:
		c := in.c
		return c * pmath.Pow(u, c-1), c * (c - 1) * pmath.Pow(u, c-2)
	case opSin:
		return math.Cos(u), -v
	case opCos:
		return -math.Sin(u), -v
	case opTan:
		s := 1 + v*v
		return s, 2 * v * s
	case opAsin, opAcos:
		d := 1 - u*u
		r := math.Sqrt(d)
		f1, f2 = 1/r, u/(d*r)
		if in.op == opAcos {
			return -f1, -f2
		}
		return f1, f2
	case opAtan:
		d := 1 + u*u
		return 1 / d, -2 * u / (d * d)
	case opSinh:
		return pmath.Cosh(u), v
	case opCosh:
		return pmath.Sinh(u), v
	case opTanh:
		s := 1 - v*v
		return s, -2 * v * s
	case opExp:
		return v, v
	case opLog:
		return 1 / u, -1 / (u * u)
	case opSqrt:
		return 0.5 / v, -0.25 / (v * u)
	case opAbs:
		switch {
		case u > 0:
			return 1, 0
		case u < 0:
			return -1, 0
		case u == 0:
			return 0, 0
		}
		return math.NaN(), math.NaN()
	}
	return math.NaN(), math.NaN()
}

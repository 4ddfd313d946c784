package formula

import (
	"fmt"
	"math"

	"curvlab/sim/pmath"
)

// op is an instruction of the tape (or, for opPow, of a parsed formula
// only: it compiles to one of the power instructions).
type op uint8

const (
	opConst op = iota // the number c
	opX
	opY
	opParam // parameter number a of the formula (Params)
	opAdd
	opSub
	opMul
	opDiv
	opNeg
	opPow      // parsed u^w; not on a tape
	opSq       // u·u (u^2)
	opPowConst // u^c for a constant c
	opSin
	opCos
	opTan
	opAsin
	opAcos
	opAtan
	opSinh
	opCosh
	opTanh
	opExp
	opLog
	opSqrt
	opAbs
	opMin
	opMax
)

// instr is one instruction: its result is the register of its own index
// on the tape; a and b are the registers of its arguments.
type instr struct {
	op   op
	a, b int32
	c    float64
}

// Formula is a compiled formula: its tape and the workspaces evaluating it.
type Formula struct {
	src    string
	params [len(Params)]float64 // their values (SetParam), 1 until set
	uses   [len(Params)]bool
	code   []instr
	out    int32     // the register of the formula's value
	vals   []float64 // Value's registers
	jets   []jet     // Derivs' registers
	rows   []float64 // Row's registers, a row of points each
}

// Compile parses src and compiles it to a tape. A formula that is not
// valid, or is over a limit, gives an *Error.
func Compile(src string) (*Formula, error) {
	n, err := parse(src)
	if err != nil {
		return nil, err
	}
	c := compiler{seen: map[instrKey]int32{}}
	out, err := c.emit(n)
	if err != nil {
		return nil, err
	}
	f := &Formula{src: src, code: c.code, out: out, vals: make([]float64, len(c.code)), jets: make([]jet, len(c.code))}
	for i := range f.params {
		f.params[i] = 1
	}
	for _, in := range c.code {
		if in.op == opParam {
			f.uses[in.a] = true
		}
	}
	return f, nil
}

// Params are the names of a formula's parameters: numbers it uses like
// constants, whose values are set apart from the formula (SetParam), so
// that a slider can change them. Each is 1 until set.
var Params = [...]string{"a", "b", "c", "d"}

// SetParam sets the value of parameter i (of Params).
func (f *Formula) SetParam(i int, v float64) { f.params[i] = v }

// Uses reports whether the formula uses parameter i (of Params).
func (f *Formula) Uses(i int) bool { return f.uses[i] }

// String returns the formula as it was typed.
func (f *Formula) String() string { return f.src }

// Len is the number of instructions of the tape.
func (f *Formula) Len() int { return len(f.code) }

// instrKey identifies an instruction for merging repeated ones (its
// constant by its bits, so that 0 and −0 stay apart).
type instrKey struct {
	op   op
	a, b int32
	c    uint64
}

type compiler struct {
	code []instr
	seen map[instrKey]int32
}

// add appends in to the tape, or returns the register of an identical
// instruction already on it. An instruction whose arguments are all
// constants is folded into its value, which must be finite.
func (c *compiler) add(in instr, col int) (int32, error) {
	if arity(in.op) > 0 && c.isConst(in.a) && (arity(in.op) < 2 || c.isConst(in.b)) {
		v := scalar(in, c.code[in.a].c, c.argB(in))
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return 0, &Error{col, fmt.Sprintf("this part of the formula is the constant %v", v)}
		}
		in = instr{op: opConst, c: v}
	}
	if in.op == opConst || in.op == opX || in.op == opY {
		in.a, in.b = 0, 0
	}
	key := instrKey{in.op, in.a, in.b, math.Float64bits(in.c)}
	if r, ok := c.seen[key]; ok {
		return r, nil
	}
	if len(c.code) >= MaxTape {
		return 0, &Error{0, fmt.Sprintf("the formula is too long: it needs more than %d steps to compute", MaxTape)}
	}
	c.code = append(c.code, in)
	r := int32(len(c.code) - 1)
	c.seen[key] = r
	return r, nil
}

func (c *compiler) isConst(r int32) bool { return c.code[r].op == opConst }

// argB is the value of in's second argument when it has one.
func (c *compiler) argB(in instr) float64 {
	if arity(in.op) < 2 {
		return 0
	}
	return c.code[in.b].c
}

// arity is the number of register arguments of an instruction.
func arity(o op) int {
	switch o {
	case opConst, opX, opY, opParam:
		return 0
	case opAdd, opSub, opMul, opDiv, opMin, opMax:
		return 2
	}
	return 1
}

// emit compiles n and returns its register.
func (c *compiler) emit(n *node) (int32, error) {
	switch n.op {
	case opConst, opX, opY:
		return c.add(instr{op: n.op, c: n.num}, n.col)
	case opParam:
		return c.add(instr{op: opParam, a: n.param}, n.col)
	case opPow:
		return c.power(n)
	}
	var regs [2]int32
	for i, a := range n.args {
		r, err := c.emit(a)
		if err != nil {
			return 0, err
		}
		regs[i] = r
	}
	return c.add(instr{op: n.op, a: regs[0], b: regs[1]}, n.col)
}

// power compiles u^w: with a constant exponent u·u for 2, u for 1, 1 for
// 0, sqrt u for ½ (as math.Pow does), u^c otherwise; with an exponent
// that varies, exp(w·log u).
func (c *compiler) power(n *node) (int32, error) {
	u, err := c.emit(n.args[0])
	if err != nil {
		return 0, err
	}
	w, err := c.emit(n.args[1])
	if err != nil {
		return 0, err
	}
	if !c.isConst(w) {
		l, err := c.add(instr{op: opLog, a: u}, n.col)
		if err != nil {
			return 0, err
		}
		m, err := c.add(instr{op: opMul, a: w, b: l}, n.col)
		if err != nil {
			return 0, err
		}
		return c.add(instr{op: opExp, a: m}, n.col)
	}
	switch e := c.code[w].c; e {
	case 2:
		return c.add(instr{op: opSq, a: u}, n.col)
	case 1:
		return u, nil
	case 0:
		return c.add(instr{op: opConst, c: 1}, n.col)
	case 0.5:
		return c.add(instr{op: opSqrt, a: u}, n.col)
	default:
		return c.add(instr{op: opPowConst, a: u, c: e}, n.col)
	}
}

// scalar is instruction in applied to the values a and b of its
// arguments (b unused by functions of one argument).
func scalar(in instr, a, b float64) float64 {
	switch in.op {
	case opConst:
		return in.c
	case opAdd:
		return a + b
	case opSub:
		return a - b
	case opMul:
		return a * b
	case opDiv:
		return a / b
	case opNeg:
		return -a
	case opSq:
		return a * a
	case opPowConst:
		return pmath.Pow(a, in.c)
	case opSin:
		return math.Sin(a)
	case opCos:
		return math.Cos(a)
	case opTan:
		return math.Tan(a)
	case opAsin:
		return math.Asin(a)
	case opAcos:
		return math.Acos(a)
	case opAtan:
		return math.Atan(a)
	case opSinh:
		return pmath.Sinh(a)
	case opCosh:
		return pmath.Cosh(a)
	case opTanh:
		return pmath.Tanh(a)
	case opExp:
		return pmath.Exp(a)
	case opLog:
		return pmath.Log(a)
	case opSqrt:
		return math.Sqrt(a)
	case opAbs:
		return math.Abs(a)
	case opMin:
		return math.Min(a, b)
	case opMax:
		return math.Max(a, b)
	}
	return math.NaN() // opX, opY and opPow are not evaluated here
}

// Package formula compiles a function of x and y that a user types, such
// as "(1 - x)^2 + 100*(y - x^2)^2", once into a tape of instructions, and
// evaluates it with its exact gradient and Hessian by second-order
// forward-mode automatic differentiation: every instruction carries its
// value and its first and second partial derivatives (a "jet": f, fx, fy,
// fxx, fxy, fyy), combined by the chain and product rules. No finite
// differences anywhere.
//
// # Grammar
//
//	sum     = product { ("+" | "-") product }
//	product = unary { ("*" | "/") unary }
//	unary   = ("-" | "+") unary | power
//	power   = atom [ "^" unary ]          (right-associative: 2^3^2 = 2^9)
//	atom    = number | name | name "(" sum { "," sum } ")" | "(" sum ")"
//
// So -x^2 is −(x²) and 2^-x is 2^(−x). Numbers are decimal: 3, 0.5, .5,
// 1e-3, 2.5E+4. Names: x, y, pi, e, and the parameters a, b, c, d
// (numbers set apart from the formula, 1 until set: see Params); functions of one argument sin, cos,
// tan, asin, acos, atan, sinh, cosh, tanh, exp, log (natural), sqrt, abs;
// of two, min and max. Spaces and tabs are ignored. Multiplication is
// never implied: "2x" and "x y" are errors that say to write 2*x and x*y.
//
// # Limits
//
// A formula is at most MaxLength bytes long, nests parentheses and
// operators at most MaxDepth deep, and compiles to at most MaxTape
// instructions (after constant folding and merging repeated
// subexpressions). Anything else — an unknown name, a control character,
// a number that overflows (1e999), an empty formula — is an *Error that
// says what is wrong and at which column (counted in characters from 1).
//
// # Where a value or a derivative does not exist
//
// Evaluation follows IEEE arithmetic: log of a negative number, sqrt of a
// negative number, asin(2) are NaN; 1/0 and exp(1000) are ±Inf. Callers
// treat a non-finite value or gradient as the end of a run (package sim
// reports it as diverged) and draw nothing for it. At points where the
// function is not differentiable the derivatives are those of one side,
// documented per function: abs'(0) = 0; min and max follow their first
// argument at a tie; sqrt'(0) = +Inf (so ∇f is not finite there, unless
// the argument's own derivative is 0 in that direction: a zero inner
// derivative makes the term 0, never 0·Inf = NaN). u^c for a constant c
// is defined for every u where c is an integer, for u ≥ 0 otherwise; u^w
// with w depending on x or y is exp(w·log u), defined for u > 0.
//
// # Determinism
//
// exp, log, sinh, cosh, tanh and non-integer powers are package pmath's,
// built from operations that give the same bits natively and as
// WebAssembly, so that a formula's runs are the same in the browser and
// on the desktop.
//
// A Formula holds its workspace: it is not safe for concurrent use (as
// the objectives of package sim are not); Compile another for another
// goroutine.
package formula

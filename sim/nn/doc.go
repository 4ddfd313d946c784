// Package nn is tiny neural networks with exact curvature: multilayer
// perceptrons with 2 inputs, 1 to 3 hidden layers of 1 to 8 units and one
// output, trained on small two-class data sets in the plane, whose training
// loss has an exact gradient, an exact Hessian and exact Hessian-vector
// products. An *MLP satisfies curvlab/sim's Objective structurally (this
// package does not import sim; it shares sim's linear algebra, package la).
//
// # Parameter layout
//
// The parameter vector x holds the layers in order from the input: for each
// layer with fan-in a and fan-out b, first its weights W (b×a, row-major:
// W[i,k], the weight from input k to unit i, is at offset i·a + k), then its
// b biases. A 2-8-8-1 network has 24 + 72 + 9 = 105 parameters.
//
// # Losses
//
// The output unit is linear: z = wᵀa + b. The training loss is the mean over
// the N points of the data set,
//
//	L(x) = (1/N) Σᵢ ℓ(zᵢ, yᵢ)
//
// with ℓ = ½(z − y)² for MSE, and for CrossEntropy the binary cross-entropy
// of p = σ(z), ℓ = −y·log p − (1 − y)·log(1 − p) = max(z, 0) − y·z +
// log(1 + e^(−|z|)), computed from the logit z so that it never overflows.
//
// # Derivatives
//
// Grad is backpropagation. HessVec is Pearlmutter's R-operator, forward
// over reverse (B. A. Pearlmutter, "Fast exact multiplication by the
// Hessian", Neural Computation 6(1):147–160, 1994). Hess assembles the
// matrix block by block from per-point second derivatives with respect to
// the pre-activations (see hess.go) and is exactly symmetric. ReLU is
// treated as piecewise linear: φ′(0) = 0, φ″ = 0.
//
// Sharpness finds λ_max of the Hessian with the Lanczos method (C. Lanczos,
// "An iteration method for the solution of the eigenvalue problem of linear
// differential and integral operators", J. Res. Nat. Bur. Standards 45,
// 1950; Golub & Van Loan, Matrix Computations, 4th ed., §10.1) on HessVec,
// with full reorthogonalization, warm-started from the previous top
// eigenvector. Spectrum gives every eigenvalue of a dense symmetric matrix
// (la.EigSym: Householder tridiagonalization and implicit QR with Wilkinson
// shifts, Golub & Van Loan §8.3); Trace and MLP.HessTrace give the trace.
//
// # Data and initialization
//
// Generate makes the data sets circle, xor, gaussians and spiral with a
// fixed test split; Init draws Glorot-uniform weights (X. Glorot and
// Y. Bengio, "Understanding the difficulty of training deep feedforward
// neural networks", AISTATS 2010) and zero biases. Both are deterministic
// for a seed. The test loss is the Func of a second MLP over the test split.
//
// Nothing allocates after construction: Func, Grad, Hess, HessVec, HessDiag,
// HessTrace, Output, Accuracy and Sharpness.Top (after its first call) reuse
// preallocated workspace, so an MLP or a Sharpness serves one goroutine.
//
// Cost, for a 2-8-8-1 network on 200 points on one core (see bench_test.go):
// a gradient about 0.07 ms, a Hessian-vector product 0.1 ms, the full
// 105×105 Hessian about 1.3 ms, a warm-started Sharpness.Top under 1 ms.
package nn

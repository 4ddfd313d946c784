package nn

// The exact Hessian, assembled block by block.
//
// Per point, ∇²ℓ = ℓ″·∇z∇zᵀ + ℓ′·∇²z. Write s_l for the pre-activations of
// layer l, a_l for its input (a_0 the point; a_l = φ(s_{l−1})), â_l for a_l
// with a 1 appended (the bias), e_l = ∂z/∂s_l, Z_l = ∂²z/∂s_l² and
// T_{l,m} = ∂s_l/∂s_m (m ≤ l, T_{m,m} = I). Parameter q = (i′, k′) of
// layer l′ (row i′ of W_{l′} or its bias) and p = (i, k) of layer l ≤ l′
// have ∂z/∂q = e_{l′}[i′]·â_{l′}[k′] and
//
//	∂²z/∂q∂p = â_{l′}[k′]·â_l[k]·(Z_{l′}T_{l′,l})[i′,i]
//	         + [l′ > l]·e_{l′}[i′]·φ′(s_{l′−1})[k′]·T_{l′−1,l}[k′,i]·â_l[k]
//
// (the second term only for a weight k′, not a bias): the first term is how
// e_{l′} moves when p moves s_{l′}, the second how the input a_{l′} of the
// weight q moves. So the block (l′, l) of ∇²ℓ is, entry by entry,
//
//	â_{l′}[k′]·â_l[k]·G[i′,i] + ℓ′·e_{l′}[i′]·φ′(s_{l′−1})[k′]·T_{l′−1,l}[k′,i]·â_l[k],
//	G = ℓ′·Z_{l′}T_{l′,l} + ℓ″·e_{l′}e_lᵀ,
//
// with the recursions (s_{l+1} = W_{l+1}φ(s_l) + b_{l+1}, z = s_out)
//
//	e_out = 1,  e_l = φ′(s_l) ⊙ W_{l+1}ᵀe_{l+1}
//	Z_out = 0,  Z_l = D_l W_{l+1}ᵀ Z_{l+1} W_{l+1} D_l + diag(φ″(s_l) ⊙ W_{l+1}ᵀe_{l+1}),  D_l = diag(φ′(s_l))
//	T_{l,m} = W_l D_{l−1} T_{l−1,m}
//
// Per point this costs one pass over the lower triangle's blocks (about n²/2
// multiply–adds for n parameters) plus small products of width×width
// matrices, against n Hessian-vector products for a column-by-column
// assembly.

// curvPoint computes e (in d), u, Z and T for the point last forwarded.
func (m *MLP) curvPoint(x []float64) {
	last := m.nl - 1
	m.d[last][0] = 1
	for l := last; l > 0; l-- {
		m.backDelta(x, l)
	}
	m.zz[last][0] = 0
	for l := last - 1; l >= 0; l-- {
		ly := &m.lay[l+1] // W_{l+1}: no × ni, ni = width of layer l
		no, ni := ly.out, ly.in
		w := x[ly.off:ly.bias()]
		zl, dp, dpp, u := m.zz[l], m.dp[l], m.dpp[l], m.u[l]
		if l+1 == last { // Z_out = 0
			clear(zl)
			for j := 0; j < ni; j++ {
				zl[j*ni+j] = dpp[j] * u[j]
			}
			continue
		}
		zn, pw := m.zz[l+1], m.pblk[:no*ni]
		for i := 0; i < no; i++ { // P = Z_{l+1}·W_{l+1}
			for k := 0; k < ni; k++ {
				var v float64
				for j := 0; j < no; j++ {
					v += zn[i*no+j] * w[j*ni+k]
				}
				pw[i*ni+k] = v
			}
		}
		for j := 0; j < ni; j++ { // Z_l = D·Wᵀ·P·D + diag(φ″ ⊙ u), lower triangle mirrored
			for k := 0; k <= j; k++ {
				var v float64
				for i := 0; i < no; i++ {
					v += w[i*ni+j] * pw[i*ni+k]
				}
				v *= dp[j] * dp[k]
				if j == k {
					v += dpp[j] * u[j]
				}
				zl[j*ni+k], zl[k*ni+j] = v, v
			}
		}
	}
	for l := 1; l <= last; l++ {
		ly := &m.lay[l]
		no, ni := ly.out, ly.in
		w, dp := x[ly.off:ly.bias()], m.dp[l-1]
		for mm := 0; mm < l; mm++ {
			t := m.tt[l][mm]
			if mm == l-1 {
				for i := 0; i < no; i++ {
					for k := 0; k < ni; k++ {
						t[i*ni+k] = w[i*ni+k] * dp[k]
					}
				}
				continue
			}
			tp, wm := m.tt[l-1][mm], m.lay[mm].out
			for i := 0; i < no; i++ {
				for j := 0; j < wm; j++ {
					var v float64
					for k := 0; k < ni; k++ {
						v += w[i*ni+k] * dp[k] * tp[k*wm+j]
					}
					t[i*wm+j] = v
				}
			}
		}
	}
}

// hessChunk is the number of points whose blocks Hess adds together, so
// that each row of the Hessian is loaded once per chunk of points rather
// than once per point.
const hessChunk = 32

// chunkBuf holds, for each point of a chunk, what Hess needs of it. Every
// quantity is stored point-minor, element e of point k at e·hessChunk + k,
// so that sums over the points of a chunk run over contiguous memory.
type chunkBuf struct {
	act [maxLayers][]float64            // input of layer l (in numbers)
	e   [maxLayers][]float64            // e_l = ∂z/∂s_l (out numbers)
	g   [maxLayers][maxLayers][]float64 // G of block (lq, lp), out_q × out_p
	dt  [maxLayers][maxLayers][]float64 // ℓ′/N·φ′(s_{lq−1})[k′]·T_{lq−1,lp}[k′,i], lq > lp, in_q × out_p
	c   []float64                       // one row's coefficients, MaxWidth numbers
}

// newChunkBuf allocates the chunk buffers for the layers of m.
func (m *MLP) newChunkBuf() {
	cb := &m.cb
	for l := 0; l < m.nl; l++ {
		q := &m.lay[l]
		cb.act[l] = make([]float64, hessChunk*q.in)
		cb.e[l] = make([]float64, hessChunk*q.out)
		for lp := 0; lp <= l; lp++ {
			cb.g[l][lp] = make([]float64, hessChunk*q.out*m.lay[lp].out)
			cb.dt[l][lp] = make([]float64, hessChunk*q.in*m.lay[lp].out)
		}
	}
	cb.c = make([]float64, hessChunk*MaxWidth)
}

// scatter stores src in dst point-minor as point k.
func scatter(dst, src []float64, k int) {
	for e, v := range src {
		dst[e*hessChunk+k] = v
	}
}

// Hess stores the exact Hessian ∇²L(x) in hess (n×n row-major):
//
//	∇²L = (1/N) Σ_points ℓ″·∇z∇zᵀ + ℓ′·∇²z,
//
// with ∇²z assembled block by block, for each pair of layers, from the
// second derivatives of the output with respect to the pre-activations (the
// derivation is at the top of hess.go). Points are taken in chunks of
// hessChunk, so that each row of the matrix is loaded once per chunk. Only
// the lower triangle is computed; the upper one is its copy, so hess is
// exactly symmetric. For ReLU the formulas use φ′(0) = 0 and φ″ = 0: the
// Hessian of the smooth piece the point lies in.
func (m *MLP) Hess(hess, x []float64) {
	n := m.n
	hess = hess[:n*n]
	clear(hess)
	cb := &m.cb
	pts, c := m.points()
	for start := 0; start < len(pts); start += hessChunk {
		np := min(hessChunk, len(pts)-start)
		for k := 0; k < np; k++ {
			c1, c2 := m.point(x, pts[start+k])
			m.curvPoint(x)
			for l := 0; l < m.nl; l++ {
				scatter(cb.act[l], m.act[l], k)
				scatter(cb.e[l], m.d[l], k)
				for lp := 0; lp <= l; lp++ {
					m.blockCoef(l, lp, k, c1, c2)
				}
			}
		}
		for lq := 0; lq < m.nl; lq++ {
			for lp := 0; lp <= lq; lp++ {
				m.addBlock(hess, lq, lp, np)
			}
		}
	}
	scale(hess, c)
	for r := 0; r < n; r++ {
		for c := r + 1; c < n; c++ {
			hess[r*n+c] = hess[c*n+r]
		}
	}
}

// blockCoef stores G and the cross term of block (lq, lp), lp ≤ lq, for
// the point last passed to curvPoint in slot k of the chunk, with
// c1 = ℓ′/N and c2 = ℓ″/N.
func (m *MLP) blockCoef(lq, lp, k int, c1, c2 float64) {
	q := &m.lay[lq]
	qo, po := q.out, m.lay[lp].out
	eq, ep := m.d[lq], m.d[lp]
	g := m.pblk[:qo*po]
	for i := 0; i < qo; i++ {
		for j := 0; j < po; j++ {
			g[i*po+j] = c2 * eq[i] * ep[j]
		}
	}
	if lq < m.nl-1 { // + c1·Z_lq·T_lq,lp; Z_out = 0
		zq := m.zz[lq]
		if lq == lp {
			for i := range g {
				g[i] += c1 * zq[i]
			}
		} else {
			t := m.tt[lq][lp]
			for i := 0; i < qo; i++ {
				for j := 0; j < po; j++ {
					var v float64
					for k := 0; k < qo; k++ {
						v += zq[i*qo+k] * t[k*po+j]
					}
					g[i*po+j] += c1 * v
				}
			}
		}
	}
	scatter(m.cb.g[lq][lp], g, k)
	if lq == lp {
		return
	}
	dt := m.pblk[:q.in*po]
	dp := m.dp[lq-1]
	if lq-1 == lp { // T = I
		clear(dt)
		for k := 0; k < q.in; k++ {
			dt[k*po+k] = c1 * dp[k]
		}
	} else {
		t := m.tt[lq-1][lp]
		for k := 0; k < q.in; k++ {
			for j := 0; j < po; j++ {
				dt[k*po+j] = c1 * dp[k] * t[k*po+j]
			}
		}
	}
	scatter(m.cb.dt[lq][lp], dt, k)
}

// addBlock adds block (lq, lp), lp ≤ lq, of ∇²ℓ/N for the first np points
// of the chunk to the rows of layer lq and the columns of layer lp, below
// the diagonal. For row (i, kq) it forms the coefficients
// C[j] = â_lq[kq]·G[i,j] + e_lq[i]·dt[kq,j] of every point, then adds to
// column (j, k) the sum over the points of C[j]·â_lp[k].
func (m *MLP) addBlock(hess []float64, lq, lp, np int) {
	q, p := &m.lay[lq], &m.lay[lp]
	qo, qi, po, pin := q.out, q.in, p.out, p.in
	const H = hessChunk
	cb := &m.cb
	gs, ds, eqs, aqs, aps := cb.g[lq][lp], cb.dt[lq][lp], cb.e[lq], cb.act[lq], cb.act[lp]
	for i := 0; i < qo; i++ {
		for kq := 0; kq <= qi; kq++ {
			for j := 0; j < po; j++ {
				c, g := cb.c[j*H:j*H+np], gs[(i*po+j)*H:(i*po+j)*H+np]
				if kq == qi { // bias row
					copy(c, g)
					continue
				}
				a := aqs[kq*H : kq*H+np]
				for k := range c {
					c[k] = a[k] * g[k]
				}
				// dt is diagonal (T = I) when lp = lq − 1.
				if lq > lp && (lq-1 > lp || j == kq) {
					e, d := eqs[i*H:i*H+np], ds[(kq*po+j)*H:(kq*po+j)*H+np]
					for k := range c {
						c[k] += e[k] * d[k]
					}
				}
			}
			// Only the lower triangle: in a diagonal block, weight row (i, kq)
			// reaches the weights of the units before i and of unit i up to
			// kq; bias row i every weight and the biases up to i.
			r, wcols, bcols := q.off+i*qi+kq, po*pin, po
			if kq == qi {
				r = q.bias() + i
			}
			if lq == lp {
				if kq < qi {
					wcols, bcols = i*pin+kq+1, 0
				} else {
					bcols = i + 1
				}
			}
			row := hess[r*m.n : (r+1)*m.n]
			w := row[p.off : p.off+wcols]
			for col := range w {
				j, k := col/pin, col%pin
				w[col] += dot(cb.c[j*H:j*H+np], aps[k*H:k*H+np])
			}
			b := row[p.bias() : p.bias()+bcols]
			for j := range b {
				b[j] += sum(cb.c[j*H : j*H+np])
			}
		}
	}
}

// dot returns aᵀb (len(b) ≥ len(a)), with four partial sums.
func dot(a, b []float64) float64 {
	b = b[:len(a)]
	var s0, s1, s2, s3 float64
	i := 0
	for ; i+4 <= len(a); i += 4 {
		a4, b4 := a[i:i+4:i+4], b[i:i+4:i+4]
		s0 += a4[0] * b4[0]
		s1 += a4[1] * b4[1]
		s2 += a4[2] * b4[2]
		s3 += a4[3] * b4[3]
	}
	for ; i < len(a); i++ {
		s0 += a[i] * b[i]
	}
	return (s0 + s1) + (s2 + s3)
}

// sum returns the sum of a.
func sum(a []float64) float64 {
	var s float64
	for _, v := range a {
		s += v
	}
	return s
}

// HessDiag stores the diagonal of ∇²L(x) in diag (length n): for parameter
// (i, k) of layer l, (1/N) Σ_points â_l[k]²·(ℓ′·Z_l[i,i] + ℓ″·e_l[i]²), in the
// notation above, without forming the matrix.
func (m *MLP) HessDiag(diag, x []float64) {
	diag = diag[:m.n]
	clear(diag)
	for pt := range m.py {
		c1, c2 := m.point(x, pt)
		m.curvPoint(x)
		for l := 0; l < m.nl; l++ {
			ly := &m.lay[l]
			e, zl, a := m.d[l], m.zz[l], m.act[l]
			for i := 0; i < ly.out; i++ {
				c := c2 * e[i] * e[i]
				if l < m.nl-1 {
					c += c1 * zl[i*ly.out+i]
				}
				for k, ak := range a {
					diag[ly.off+i*ly.in+k] += c * ak * ak
				}
				diag[ly.bias()+i] += c
			}
		}
	}
}

// HessTrace returns the trace of ∇²L(x), the sum of HessDiag, without
// forming the matrix.
func (m *MLP) HessTrace(x []float64) float64 {
	m.HessDiag(m.diag, x)
	var tr float64
	for _, v := range m.diag {
		tr += v
	}
	return tr
}

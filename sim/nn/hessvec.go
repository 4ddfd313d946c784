package nn

// fwdCache keeps the forward pass at one parameter vector for every point,
// so that repeated Hessian-vector products at the same x (as in a Lanczos
// run) skip it.
type fwdCache struct {
	key     []float64            // the x of the cached pass
	valid   bool                 // whether key and the rest hold a pass
	act     [maxLayers][]float64 // input of layer l ≥ 1, in numbers a point
	dp, dpp [maxLayers][]float64 // φ′, φ″ at the hidden layers, out numbers a point
	c1, c2  []float64            // ℓ′/N and ℓ″/N a point
}

// newFwdCache allocates the cache for the layers and points of m.
func (m *MLP) newFwdCache() {
	fc, np := &m.fc, len(m.py)
	fc.key = make([]float64, m.n)
	fc.c1, fc.c2 = make([]float64, np), make([]float64, np)
	for l := 0; l < m.nl; l++ {
		if l > 0 {
			fc.act[l] = make([]float64, np*m.lay[l].in)
		}
		if l < m.nl-1 {
			fc.dp[l], fc.dpp[l] = make([]float64, np*m.lay[l].out), make([]float64, np*m.lay[l].out)
		}
	}
}

// fillCache makes the cache hold the forward pass at x.
func (m *MLP) fillCache(x []float64) {
	fc := &m.fc
	if fc.valid {
		same := true
		for i, v := range fc.key {
			if x[i] != v {
				same = false
				break
			}
		}
		if same {
			return
		}
	}
	for i := range m.py {
		fc.c1[i], fc.c2[i] = m.point(x, i)
		for l := 0; l < m.nl; l++ {
			ly := &m.lay[l]
			if l > 0 {
				copy(fc.act[l][i*ly.in:], m.act[l])
			}
			if l < m.nl-1 {
				copy(fc.dp[l][i*ly.out:], m.dp[l])
				copy(fc.dpp[l][i*ly.out:], m.dpp[l])
			}
		}
	}
	copy(fc.key, x)
	fc.valid = true
}

// HessVec stores ∇²L(x)·v in hv, exactly, by Pearlmutter's R-operator
// (B. A. Pearlmutter, "Fast exact multiplication by the Hessian", Neural
// Computation 6(1):147–160, 1994): the directional derivative R{·} = d/dε|₀ of
// every quantity of the forward and backward passes at x + εv. With V, v_b
// the parts of v for the weights and biases of a layer and a its input,
//
//	forward:  R{s} = V·a + W·R{a} + v_b,  R{a₊} = φ′(s) ⊙ R{s}
//	output:   δ = ℓ′(z),  R{δ} = ℓ″(z)·R{z}
//	backward: R{δ₋} = φ″(s₋) ⊙ R{s₋} ⊙ Wᵀδ + φ′(s₋) ⊙ (Vᵀδ + WᵀR{δ})
//	result:   R{∂ℓ/∂W} = R{δ}·aᵀ + δ·R{a}ᵀ,  R{∂ℓ/∂b} = R{δ}
//
// averaged over the points: a forward-over-reverse pass that costs a few
// gradients. The forward pass itself is kept from the previous call when x
// has not changed. HessVec is independent of Hess, which assembles the
// matrix another way; the tests hold each against the other and against
// finite differences.
func (m *MLP) HessVec(hv, x, v []float64) {
	m.fillCache(x)
	fc := &m.fc
	hv = hv[:m.n]
	clear(hv)
	last := m.nl - 1
	for i := range m.py {
		// Forward tangents; the input point does not depend on x.
		for l := 0; l <= last; l++ {
			ly := &m.lay[l]
			in, ra, rs := ly.in, m.ract[l], m.rs[l]
			a := m.px[2*i : 2*i+2]
			if l > 0 {
				a = fc.act[l][i*in : (i+1)*in]
			}
			w := x[ly.off:ly.bias()]
			vw, vb := v[ly.off:ly.bias()], v[ly.bias():ly.bias()+ly.out]
			for j := range rs {
				r := vb[j]
				for k, ak := range a {
					r += vw[j*in+k] * ak
				}
				if l > 0 {
					for k, rk := range ra {
						r += w[j*in+k] * rk
					}
				}
				rs[j] = r
			}
			if l < last {
				next, dp := m.ract[l+1], fc.dp[l][i*ly.out:(i+1)*ly.out]
				for j, r := range rs {
					next[j] = dp[j] * r
				}
			}
		}
		m.d[last][0] = fc.c1[i]
		m.rd[last][0] = fc.c2[i] * m.rs[last][0]
		for l := last; l >= 0; l-- {
			ly := &m.lay[l]
			in, ra, d, rd := ly.in, m.ract[l], m.d[l], m.rd[l]
			hw, hb := hv[ly.off:ly.bias()], hv[ly.bias():ly.bias()+ly.out]
			if l == 0 {
				a := m.px[2*i : 2*i+2]
				for j, rdj := range rd {
					hw[j*in] += rdj * a[0]
					hw[j*in+1] += rdj * a[1]
					hb[j] += rdj
				}
				break
			}
			a := fc.act[l][i*in : (i+1)*in]
			for j := range d {
				dj, rdj := d[j], rd[j]
				row := hw[j*in : (j+1)*in]
				for k := range row {
					row[k] += rdj*a[k] + dj*ra[k]
				}
				hb[j] += rdj
			}
			w := x[ly.off:ly.bias()]
			vw := v[ly.off:ly.bias()]
			prev, rprev := m.d[l-1], m.rd[l-1]
			dp, dpp := fc.dp[l-1][i*in:(i+1)*in], fc.dpp[l-1][i*in:(i+1)*in]
			rs := m.rs[l-1]
			for k := range prev {
				var u, ru float64
				for j, dj := range d {
					u += w[j*in+k] * dj
					ru += vw[j*in+k]*dj + w[j*in+k]*rd[j]
				}
				prev[k] = dp[k] * u
				rprev[k] = dpp[k]*rs[k]*u + dp[k]*ru
			}
		}
	}
}

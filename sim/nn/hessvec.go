package nn

// HessVec stores ∇²L(x)·v in hv, exactly, by Pearlmutter's R-operator
// (B. A. Pearlmutter, "Fast exact multiplication by the Hessian", Neural
// Computation 6(1), 1994, §4): the directional derivative R{·} = d/dε|₀ of
// every quantity of the forward and backward passes at x + εv. With V, v_b
// the parts of v for the weights and biases of a layer and a its input,
//
//	forward:  R{s} = V·a + W·R{a} + v_b,  R{a₊} = φ′(s) ⊙ R{s}
//	output:   δ = ℓ′(z),  R{δ} = ℓ″(z)·R{z}
//	backward: R{δ₋} = φ″(s₋) ⊙ R{s₋} ⊙ Wᵀδ + φ′(s₋) ⊙ (Vᵀδ + WᵀR{δ})
//	result:   R{∂ℓ/∂W} = R{δ}·aᵀ + δ·R{a}ᵀ,  R{∂ℓ/∂b} = R{δ}
//
// averaged over the points: a forward-over-reverse pass that costs a few
// gradients. It is independent of Hess, which assembles the matrix another
// way; the tests hold each against the other and against finite differences.
func (m *MLP) HessVec(hv, x, v []float64) {
	hv = hv[:m.n]
	clear(hv)
	last := m.nl - 1
	for i := range m.py {
		c1, c2 := m.point(x, i)
		// Forward tangents; the input point does not depend on x.
		for l := 0; l <= last; l++ {
			ly := &m.lay[l]
			in, a, ra, rs := ly.in, m.act[l], m.ract[l], m.rs[l]
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
				next, dp := m.ract[l+1], m.dp[l]
				for j, r := range rs {
					next[j] = dp[j] * r
				}
			}
		}
		m.d[last][0] = c1
		m.rd[last][0] = c2 * m.rs[last][0]
		for l := last; l >= 0; l-- {
			ly := &m.lay[l]
			in, a, ra, d, rd := ly.in, m.act[l], m.ract[l], m.d[l], m.rd[l]
			hw, hb := hv[ly.off:ly.bias()], hv[ly.bias():ly.bias()+ly.out]
			for j := range d {
				dj, rdj := d[j], rd[j]
				row := hw[j*in : (j+1)*in]
				if l > 0 {
					for k := range row {
						row[k] += rdj*a[k] + dj*ra[k]
					}
				} else {
					for k := range row {
						row[k] += rdj * a[k]
					}
				}
				hb[j] += rdj
			}
			if l == 0 {
				break
			}
			w := x[ly.off:ly.bias()]
			vw := v[ly.off:ly.bias()]
			prev, rprev := m.d[l-1], m.rd[l-1]
			dp, dpp, rs := m.dp[l-1], m.dpp[l-1], m.rs[l-1]
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

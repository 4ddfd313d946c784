package sim_test

import (
	"testing"

	"curvlab/sim/internal/simtest"
	"curvlab/sim/scenario"
	"curvlab/sim/surfaces"
)

// randPoints returns k random points in the window, reproducibly.
func randPoints(w surfaces.Window, k int, seed uint64) [][]float64 {
	return simtest.RandPoints(w.XMin, w.XMax, w.YMin, w.YMax, k, seed)
}

// buildNet builds the network problem of a network and a dataset spec.
func buildNet(tb testing.TB, network, dataset string) *scenario.NetProblem {
	tb.Helper()
	var net scenario.Network
	if err := net.ParseNetwork(network); err != nil {
		tb.Fatal(err)
	}
	if err := net.ParseDataset(dataset); err != nil {
		tb.Fatal(err)
	}
	p, err := net.Build()
	if err != nil {
		tb.Fatal(err)
	}
	return p
}

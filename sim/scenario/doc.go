// Package scenario is what a link describes: a Scenario (a surface or a
// tiny network, a start, one method per panel, the budget and the view),
// its text form that is the app's URL fragment and the CLI's --scenario
// (Encode, Decode, Validate), the network scenarios' specs and built
// problems (Network, NetProblem, NetTracker), the presets, and the memory
// budget every valid link stays within (MemoryEstimate, Clamp).
//
// It imports sim, sim/surfaces and sim/nn; the app and the CLI import it.
package scenario

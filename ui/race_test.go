//go:build race

package ui

// raceOn is true in a test binary built with -race, whose instrumentation
// moves values to the heap that the normal build keeps on the stack.
const raceOn = true

//go:build race

package article

// raceEnabled is true under the race detector, which makes the 10 MiB hostile inputs too slow for
// every test run; they shrink to 1 MiB there.
const raceEnabled = true

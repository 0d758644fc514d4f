//go:build race

package server

// raceEnabled is true under the race detector, which makes compressing the 10 MB parse.wasm take
// most of a minute: e2eWeb precompresses it there.
const raceEnabled = true

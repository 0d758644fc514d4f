//go:build !linux || 386

package drain

// KeepsBacklog tells whether New's Drainer keeps the connections queued on a listener: not here.
const KeepsBacklog = false

// New returns the Drainer of this system: Plain, since elsewhere than on Linux there is no portable
// way to stop a listening socket taking new connections while keeping those it has queued.
func New() Drainer { return Plain{} }

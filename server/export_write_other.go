//go:build !linux

package server

// rawDirWrites: elsewhere than Linux, writeFile goes through os.Root.
const rawDirWrites = false

// writeFile writes body to the file base in d's directory (writeRootFile).
func (d *dirHandle) writeFile(base string, body []byte) error {
	return writeRootFile(d.root, base, body)
}

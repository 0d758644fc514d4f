package deploydoc

import (
	"fmt"
	"regexp"
	"strings"
)

// shBlock matches a fenced sh code block of the Markdown.
var shBlock = regexp.MustCompile("(?s)```sh\n(.*?)```")

// syncMarker is what tells the sync script apart from the other sh blocks: it keeps the manifest
// folder of the last upload in ../last.
const syncMarker = "../last/manifest"

// SyncScript returns the shell script of doc (docs/deploy.md) that uploads the files an export
// changed and deletes the ones it no longer has, from the export's manifest: its one sh block that
// names ../last/manifest. It fails unless there is exactly one.
func SyncScript(doc []byte) (string, error) {
	var found []string
	for _, b := range shBlock.FindAllSubmatch(doc, -1) {
		if strings.Contains(string(b[1]), syncMarker) {
			found = append(found, string(b[1]))
		}
	}
	if len(found) != 1 {
		return "", fmt.Errorf("deploy.md has %d sync scripts (sh blocks naming %s), want 1", len(found), syncMarker)
	}
	return found[0], nil
}

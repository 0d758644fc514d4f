//go:build !js

package components

import (
	"go/ast"
	"go/types"
	"path/filepath"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// TestReaderHasNoEventHandlers keeps the reader's behaviour out of Go: no component of this package
// but the frame's service worker banner (banner.go) binds a go-app event handler (OnClick, OnChange…),
// reaches the browser (app.Window, app.FuncOf), or dispatches actions, and the Reader implements
// none of go-app's lifecycle interfaces, so it holds no state between renders. reader.js and
// offline.js own what the markup does.
func TestReaderHasNoEventHandlers(t *testing.T) {
	var r any = &Reader{}
	for name, ok := range map[string]bool{
		"Initer": is[app.Initializer](r), "Mounter": is[app.Mounter](r), "Navigator": is[app.Navigator](r),
		"Updater": is[app.Updater](r), "Dismounter": is[app.Dismounter](r), "PreRenderer": is[app.PreRenderer](r),
		"Resizer": is[app.Resizer](r), "AppUpdater": is[app.AppUpdater](r),
	} {
		if ok {
			t.Errorf("the Reader is a go-app %s", name)
		}
	}
	tc, files, _, info := checkComponents(t)
	checked := 0
	for _, f := range files {
		file := filepath.Base(tc.fset.Position(f.Pos()).Filename)
		if file == "banner.go" {
			continue
		}
		checked++
		ast.Inspect(f, func(n ast.Node) bool {
			sel, ok := n.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			obj := info.Uses[sel.Sel]
			if obj == nil || obj.Pkg() == nil || obj.Pkg().Path() != goappPath {
				return true
			}
			name := obj.Name()
			handler := strings.HasPrefix(name, "On") && len(name) > 2 && info.Selections[sel] != nil
			browser := name == "Window" || name == "FuncOf" || name == "IsClient" || name == "NewAction" || name == "NewActionWithValue" || name == "Handle"
			if handler || browser {
				t.Errorf("%s: %s: the reader's behaviour is reader.js's, not Go's", tc.fset.Position(sel.Pos()), types.ExprString(sel))
			}
			return true
		})
	}
	if checked < 10 {
		t.Fatalf("checked %d files, want the whole package", checked)
	}
}

func is[T any](v any) bool { _, ok := v.(T); return ok }

//go:build !js

package components

import (
	"encoding/json"
	"errors"
	"fmt"
	"go/ast"
	"go/constant"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

const (
	goappPath = "github.com/maxence-charriere/go-app/v9/pkg/app"
	safePath  = "verbatim/article/safe"
)

// goList is what `go list -export -deps -json` says of one package.
type goList struct {
	ImportPath string
	Dir        string
	Export     string
	GoFiles    []string
}

// typeChecker type-checks Go source against the compiled packages of this module: go list -export
// builds them (as go build would, into the go command's cache) and names their export data, which
// go/importer reads.
type typeChecker struct {
	fset    *token.FileSet
	imp     types.Importer
	pkgs    map[string]goList
	exports map[string]string
}

func newTypeChecker(t *testing.T, pkgs ...string) *typeChecker {
	t.Helper()
	cmd := exec.Command("go", append([]string{"list", "-export", "-deps", "-json=ImportPath,Dir,Export,GoFiles"}, pkgs...)...)
	cmd.Stderr = new(strings.Builder)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list -export: %v\n%s", err, cmd.Stderr)
	}
	tc := &typeChecker{fset: token.NewFileSet(), pkgs: map[string]goList{}, exports: map[string]string{}}
	for dec := json.NewDecoder(strings.NewReader(string(out))); ; {
		var p goList
		if err := dec.Decode(&p); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			t.Fatalf("reading go list's output: %v", err)
		}
		tc.pkgs[p.ImportPath], tc.exports[p.ImportPath] = p, p.Export
	}
	tc.imp = importer.ForCompiler(tc.fset, "gc", func(path string) (io.ReadCloser, error) {
		if f := tc.exports[path]; f != "" {
			return os.Open(f)
		}
		return nil, fmt.Errorf("no export data for %s", path)
	})
	return tc
}

// checkComponents type-checks this package's own source (not its tests) and returns its files,
// its types and what the type checker found in them.
func checkComponents(t *testing.T) (*typeChecker, []*ast.File, *types.Package, *types.Info) {
	t.Helper()
	tc := newTypeChecker(t, "verbatim/components")
	p := tc.pkgs["verbatim/components"]
	var files []*ast.File
	for _, name := range p.GoFiles {
		f, err := parser.ParseFile(tc.fset, filepath.Join(p.Dir, name), nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	pkg, info, errs := tc.check(p.ImportPath, files)
	if len(errs) > 0 {
		t.Fatalf("type-checking %s: %v", p.ImportPath, errs)
	}
	return tc, files, pkg, info
}

// check type-checks files as package path and returns its types and every error.
func (tc *typeChecker) check(path string, files []*ast.File) (*types.Package, *types.Info, []error) {
	info := &types.Info{
		Types:      map[ast.Expr]types.TypeAndValue{},
		Uses:       map[*ast.Ident]types.Object{},
		Selections: map[*ast.SelectorExpr]*types.Selection{},
	}
	var errs []error
	conf := types.Config{Importer: tc.imp, Error: func(err error) { errs = append(errs, err) }}
	pkg, _ := conf.Check(path, tc.fset, files, info)
	return pkg, info, errs
}

// TestUnsanitizedStringDoesNotCompile proves the element helpers' promise with the Go type checker:
// a package that hands one of them an article's field, a string, does not compile, nor one that
// makes a safe value without its constructor; the same package using the constructors does.
func TestUnsanitizedStringDoesNotCompile(t *testing.T) {
	tc := newTypeChecker(t, "verbatim/components")
	const header = `package snippet

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"verbatim/article/model"
	"verbatim/article/safe"
	"verbatim/components"
)

var (
	_ app.UI
	_ = safe.Href
	_ = components.Href
)

func render(a *model.Article) any {
`
	compile := func(body string) []error {
		f, err := parser.ParseFile(tc.fset, "snippet.go", header+body+"\n}\n", 0)
		if err != nil {
			t.Fatalf("parsing %q: %v", body, err)
		}
		_, _, errs := tc.check("snippet", []*ast.File{f})
		return errs
	}
	for _, tt := range []struct{ body, want string }{
		{`return components.Href(app.A(), a.URL)`, "cannot use a.URL (variable of type string) as safe.URL value"},
		{`return components.Src(app.Img(), a.Blocks[0].Src)`, "as safe.URL value"},
		{`return components.Alt(app.Img(), a.Blocks[0].Alt)`, "as safe.Text value"},
		{`return components.AriaLabel(app.Button(), "Remove "+a.Title)`, "as safe.Text value"},
		{`return components.Data(app.Li(), "article-id", string(a.ID))`, "as safe.Token value"},
		{`return components.Class(app.Mark(), string(a.Quotes[0].Kind))`, "as safe.Token value"},
		{`return components.ID(app.Mark(), string(a.Quotes[0].ID))`, "as safe.ID value"},
		{`return components.Lang(app.Article(), a.Lang)`, "as safe.Lang value"},
		{`return components.Dir(app.Article(), a.Dir)`, "as safe.Dir value"},
		{`return components.Href(app.A(), safe.URL(a.URL))`, "cannot convert"},
		{`return components.Href(app.A(), safe.URL{s: a.URL})`, "cannot refer to unexported field s"},
		{`t, _ := safe.Href(a.URL); return components.Alt(app.Img(), t)`, "as safe.Text value"},
		{`return components.ID(app.Mark(), safe.IDFromConstant(a.Title))`, "cannot use a.Title (variable of type string) as safe.stringConstant value"},
	} {
		errs := compile(tt.body)
		if len(errs) != 1 || !strings.Contains(errs[0].Error(), tt.want) {
			t.Errorf("%s: got errors %v, want one saying %q", tt.body, errs, tt.want)
		}
	}
	const good = `u, _ := safe.Href(a.URL)
	src, _ := safe.Src(a.Blocks[0].Src)
	lang, _ := safe.LangFrom(a.Lang)
	dir, _ := safe.DirFrom(a.Dir)
	link, _ := safe.ArticlePath(a.ID)
	return []app.UI{
		components.Href(app.A(), u),
		components.Href(app.A(), link),
		components.Alt(components.Src(app.Img(), src), safe.TextFrom(a.Blocks[0].Alt)),
		components.AriaLabel(app.Button(), safe.TextFrom("Remove "+a.Title)),
		components.Data(components.Class(app.Li(), safe.TokenFrom(string(a.Quotes[0].Kind))), "article-id", safe.TokenFrom(string(a.ID))),
		components.ID(app.Mark(), safe.QuoteElementID(a.Quotes[0].ID)),
		components.ID(app.Div(), safe.IDFromConstant("main")),
		components.Dir(components.Lang(app.Article(), lang), dir),
	}`
	if errs := compile(good); len(errs) != 0 {
		t.Errorf("the helpers with safe values do not compile: %v", errs)
	}
}

// TestAttributeSettersTakeOnlyConstants is the tripwire behind the helpers of attr.go. The types
// stop an unsanitized string at the helpers, but go-app's own setters (Href, Src, Alt, Title, Lang,
// Dir, ID, Class, DataSet, Aria, Attr, Cite, Value… every method of its HTML element types but
// Body, Text, Textf and the On… handlers) take plain strings, and nothing but this test stops
// `app.A().Href(a.URL)`. It type-checks the package's source and fails when, outside attr.go, a
// setter is given a string (or a value go-app would format into one) that is not a constant of
// the source; bools and numbers pass, they cannot hold markup. attr.go itself may give the setters
// only the String of a value of package safe, and a URL setter only a safe.URL's; the helpers'
// own string arguments (the name of Data) must be constants too. The same rule covers go-app's
// Raw and Elem, a setter used as a method value (which could be called with anything), and the
// DOM's sinks reached through app.Value: what parses HTML or navigates (innerHTML, href…) takes
// constants only, and setAttribute a constant name that is not a handler's (a URL attribute a
// constant value too).
//
// It is a rule on types and constants, not a taint analysis: a value the app computes itself (the
// speaker's colour class, the settings' option values) must go through a safe type too, so the
// rule needs no list of trusted functions and cannot be fooled by a local variable. Strings the
// app writes as constants ("button", "/import", "main") pass as they are.
func TestAttributeSettersTakeOnlyConstants(t *testing.T) {
	tc, files, pkg, info := checkComponents(t)
	p := tc.pkgs["verbatim/components"]
	var found []string
	for _, f := range files {
		file := filepath.Base(tc.fset.Position(f.Pos()).Filename)
		found = append(found, attributeLeaks(tc.fset, pkg, info, f, file == "attr.go")...)
	}
	for _, leak := range found {
		t.Error(leak)
	}
	if len(files) < 10 {
		t.Fatalf("checked %d files of %s, want the whole package", len(files), p.ImportPath)
	}
}

// urlSetters are the go-app setters, and the attributes, whose value is a URL: only a safe.URL's
// String may reach them.
var urlSetters = map[string]bool{"Href": true, "Src": true, "SrcSet": true, "Cite": true, "Action": true,
	"FormAction": true, "Poster": true, "Data": true, "Ping": true, "Manifest": true, "Background": true,
	"href": true, "src": true, "srcset": true, "cite": true, "action": true, "formaction": true, "poster": true,
	"data": true, "ping": true, "xlink:href": true}

// htmlSinks are the DOM properties and methods, reached through app.Value's Set and Call, that
// parse HTML or navigate: whatever they are given must be a constant.
var htmlSinks = map[string]bool{"innerHTML": true, "outerHTML": true, "insertAdjacentHTML": true, "srcdoc": true,
	"write": true, "writeln": true, "href": true, "src": true, "action": true}

// attributeLeaks returns a description of every call in f that gives an attribute setter a value the
// rule of TestAttributeSettersTakeOnlyConstants refuses. inAttr says f is attr.go.
func attributeLeaks(fset *token.FileSet, pkg *types.Package, info *types.Info, f *ast.File, inAttr bool) []string {
	var leaks []string
	report := func(n ast.Node, format string, args ...any) {
		leaks = append(leaks, fset.Position(n.Pos()).String()+": "+fmt.Sprintf(format, args...))
	}
	isConst := func(e ast.Expr) bool { return info.Types[e].Value != nil }
	stringConst := func(e ast.Expr) string {
		if v := info.Types[e].Value; v != nil && v.Kind() == constant.String {
			return constant.StringVal(v)
		}
		return ""
	}
	// scalar reports whether e is a bool or a number: go-app formats it without markup.
	scalar := func(e ast.Expr) bool {
		b, ok := info.Types[e].Type.Underlying().(*types.Basic)
		return ok && b.Info()&(types.IsBoolean|types.IsNumeric) != 0
	}
	// safeString returns the safe type whose String e calls, or "".
	safeString := func(e ast.Expr) string {
		call, ok := e.(*ast.CallExpr)
		if !ok || len(call.Args) != 0 {
			return ""
		}
		sel, ok := call.Fun.(*ast.SelectorExpr)
		if !ok || sel.Sel.Name != "String" {
			return ""
		}
		named, ok := info.Types[sel.X].Type.(*types.Named)
		if !ok || named.Obj().Pkg() == nil || named.Obj().Pkg().Path() != safePath {
			return ""
		}
		return named.Obj().Name()
	}
	// setter returns the name of the go-app attribute setter (or helper-internal call on a type
	// parameter) that sel selects, or "".
	setter := func(sel *ast.SelectorExpr) string {
		s, ok := info.Selections[sel]
		if !ok || s.Kind() != types.MethodVal {
			return ""
		}
		name := sel.Sel.Name
		if name == "Body" || name == "Text" || name == "Textf" || strings.HasPrefix(name, "On") {
			return ""
		}
		switch recv := types.Unalias(s.Recv()).(type) {
		case *types.TypeParam:
			return name
		case *types.Named:
			if o := recv.Obj(); o.Pkg() != nil && o.Pkg().Path() == goappPath && strings.HasPrefix(o.Name(), "HTML") {
				return name
			}
		}
		return ""
	}
	// domValue reports whether sel is app.Value's Set or Call (also through app.Event).
	domValue := func(sel *ast.SelectorExpr) bool {
		s, ok := info.Selections[sel]
		if !ok || s.Kind() != types.MethodVal || sel.Sel.Name != "Set" && sel.Sel.Name != "Call" {
			return false
		}
		fn := s.Obj().(*types.Func)
		return fn.Pkg() != nil && fn.Pkg().Path() == goappPath
	}
	// helper reports whether call calls a function of this package declared in attr.go.
	helper := func(call *ast.CallExpr) bool {
		fun := call.Fun
		if ix, ok := fun.(*ast.IndexExpr); ok {
			fun = ix.X
		}
		id, ok := fun.(*ast.Ident)
		if !ok {
			return false
		}
		fn, ok := info.Uses[id].(*types.Func)
		return ok && fn.Pkg() == pkg && filepath.Base(fset.Position(fn.Pos()).Filename) == "attr.go"
	}
	called := map[*ast.SelectorExpr]bool{}
	ast.Inspect(f, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		if helper(call) {
			for _, a := range call.Args {
				if b, ok := info.Types[a].Type.Underlying().(*types.Basic); ok && b.Info()&types.IsString != 0 && !isConst(a) {
					report(a, "%s is given to a helper of attr.go as a name; it must be a constant", types.ExprString(a))
				}
			}
			return true
		}
		sel, ok := call.Fun.(*ast.SelectorExpr)
		if !ok {
			return true
		}
		called[sel] = true
		if o, ok := info.Uses[sel.Sel].(*types.Func); ok && o.Pkg() != nil && o.Pkg().Path() == goappPath &&
			(o.Name() == "Raw" || o.Name() == "Elem" || o.Name() == "ElemSelfClosing") {
			for _, a := range call.Args {
				if !isConst(a) {
					report(a, "app.%s is given %s, which is not a constant", o.Name(), types.ExprString(a))
				}
			}
			return true
		}
		if domValue(sel) && len(call.Args) > 0 {
			// The DOM's setAttribute parses no markup, so a value cannot open another
			// attribute: only its name, a handler's or a URL's value matter.
			switch op := stringConst(call.Args[0]); {
			case htmlSinks[op]:
				for _, a := range call.Args[1:] {
					if !isConst(a) && !scalar(a) {
						report(a, "the DOM's %s is given %s, which is not a constant", op, types.ExprString(a))
					}
				}
			case op == "setAttribute" && len(call.Args) == 3:
				attr := strings.ToLower(stringConst(call.Args[1]))
				switch {
				case !isConst(call.Args[1]) || strings.HasPrefix(attr, "on"):
					report(call.Args[1], "setAttribute is given the attribute name %s: a handler's, or not a constant", types.ExprString(call.Args[1]))
				case urlSetters[attr] && !isConst(call.Args[2]):
					report(call.Args[2], "setAttribute(%q) is given %s, which is not a constant", attr, types.ExprString(call.Args[2]))
				}
			case op == "setAttribute" || op == "setAttributeNS":
				report(call, "%s is called in a form this test does not read", op)
			}
			return true
		}
		name := setter(sel)
		if name == "" {
			return true
		}
		isURL := urlSetters[name] || name == "Attr" && len(call.Args) > 0 && urlSetters[strings.ToLower(stringConst(call.Args[0]))]
		for i, a := range call.Args {
			if (name == "Attr" || name == "Aria" || name == "DataSet" || name == "Style") && i == 0 {
				// In attr.go a name is a helper's parameter, a constant where the helper is called.
				if !isConst(a) && !inAttr {
					report(a, "%s is given the attribute name %s, which is not a constant", name, types.ExprString(a))
				}
				continue
			}
			if isConst(a) || scalar(a) {
				continue
			}
			if !inAttr {
				report(a, "%s is given %s, which is not a constant: use the helper of attr.go that takes a value of package safe", name, types.ExprString(a))
				continue
			}
			switch typ := safeString(a); {
			case typ == "":
				report(a, "%s is given %s, which is not the String of a value of package safe", name, types.ExprString(a))
			case isURL && typ != "URL":
				report(a, "%s takes a URL, and is given the String of a safe.%s", name, typ)
			}
		}
		return true
	})
	ast.Inspect(f, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok && !called[sel] && setter(sel) != "" {
			report(sel, "the setter %s is used as a value, where this test cannot see what it is given", types.ExprString(sel))
		}
		return true
	})
	return leaks
}

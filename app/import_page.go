package app

import (
	"context"
	"errors"
	"fmt"
	"path"
	"strings"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"verbatim/article/model"
	"verbatim/components"
	"verbatim/internal/parsejob"
)

// importPrefix starts the id of every imported article, so an import never shadows a library article.
const importPrefix = "my-"

// ImportPage is the route /import: paste text, HTML or Markdown, or drop or choose a file. The input
// is parsed in the browser by article.Parse (the same code as the server), in a parse worker of its
// own (web/worker/parse-worker.js running web/parse.wasm, see parseArticle), so that app.wasm links
// no parser and the page stays responsive; the article is then stored in the browser and opened in the
// reader. Shared text, titles and URLs (the manifest's share_target) arrive as the query; files opened
// with the app (file_handlers) arrive through the launch queue. When the server fetches links
// (serve -fetch), a link typed in "Read from a link" or shared is read by the server (import_link.go);
// a page the bookmarklet hands over arrives by postMessage (import_bookmarklet.go).
//
// Trust boundary: everything pasted, dropped, shared, opened or handed over is untrusted and goes
// through article.Parse, in the worker (or, for a link, on the server), before anything renders it;
// the page takes back only the article's JSON or an error's kind and text.
type ImportPage struct {
	goapp.Compo

	text    string
	format  string
	name    string // the file's name, when the text came from one
	message string
	busy    bool
	fetches bool // the server fetches links (serverFetches): the page offers "Read from a link"
}

// acceptedExt are the file extensions the import takes, with the format each implies.
var acceptedExt = map[string]model.Format{
	".txt": model.FormatText, ".text": model.FormatText,
	".html": model.FormatHTML, ".htm": model.FormatHTML,
	".md": model.FormatMarkdown, ".markdown": model.FormatMarkdown,
}

// OnPreRender sets the title.
func (p *ImportPage) OnPreRender(ctx goapp.Context) { ctx.Page().SetTitle("Import — Verbatim") }

// OnMount says app.wasm has the page, and takes files opened with the installed app.
func (p *ImportPage) OnMount(ctx goapp.Context) {
	markMounted()
	p.fetches = serverFetches()
	p.setUpBookmarklet(ctx)
	p.consumeLaunchQueue(ctx)
}

// OnNav takes what was shared with the app (share_target: title, text, url). A shared link (Android
// shares one as text or url) is read from the link when the server fetches links; otherwise the
// page says that it cannot, and offers the bookmarklet.
func (p *ImportPage) OnNav(ctx goapp.Context) {
	ctx.Page().SetTitle("Import — Verbatim")
	q := ctx.Page().URL().Query()
	if q.Get("from") == "bookmarklet" && goapp.IsClient {
		p.receivePage(ctx)
		return
	}
	title, text, link := q.Get("title"), q.Get("text"), q.Get("url")
	if title == "" && text == "" && link == "" {
		return
	}
	if shared := sharedLink(link, text); shared != "" {
		if !goapp.IsClient {
			return // the server's page cannot know yet: app.wasm decides
		}
		if p.fetches = serverFetches(); p.fetches {
			p.fetchLink(ctx, shared)
			return
		}
		p.message = "This server cannot fetch links. Open " + shared + " and use the “Read in Verbatim” bookmarklet below, or copy the article's text and paste it here."
		return
	}
	var parts []string
	if title != "" && !strings.Contains(text, title) {
		parts = append(parts, title)
	}
	if text != "" {
		parts = append(parts, text)
	}
	p.text = strings.Join(parts, "\n\n")
	if link != "" {
		p.message = "Shared from " + link + ". Check the text, then import it."
	}
}

// launchConsumer is the function last given to window.launchQueue.setConsumer.
var launchConsumer goapp.Func

// consumeLaunchQueue reads a file opened through the manifest's file_handlers: when the installed
// app opens a .txt, .html or .md file, Chromium loads /import and hands the file to the consumer,
// which puts it in the form as if it had been chosen (readFile checks its type and size).
func (p *ImportPage) consumeLaunchQueue(ctx goapp.Context) {
	if !goapp.IsClient {
		return
	}
	lq := goapp.Window().Get("launchQueue")
	if !lq.Truthy() {
		return
	}
	// The consumer lives until the next import page replaces it: the launch queue may call it again.
	previous := launchConsumer
	launchConsumer = goapp.FuncOf(func(this goapp.Value, args []goapp.Value) any {
		if len(args) == 0 || args[0].Get("files").Length() == 0 {
			return nil
		}
		var got goapp.Func
		got = goapp.FuncOf(func(this goapp.Value, args []goapp.Value) any {
			defer got.Release()
			p.readFile(ctx, args[0])
			return nil
		})
		args[0].Get("files").Index(0).Call("getFile").Call("then", got)
		return nil
	})
	lq.Call("setConsumer", launchConsumer)
	if previous != nil {
		previous.Release()
	}
}

// readFile loads a File (chosen, dropped or launched) into the text area, after checking its type and size.
func (p *ImportPage) readFile(ctx goapp.Context, file goapp.Value) {
	name := file.Get("name").String()
	size := file.Get("size").Int()
	format, ok := acceptedExt[strings.ToLower(path.Ext(name))]
	if !ok {
		ctx.Dispatch(func(goapp.Context) {
			p.message = fmt.Sprintf("%q is not a file Verbatim reads. Choose a .txt, .html or .md file.", name)
		})
		return
	}
	if size > model.MaxInputBytes {
		ctx.Dispatch(func(goapp.Context) {
			p.message = fmt.Sprintf("%q is %d MB; Verbatim reads articles up to %d MB.", name, size>>20, model.MaxInputBytes>>20)
		})
		return
	}
	var ok2, fail goapp.Func
	ok2 = goapp.FuncOf(func(this goapp.Value, args []goapp.Value) any {
		text := args[0].String()
		ctx.Dispatch(func(ctx goapp.Context) {
			p.text, p.format, p.name = text, string(format), name
			p.message = fmt.Sprintf("Read %q. Check the format, then import it.", name)
			ctx.Defer(func(goapp.Context) {
				// A textarea the user typed in shows its value, not its text: set both.
				goapp.Window().GetElementByID("import-text").Set("value", text)
			})
		})
		ok2.Release()
		fail.Release()
		return nil
	})
	fail = goapp.FuncOf(func(this goapp.Value, args []goapp.Value) any {
		ctx.Dispatch(func(goapp.Context) {
			p.message = fmt.Sprintf("%q could not be read. Try choosing it again.", name)
		})
		ok2.Release()
		fail.Release()
		return nil
	})
	file.Call("text").Call("then", ok2, fail)
}

// submit parses the text in the browser, stores the article and opens it.
func (p *ImportPage) submit(ctx goapp.Context, e goapp.Event) {
	e.PreventDefault()
	text, format := p.text, model.Format(p.format)
	if format == "" {
		format = model.FormatAuto
	}
	if strings.TrimSpace(text) == "" {
		p.message = "Paste an article, or choose or drop a file, first."
		goapp.Window().GetElementByID("import-text").Call("focus")
		return
	}
	if len(text) > model.MaxInputBytes {
		p.message = fmt.Sprintf("This text is %d MB; Verbatim reads articles up to %d MB.", len(text)>>20, model.MaxInputBytes>>20)
		return
	}
	p.busy, p.message = true, "Reading the article…"
	workerURL := ctx.ResolveStaticResource(parseWorkerScript)
	ctx.Async(func() {
		a, err := parseArticle(context.Background(), workerURL, []byte(text), format, "")
		if err != nil {
			err = importError(err)
		}
		p.keep(ctx, a, err)
	})
}

// keep stores an imported article in the browser and opens it, or shows err. It runs in ctx.Async,
// after a parse or a fetch.
func (p *ImportPage) keep(ctx goapp.Context, a *model.Article, err error) {
	if err == nil {
		if !strings.HasPrefix(string(a.ID), importPrefix) {
			a.ID = importPrefix + a.ID
		}
		err = store.Put(context.Background(), a, OriginImported)
		if err != nil {
			err = fmt.Errorf("the article was read but could not be stored: %w", err)
		}
	}
	ctx.Dispatch(func(ctx goapp.Context) {
		p.busy = false
		if err != nil {
			p.message = sentence(err)
			return
		}
		p.message = ""
		ctx.Navigate(model.ArticlePath(a.ID))
	})
}

// errParseTimeout is returned when the parse worker did not answer within parseTimeout (parse_wasm.go).
var errParseTimeout = errors.New("reading it took too long, so it was stopped")

// importError turns a parse error (from the parse worker, see parseArticle) into a message that says
// what to do.
func importError(err error) error {
	// errors.AsType, not errors.As: the same unwrapping with a type switch, where errors.As checks its
	// target by reflection (internal/reflectlite, about 28 KB of app.wasm's code linked for this alone).
	pe, isParse := errors.AsType[*parsejob.Error](err)
	switch {
	case errors.Is(err, model.ErrEmpty):
		return errors.New("no article text was found in it: paste the article itself, not only its address")
	case errors.Is(err, model.ErrNotArticle):
		return model.ErrNotArticle // it says what to do: open the article itself
	case errors.Is(err, errParseTimeout):
		return errors.New("reading it took too long, so it was stopped: paste the article's text alone, or a shorter part of it")
	case isParse && pe.Kind == parsejob.KindStart:
		return fmt.Errorf("the article reader could not start in this browser (%s): reload the page and try again", pe.Message)
	case isParse && pe.Kind == parsejob.KindInternal:
		return fmt.Errorf("the article reader failed on it (%s): try again, or paste the text alone", pe.Message)
	default:
		return fmt.Errorf("it could not be read as an article (%s): check the format, or paste the text alone", strings.TrimPrefix(err.Error(), "parsing article: "))
	}
}

// Render draws the import form.
func (p *ImportPage) Render() goapp.UI {
	formats := []struct{ value, label string }{
		{"auto", "Detect automatically"}, {"text", "Plain text"}, {"html", "HTML page"},
		{"fragment", "HTML fragment"}, {"markdown", "Markdown"},
	}
	opts := make([]goapp.UI, 0, len(formats))
	for _, f := range formats {
		opts = append(opts, goapp.Option().Value(f.value).Selected(f.value == p.format || p.format == "" && f.value == "auto").Text(f.label))
	}
	return components.Frame("import", goapp.Main().ID("main").Class("page-main", "import").Body(
		goapp.H1().Text("Import an article"),
		goapp.P().Text("Paste a news article as plain text, HTML or Markdown, or choose or drop a .txt, .html or .md file. It is read in your browser and kept in this browser only."),
		goapp.If(p.fetches, components.LinkForm(p.busy).OnSubmit(p.readLink)),
		goapp.Form().ID("import-form").OnSubmit(p.submit).Body(
			goapp.Div().Class("field").Body(
				goapp.Label().For("import-text").Text("Article"),
				goapp.Textarea().ID("import-text").Rows(14).
					Placeholder("Paste the article here, or drop a file").
					Text(p.text).
					OnInput(func(ctx goapp.Context, e goapp.Event) { p.text = ctx.JSSrc().Get("value").String() }).
					OnDragOver(func(ctx goapp.Context, e goapp.Event) { e.PreventDefault() }).
					OnDrop(func(ctx goapp.Context, e goapp.Event) {
						e.PreventDefault()
						if files := e.Get("dataTransfer").Get("files"); files.Truthy() && files.Length() > 0 {
							p.readFile(ctx, files.Index(0))
						}
					}),
			),
			goapp.Div().Class("field").Body(
				goapp.Label().For("import-file").Text("Or choose a file"),
				goapp.Input().Type("file").ID("import-file").Accept(".txt,.text,.html,.htm,.md,.markdown,text/plain,text/html,text/markdown").
					OnChange(func(ctx goapp.Context, e goapp.Event) {
						if files := ctx.JSSrc().Get("files"); files.Truthy() && files.Length() > 0 {
							p.readFile(ctx, files.Index(0))
						}
					}),
			),
			goapp.Div().Class("field").Body(
				goapp.Label().For("import-format").Text("Format"),
				goapp.Select().ID("import-format").Body(opts...).
					OnChange(func(ctx goapp.Context, e goapp.Event) { p.format = ctx.JSSrc().Get("value").String() }),
			),
			goapp.Button().Type("submit").Class("button", "primary").ID("import-submit").Disabled(p.busy).Text("Import and read"),
		),
		goapp.P().Class("import-message").ID("import-message").Attr("role", "status").Aria("live", "polite").Text(p.message),
		goapp.Div().OnClick(p.bookmarkletClick).Body(components.Bookmarklet()),
	))
}

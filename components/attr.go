package components

import (
	"time"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"verbatim/article/safe"
)

// The functions of this file are the only way a value that is not a constant of the app's source
// reaches an element's attribute: each takes the type of package safe its attribute needs, so a
// plain string, and so an article's unsanitized field, does not compile there. They pass the value
// to go-app as an argument of a "%s" format, so that go-app never reads it as a format.
//
// Trust boundary: go-app's server prerender writes attribute values with strconv.Quote, which is not
// HTML escaping. The safe types' values are printable and hold no `"`, `\`, `<`, `>` or backtick, so
// each stays one attribute value. TestAttributeSettersTakeOnlyConstants keeps every other call of a
// go-app attribute setter in this package to constants, and its names (the name of Data) too.

// Href returns a with its href set to u, or a as it is when u is the zero URL.
func Href(a app.HTMLA, u safe.URL) app.HTMLA {
	if u.String() == "" {
		return a
	}
	return a.Href("%s", u.String())
}

// Src returns img with its src set to u, or img as it is when u is the zero URL.
func Src(img app.HTMLImg, u safe.URL) app.HTMLImg {
	if u.String() == "" {
		return img
	}
	return img.Src("%s", u.String())
}

// Alt returns img with its alternative text set to t; an empty t marks the image decorative.
func Alt(img app.HTMLImg, t safe.Text) app.HTMLImg { return img.Alt("%s", t.String()) }

// AriaLabel returns e with its aria-label set to t, or e as it is when t is empty.
func AriaLabel[E interface{ Aria(string, any) E }](e E, t safe.Text) E {
	if t.String() == "" {
		return e
	}
	return e.Aria("label", t.String())
}

// Data returns e with its attribute data-name set to t, or e as it is when t is empty. name is the
// app's own, a constant.
func Data[E interface{ DataSet(string, any) E }](e E, name string, t safe.Token) E {
	if t.String() == "" {
		return e
	}
	return e.DataSet(name, t.String())
}

// DataEncoded returns e with its attribute data-name set to t, or e as it is when t is empty. name is
// the app's own, a constant; a script reads the value back with decodeURIComponent.
func DataEncoded[E interface{ DataSet(string, any) E }](e E, name string, t safe.Encoded) E {
	if t.String() == "" {
		return e
	}
	return e.DataSet(name, t.String())
}

// DataURL returns e with its attribute data-name set to u, or e as it is when u is the zero URL.
// name is the app's own, a constant.
func DataURL[E interface{ DataSet(string, any) E }](e E, name string, u safe.URL) E {
	if u.String() == "" {
		return e
	}
	return e.DataSet(name, u.String())
}

// Class returns e with the class names ts added; empty ones are left out.
func Class[E interface{ Class(...string) E }](e E, ts ...safe.Token) E {
	for _, t := range ts {
		if t.String() != "" {
			e = e.Class(t.String())
		}
	}
	return e
}

// ID returns e with its id set to id, or e as it is when id is the zero ID.
func ID[E interface{ ID(string, ...any) E }](e E, id safe.ID) E {
	if id.String() == "" {
		return e
	}
	return e.ID("%s", id.String())
}

// For returns label naming the control whose id is id.
func For(label app.HTMLLabel, id safe.ID) app.HTMLLabel { return label.For("%s", id.String()) }

// Value returns o with its value set to t.
func Value(o app.HTMLOption, t safe.Token) app.HTMLOption { return o.Value(t.String()) }

// Lang returns e with its lang set to l, or e as it is when l is the zero Lang.
func Lang[E interface{ Lang(string, ...any) E }](e E, l safe.Lang) E {
	if l.String() == "" {
		return e
	}
	return e.Lang("%s", l.String())
}

// Dir returns e with its dir set to d, or e as it is when d is the zero Dir.
func Dir[E interface{ Dir(string, ...any) E }](e E, d safe.Dir) E {
	if d.String() == "" {
		return e
	}
	return e.Dir("%s", d.String())
}

// DateTime returns t with its datetime set to at, in UTC to the second (RFC 3339): a value made here
// from a parsed time, digits and "-:TZ" only.
func DateTime(t app.HTMLTime, at time.Time) app.HTMLTime {
	return t.DateTime("%s", safe.TextFrom(at.UTC().Format(time.RFC3339)).String())
}

package article

import (
	"verbatim/article/model"
	"verbatim/article/slugify"
)

// Slug returns a stable ArticleID for a title: lower-case ASCII letters and digits separated by
// single hyphens, accents folded ("Café" gives "cafe"), at most 64 bytes cut at a hyphen, or
// "article" when nothing is left (slugify.ASCII, the rule people's slugs share). The same
// title always gives the same slug.
func Slug(title string) model.ArticleID {
	if s := slugify.ASCII(title); s != "" {
		return model.ArticleID(s)
	}
	return "article"
}

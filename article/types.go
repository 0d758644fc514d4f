package article

import "verbatim/article/model"

// The Article contract lives in package model, which imports only the standard library, so that the
// browser can use it without linking the parser. These aliases keep it part of package article.
type (
	ArticleID = model.ArticleID
	BlockID   = model.BlockID
	QuoteID   = model.QuoteID
	SpeakerID = model.SpeakerID
	Article   = model.Article
	BlockKind = model.BlockKind
	Block     = model.Block
	Run       = model.Run
	QuoteKind = model.QuoteKind
	Quote     = model.Quote
	Mention   = model.Mention
	Speaker   = model.Speaker
	ExtraKind = model.ExtraKind
	Extra     = model.Extra
	Format    = model.Format
)

// The constants of the Article contract (see package model).
const (
	KindHeadline   = model.KindHeadline
	KindParagraph  = model.KindParagraph
	KindHeading2   = model.KindHeading2
	KindHeading3   = model.KindHeading3
	KindBlockquote = model.KindBlockquote
	KindList       = model.KindList
	KindOrdered    = model.KindOrdered
	KindItem       = model.KindItem
	KindFigure     = model.KindFigure
	KindImage      = model.KindImage
	KindPre        = model.KindPre
	KindRule       = model.KindRule
	QuoteDirect    = model.QuoteDirect
	QuotePartial   = model.QuotePartial
	QuoteScare     = model.QuoteScare
	ExtraBio       = model.ExtraBio
	ExtraLinks     = model.ExtraLinks
	ExtraCredit    = model.ExtraCredit
	ExtraTip       = model.ExtraTip
	ExtraTags      = model.ExtraTags
	ExtraFooter    = model.ExtraFooter
	ExtraByline    = model.ExtraByline
	FormatAuto     = model.FormatAuto
	FormatText     = model.FormatText
	FormatHTML     = model.FormatHTML
	FormatFragment = model.FormatFragment
	FormatMarkdown = model.FormatMarkdown
)

//go:build !(js && wasm)

package app

import (
	"context"

	"verbatim/article/model"
	"verbatim/internal/parsejob"
	"verbatim/internal/parsejob/runner"
)

// parseArticle parses src in place, through the same job as the browser's parse worker (there is no
// worker outside the browser), so that the errors it returns are the worker's. ctx is not consulted:
// article.Parse bounds its own time.
//
// Trust boundary: src is untrusted; runner.Run sends it through article.Parse.
func parseArticle(_ context.Context, _ string, src []byte, format model.Format, pageURL string) (*model.Article, error) {
	out, err := runner.Run(src, string(format), pageURL)
	if err != nil {
		return nil, err
	}
	return parsejob.Decode(out)
}

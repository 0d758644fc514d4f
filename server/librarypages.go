package server

import (
	"context"
	"net/http"

	"verbatim/app"
)

// serveLibraryPage serves /library/{n}, the library's pages after the first, through the page
// renderer (pages). It answers 404, as for any unknown path, when the path names no page the library
// has (/library/0, /library/02, /library/abc, a page past the last), and redirects /library/1 for
// good to /, the library's first page, so that each page has one address.
func (s *Server) serveLibraryPage(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == app.PathLibraryPages+"1" {
		http.Redirect(w, r, app.LibraryPath(1), http.StatusMovedPermanently)
		return
	}
	n, ok := app.LibraryPageOf(r.URL.Path)
	if ok {
		first, err := s.lib.Page(r.Context(), 1)
		if err != nil {
			s.log.Error("listing the library", "err", err)
			http.Error(w, "The library could not be listed; try again later.", http.StatusInternalServerError)
			return
		}
		ok = n <= first.Pages
	}
	if !ok {
		http.NotFound(w, r)
		return
	}
	s.pages.ServeHTTP(w, r)
}

// libraryNeighbours returns the absolute addresses of the library pages before and after the library
// page at path, for the head's rel="prev" and rel="next" links: "" at either end, and both "" when
// path is no library page.
func libraryNeighbours(lib app.Library, base, path string) (prev, next string) {
	n, ok := app.LibraryPageOf(path)
	if !ok {
		return "", ""
	}
	first, err := lib.Page(context.Background(), 1)
	if err != nil {
		return "", ""
	}
	if n > 1 {
		prev = base + app.LibraryPath(n-1)
	}
	if n < first.Pages {
		next = base + app.LibraryPath(n+1)
	}
	return prev, next
}

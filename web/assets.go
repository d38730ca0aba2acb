package web

import (
	"embed"
	"io/fs"
	"net/http"
)

// assets are served under /assets/: vendor/ holds ECharts and htmx as
// published on npm (with their licences; assets/vendor.sh re-vendors them),
// app.css and app.js are ours.
//
//go:embed assets
var assetFS embed.FS

// assetHandler serves the embedded assets with a long cache lifetime (their
// names carry no version, so a day, not a year).
func assetHandler() http.Handler {
	sub, _ := fs.Sub(assetFS, "assets")
	files := http.StripPrefix("/assets/", http.FileServerFS(sub))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=86400")
		files.ServeHTTP(w, r)
	})
}

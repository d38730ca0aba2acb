package web

import (
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"
)

// localTarget returns target when it is a path on this site, else "/". It
// is the one check of every redirect target a request chooses (the sign-in
// form's next, the language switch's return): a target must start with a
// single "/" — not "//" nor "/\", which browsers read as another host — hold
// no backslash, no space or control character (browsers drop tabs and line
// breaks, so "/\t/evil.com" would become "//evil.com"), be valid UTF-8, and
// its percent-decoded form must pass the same test (a decoder further on
// must not find another host either). A target starting with "/" can carry
// no scheme.
func localTarget(target string) string {
	if !localPath(target) {
		return "/"
	}
	if dec, err := url.PathUnescape(target); err != nil || !localPath(dec) {
		return "/"
	}
	return target
}

// localPath reports whether p starts with one "/" and holds no backslash,
// space or control character.
func localPath(p string) bool {
	if !strings.HasPrefix(p, "/") || strings.HasPrefix(p, "//") || !utf8.ValidString(p) {
		return false
	}
	for _, r := range p {
		if r == '\\' || unicode.IsControl(r) || unicode.IsSpace(r) || r == utf8.RuneError {
			return false
		}
	}
	return true
}

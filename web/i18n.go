package web

import "slices"

// messageAreas returns the areas of the system an interface text may
// belong to: "common", for a key the pages of several areas use, and the
// catalogs the areas name (area.Texts), each in i18n_<area>.go
// (i18n_<area>_*.go when one file would be too long). TestMessageAreas
// fails on any other, so a catalog is named after the pages that use its
// texts, not after the change that added them.
func messageAreas() []string {
	out := []string{"common"}
	for _, a := range areas {
		if a.Texts != "" && !slices.Contains(out, a.Texts) {
			out = append(out, a.Texts)
		}
	}
	return out
}

// messagesArea names the catalog (the area) each key of messages came from.
var messagesArea = map[string]string{}

// duplicateMessages lists every key registered twice ("key: area, area");
// TestMessageCatalogs fails on any, so one catalog cannot silently
// override another's text.
var duplicateMessages []string

// addMessages registers one area's interface texts, [中文, English] by key.
func addMessages(area string, m map[string][2]string) {
	for k, v := range m {
		if prev, ok := messagesArea[k]; ok {
			duplicateMessages = append(duplicateMessages, k+": "+prev+", "+area)
		}
		messagesArea[k] = area
		messages[k] = v
	}
}

// messages is the interface text in Chinese and English, by key: filled by
// the areas' catalogs (i18n_<area>.go).
var messages = map[string][2]string{}

// tr returns the text of key in lang (the key itself when unknown, so a
// missing entry shows up instead of vanishing).
func tr(lang, key string) string {
	m, ok := messages[key]
	if !ok {
		return key
	}
	if lang == "en" {
		return m[1]
	}
	return m[0]
}

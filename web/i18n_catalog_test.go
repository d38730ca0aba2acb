package web

import (
	"slices"
	"testing"
)

// TestMessageCatalogs: every interface text is registered once, by one
// area's catalog, and says something in both languages.
func TestMessageCatalogs(t *testing.T) {
	if len(duplicateMessages) > 0 {
		slices.Sort(duplicateMessages)
		t.Errorf("keys registered by two catalogs (the later silently wins): %v", duplicateMessages)
	}
	for k, v := range messages {
		if v[0] == "" || v[1] == "" {
			t.Errorf("message %q lacks a language: %q", k, v)
		}
	}
	if len(messagesArea) < len(messages) {
		t.Errorf("%d messages, %d with an area", len(messages), len(messagesArea))
	}
}

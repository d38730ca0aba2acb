package hezuo

import (
	"reflect"
	"testing"
)

// TestTagsEqualTable is the one-off check that the bound tags say what the
// table said, before the table goes.
func TestTagsEqualTable(t *testing.T) {
	got := boundsFromTags(reflect.TypeFor[Dataset]())
	fields := 0
	for _, m := range fieldBounds {
		fields += len(m)
	}
	gotFields := 0
	for _, m := range got {
		gotFields += len(m)
	}
	t.Logf("table: %d types, %d fields; tags: %d types, %d fields", len(fieldBounds), fields, len(got), gotFields)
	if !reflect.DeepEqual(got, fieldBounds) {
		t.Fatalf("differ:\n%v\n%v", got, fieldBounds)
	}
}

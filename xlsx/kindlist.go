package xlsx

import (
	"fmt"
	"slices"
)

// kindList is every KIND, in the order an import page offers them: the
// registry first, each after the records its rows refer to, then the
// platforms. Each is declared in the file named by it (divisions.go,
// loans.go, …) — its columns, how a row becomes a record, what it refers
// to and how it meets the stored records — and registers itself there
// with its place in the list: var loansKind = addKind(80, kindOf(…)).
var kindList []*Schema

// kindAt holds the places of kindList's KINDs.
var kindAt []int

// schemas are the KINDs by name.
var schemas = map[string]*Schema{}

// addKind registers s at place at of kindList (ascending; the gaps leave
// room for a KIND between two) and returns it. It panics on a KIND or a
// place registered twice.
func addKind(at int, s *Schema) *Schema {
	i, taken := slices.BinarySearch(kindAt, at)
	if taken || schemas[s.Kind] != nil {
		panic(fmt.Sprintf("xlsx: KIND %s at %d: the KIND or the place is taken", s.Kind, at))
	}
	kindAt, kindList = slices.Insert(kindAt, i, at), slices.Insert(kindList, i, s)
	schemas[s.Kind] = s
	return s
}

// Lookup returns the schema of a KIND, or nil when there is none.
func Lookup(kind string) *Schema { return schemas[kind] }

// Kinds returns the KIND names, sorted.
func Kinds() []string {
	out := make([]string, 0, len(schemas))
	for k := range schemas {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// KindName is a KIND as a list of them shows it.
type KindName struct {
	Kind   string // the name a command and a URL give ("party-orgs")
	ZH, EN string // what it holds, in Chinese and English ("党组织", "Party organizations")
}

// KindList returns every KIND in the order an import page offers them
// (the registry first, each after the KINDs its rows refer to, then the
// platforms), with its name in Chinese and English.
func KindList() []KindName {
	out := make([]KindName, len(kindList))
	for i, s := range kindList {
		out[i] = KindName{Kind: s.Kind, ZH: s.TitleZH, EN: s.TitleEN}
	}
	return out
}

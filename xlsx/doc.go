// Package xlsx brings county rosters in and out of spreadsheets: .xlsx
// workbooks (read with excelize's streaming reader, written with its stream
// writer) and .csv files (UTF-8 with or without BOM, or GB18030).
//
// An import flows one way: a file's rows → cells normalised as people type
// them (full-width characters, spaces, date and yes/no forms; see cell.go) →
// records of the domain (a hezuo.Dataset) → the domain's Validate rules and
// the checks that need the database (known villages and orgs, duplicates),
// asked through the store's records door (store.Records) → a Plan that classifies every row as
// new, changed or unchanged → Records.Import, one transaction. Any problem
// rejects the whole file: every problem is reported as FILE:ROW:COLUMN with
// the spreadsheet's row number and the header as written, and an error
// workbook marks the bad cells.
//
// The package knows the KINDs of cli.md (divisions, orgs, members, …): their
// Chinese headers with English aliases, templates with instructions and
// dropdowns, and exporters whose files import back with no changes. A KIND
// is one file named by it (loans.go, party_orgs.go, …): its Schema (the
// columns, which drive the header check, the template and the export's
// header) and its spec (kinds.go: how a row becomes a record, the keys no
// two rows share, the records it refers to, how it meets the stored
// records, its export; members, whose row states a person and a membership,
// has a converter of its own), and its place in KindList (addKind,
// kindlist.go); the interfaces the database implements are in stores.go.
package xlsx

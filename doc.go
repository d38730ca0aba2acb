// Package hezuo is the domain of the hezuo system: the registry of farmers'
// professional cooperative organizations (农民专业合作组织), the people in them,
// the party organizations built in or for them, instructors and their
// dispatches, and the figures computed from all of it as of any day.
//
// The package holds entities, their Validate methods, error codes and the
// service contracts. It imports no SQL, HTTP or spreadsheet library; adapters
// (sqldb, web, xlsx) import it, never the reverse.
//
// Time: every fact that changes carries a half-open validity interval
// [From, To): it holds on day D when From <= D and (To is zero or D < To).
// A membership whose To is yesterday no longer counts today.
package hezuo

package report

import (
	"context"
	"sort"
	"strings"

	"hezuo"
	"hezuo/rules"
	"hezuo/store"
)

// Area is the division a report is about: the smallest one holding every org
// of the requested scope (a request for "all" on one county's data is a
// report on that county).
type Area struct {
	Code  string // significant digits ("" for everything)
	Name  string
	Level string // hezuo.Level*, or "" for everything
}

// Part is one division of the level below the area (a township of a county)
// with its figures.
type Part struct {
	Code  string
	Name  string
	Stats *hezuo.Stats
}

// Input is everything Build needs. Orgs and PartyOrgs are the registry
// records active on AsOf (party organizations only those built in or for
// cooperative organizations); Compare, when not nil, holds the figures as of
// CompareDay. Overdue lists the institutions let lapse on AsOf (nil when the
// source cannot tell); UnknownPartyDates the party members counted on AsOf
// without a known start. Today is the day the report is produced.
type Input struct {
	Scope      hezuo.Scope
	Area       Area
	AsOf       hezuo.Date
	Stats      *hezuo.Stats
	PartLevel  string
	Parts      []Part
	Check      []hezuo.CheckRow
	Orgs       []hezuo.Org
	PartyOrgs  []hezuo.PartyOrg
	CompareDay hezuo.Date
	Compare    *hezuo.Stats
	Overdue    []rules.Overdue
	// UnknownPartyDates is nil when the source cannot tell.
	UnknownPartyDates []hezuo.UnknownPartyDate
	Today             hezuo.Date
}

// Options are the parameters of a report: scope, as-of day, an optional day
// to compare with (zero: none) and today's date.
type Options struct {
	Scope   hezuo.Scope
	AsOf    hezuo.Date
	Compare hezuo.Date
	Today   hezuo.Date
}

// Collect reads from src the figures of o.Scope on o.AsOf, the figures of
// each division one level below the report's area, the check, the registry
// records, the overdue institutions, the party members of unknown party
// dates and, when
// o.Compare is set, the figures on that day. A scope naming no known
// division and holding no org is ENOTFOUND.
func Collect(ctx context.Context, src store.Report, o Options) (*Input, error) {
	in := &Input{Scope: o.Scope, AsOf: o.AsOf, CompareDay: o.Compare, Today: o.Today}
	var err error
	if in.Stats, err = src.Stats(ctx, o.Scope, o.AsOf); err != nil {
		return nil, err
	}
	if in.Check, err = src.Check(ctx, o.Scope, o.AsOf); err != nil {
		return nil, err
	}
	ds, err := src.Dump(ctx, o.Scope)
	if err != nil {
		return nil, err
	}
	names := map[string]string{}
	var codes []string
	for _, d := range ds.Divisions {
		names[d.Code] = d.Name
		codes = append(codes, d.Code)
	}
	for _, org := range ds.Orgs {
		if org.ActiveOn(o.AsOf) {
			in.Orgs = append(in.Orgs, org)
		}
	}
	for _, p := range ds.PartyOrgs {
		if hezuo.BuiltInOrgs(p.Form) && p.ActiveOn(o.AsOf) && len(p.Orgs) > 0 {
			in.PartyOrgs = append(in.PartyOrgs, p)
		}
	}
	villages := make([]string, len(in.Check))
	for i, r := range in.Check {
		villages[i] = r.Village
	}
	in.Area = areaOf(o.Scope, villages, names)
	if in.Area.Name == "" && len(in.Check) == 0 && o.Scope.Prefix != "" {
		return nil, hezuo.Errorf(hezuo.ENOTFOUND, "区划 %s 不存在，或其中没有合作组织", "division %s does not exist or holds no cooperative organization", o.Scope.Prefix)
	}
	in.PartLevel, codes = partsOf(in.Area, villages, codes)
	for _, c := range codes {
		st, err := src.Stats(ctx, hezuo.Scope{Prefix: c}, o.AsOf)
		if err != nil {
			return nil, err
		}
		in.Parts = append(in.Parts, Part{Code: c, Name: names[pad12(c)], Stats: st})
	}
	if in.Overdue, err = src.Overdue(ctx, o.Scope, o.AsOf); err != nil {
		return nil, err
	}
	if in.UnknownPartyDates, err = src.PartyDatesUnknown(ctx, o.Scope, o.AsOf); err != nil {
		return nil, err
	}
	if !o.Compare.IsZero() {
		if in.Compare, err = src.Stats(ctx, o.Scope, o.Compare); err != nil {
			return nil, err
		}
	}
	return in, nil
}

// levelLengths are the significant lengths of division codes, top down.
var levelLengths = []int{2, 4, 6, 9, 12}

func pad12(code string) string { return code + strings.Repeat("0", 12-len(code)) }

// areaOf returns the deepest division (not below township) that holds every
// village given and lies in scope; with no villages, the scope itself.
func areaOf(scope hezuo.Scope, villages []string, names map[string]string) Area {
	code := scope.Prefix
	for _, n := range levelLengths[:4] {
		if n <= len(code) || len(villages) == 0 {
			continue
		}
		prefix, same := "", true
		for _, v := range villages {
			if len(v) < n || (prefix != "" && v[:n] != prefix) {
				same = false
				break
			}
			prefix = v[:n]
		}
		if !same {
			break
		}
		code = prefix
	}
	if code == "" {
		return Area{}
	}
	return Area{Code: code, Name: names[pad12(code)], Level: hezuo.LevelOf(pad12(code))}
}

// partsOf returns the level below the area and the codes of its divisions
// there: those named in the registry and those holding an org, sorted.
func partsOf(a Area, villages, divisions []string) (string, []string) {
	n := 0
	for _, l := range levelLengths {
		if l > len(a.Code) {
			n = l
			break
		}
	}
	if n == 0 || n == 12 {
		return "", nil
	}
	set := map[string]bool{}
	for _, v := range villages {
		if len(v) >= n && strings.HasPrefix(v, a.Code) {
			set[v[:n]] = true
		}
	}
	for _, d := range divisions {
		sig := hezuo.SignificantCode(d)
		if len(sig) == n && strings.HasPrefix(sig, a.Code) {
			set[sig] = true
		}
	}
	out := make([]string, 0, len(set))
	for c := range set {
		out = append(out, c)
	}
	sort.Strings(out)
	return hezuo.LevelOf(pad12(strings.Repeat("1", n))), out
}

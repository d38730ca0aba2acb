package web

import (
	"context"
	"net/http"
	"sync"

	"hezuo"
	"hezuo/store"
)

// divNames resolves division codes to names for one page: a handler hands
// it the codes of the page's rows at once (Page.Names), one query for all
// of them, and the templates then ask Page.DivLabel / Page.VillageLabel per row from
// memory. A code asked for that was not handed in is looked up on its own
// (a page's single scope or village), never once per row of a list.
type divNames struct {
	ctx context.Context
	r   *http.Request
	db  store.Store
	// today is the request's day: the orgs the user may see are today's.
	today     hezuo.Date
	mu        sync.Mutex
	divisions nameCache
	// orgs are org names by 组织编号, of the orgs the user may see.
	orgs nameCache
}

// nameCache holds the names found for keys and which keys were asked for
// (its zero value is empty and ready).
type nameCache struct {
	names map[string]string
	seen  map[string]bool
}

// fill asks lookup, in one call, for the non-empty keys not asked for
// before; a failed lookup leaves them unnamed. The caller holds divNames.mu.
func (c *nameCache) fill(keys []string, lookup func([]string) (map[string]string, error)) {
	if c.seen == nil {
		c.names, c.seen = map[string]string{}, map[string]bool{}
	}
	var want []string
	for _, k := range keys {
		if k != "" && !c.seen[k] {
			c.seen[k] = true
			want = append(want, k)
		}
	}
	if len(want) == 0 {
		return
	}
	got, err := lookup(want)
	if err != nil {
		return
	}
	for k, n := range got {
		c.names[k] = n
	}
}

func newDivNames(r *http.Request, db store.Store, today hezuo.Date) *divNames {
	return &divNames{ctx: r.Context(), r: r, db: db, today: today}
}

// loadOrgs looks the org numbers not yet asked for up, in one query.
func (d *divNames) loadOrgs(nos ...string) {
	if d == nil || d.db == nil {
		return
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	d.orgs.fill(nos, func(want []string) (map[string]string, error) {
		return d.db.OrgNamesOf(d.ctx, accessOf(d.r), want, d.today)
	})
}

// OrgNames looks up, in one query, the names of the orgs numbered nos: a
// handler calls it with its rows' org numbers before rendering.
func (p Page) OrgNames(nos ...string) { p.divs.loadOrgs(nos...) }

// OrgLabel returns the name of the org numbered no (one the user may see), the
// number itself otherwise.
func (p Page) OrgLabel(no string) string {
	if p.divs == nil {
		return no
	}
	p.divs.loadOrgs(no)
	p.divs.mu.Lock()
	defer p.divs.mu.Unlock()
	if n := p.divs.orgs.names[no]; n != "" {
		return n
	}
	return no
}

// load looks the codes not yet asked for up, in one query; a failed lookup
// leaves the codes shown as codes.
func (d *divNames) load(codes ...string) {
	if d == nil || d.db == nil {
		return
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	d.divisions.fill(codes, func(want []string) (map[string]string, error) {
		return d.db.DivisionNamesOf(d.ctx, want)
	})
}

// name returns the name of code, "" when unknown.
func (d *divNames) name(code string) string {
	if d == nil || code == "" {
		return ""
	}
	d.load(code)
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.divisions.names[code]
}

// Names looks up, in one query, the names of the divisions of codes and of
// the townships of the villages among them: a handler calls it with its
// rows' codes before rendering.
func (p Page) Names(codes ...string) {
	all := make([]string, 0, 2*len(codes))
	for _, c := range codes {
		all = append(all, c)
		if hezuo.LevelOf(c) == hezuo.LevelVillage && len(c) == 12 {
			all = append(all, hezuo.TownshipOf(c))
		}
	}
	p.divs.load(all...)
}

// DivLabel returns the name of the division code (a scope's or a village's),
// the code itself when the name is unknown.
func (p Page) DivLabel(code string) string {
	if n := p.divs.name(code); n != "" {
		return n
	}
	return code
}

// VillageLabel returns a village code as its township's and its own name
// (大兴沟镇 新兴村), the code itself when unknown.
func (p Page) VillageLabel(code string) string {
	n := p.divs.name(code)
	if n == "" {
		return code
	}
	if hezuo.LevelOf(code) == hezuo.LevelVillage {
		if t := p.divs.name(hezuo.TownshipOf(code)); t != "" {
			return t + " " + n
		}
	}
	return n
}

// ScopeLabel is the user's scope by name (汪清县), the code when the name
// is unknown, 全部 for everything.
func (p Page) ScopeLabel() string {
	if p.ScopeName != "" {
		return p.ScopeName
	}
	if p.User == nil || p.User.Scope == "" || p.User.Scope == "all" {
		return tr(p.Lang, "all")
	}
	return p.User.Scope
}

// ScopeOf is a requested scope by name (a filter's scope): the user's own
// scope's name when s is "" or the user's, 全部 for "all".
func (p Page) ScopeOf(s string) string {
	if s == "" || (p.User != nil && s == p.User.Scope) {
		return p.ScopeLabel()
	}
	if s == "all" {
		return tr(p.Lang, "all")
	}
	return p.DivLabel(s)
}

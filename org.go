package hezuo

import (
	"fmt"
	"slices"
	"strings"
)

// Org kinds (JSON and CLI names).
const (
	KindCooperative = "cooperative" // 农民专业合作社
	KindAssociation = "association" // 产业协会
	KindUnion       = "union"       // 联合社
)

// KindNames gives each org kind's Chinese name.
var KindNames = map[string]string{KindCooperative: "合作社", KindAssociation: "产业协会", KindUnion: "联合社"}

// ParseKind accepts the JSON name or the Chinese name of an org kind.
func ParseKind(s string) (string, bool) {
	s = strings.TrimSpace(s)
	switch s {
	case KindCooperative, "合作社", "专业合作社", "农民专业合作社":
		return KindCooperative, true
	case KindAssociation, "产业协会", "协会":
		return KindAssociation, true
	case KindUnion, "联合社":
		return KindUnion, true
	}
	return "", false
}

// Org is a farmers' cooperative organization. OrgNo (组织编号) is its key.
// Villages lists every village it spans, the home village included. An org
// exists from Founded until Dissolved (exclusive; zero = still exists).
type Org struct {
	ID               int64    `json:"-" bound:"-"`
	OrgNo            string   `json:"org_id" bound:"key"`
	Name             string   `json:"name" bound:"name"`
	Kind             string   `json:"kind" bound:"enum"`
	RegisteredOn     Date     `json:"registered_on,omitempty" bound:"date"` // zero = not registered
	CreditCode       string   `json:"credit_code,omitempty" bound:"code"`
	Village          string   `json:"village" bound:"code"`
	Villages         []string `json:"villages" bound:"codes"`
	Industry         string   `json:"industry" bound:"name"`
	HouseholdsDriven int      `json:"households_driven" bound:"int:0:1000000"`
	Model            bool     `json:"model" bound:"-"`
	ModelNote        string   `json:"model_note,omitempty" bound:"note:2000"`
	Founded          Date     `json:"founded" bound:"date"`
	Dissolved        Date     `json:"dissolved,omitempty" bound:"date"`
}

// County returns the org's county code (from its home village).
func (o *Org) County() string { return CountyOf(o.Village) }

// RegisteredAsOf reports whether the org was registered on day.
func (o *Org) RegisteredAsOf(day Date) bool {
	return !o.RegisteredOn.IsZero() && !day.Before(o.RegisteredOn)
}

// ActiveOn reports whether the org exists on day.
func (o *Org) ActiveOn(day Date) bool { return Period{o.Founded, o.Dissolved}.ActiveOn(day) }

// AllVillages returns the home village followed by the other villages
// spanned, without duplicates.
func (o *Org) AllVillages() []string {
	out := []string{o.Village}
	for _, v := range o.Villages {
		if v != "" && v != o.Village && !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	return out
}

// Validate checks the org's own fields (not whether its villages exist).
// Every field's error is reported together (Errors when several).
func (o *Org) Validate() error {
	rec := "组织 " + o.OrgNo
	c := boundsOf(rec, o, Today(China))
	c.required("组织", "org_id", o.OrgNo, "缺少组织编号", "org_id missing")
	c.required(rec, "name", o.Name, "缺少名称", "name missing")
	if _, ok := KindNames[o.Kind]; !ok {
		c.add(Invalid(rec, "kind", fmt.Sprintf("类型 %q 无效（合作社、产业协会或联合社）", o.Kind), fmt.Sprintf("kind %q invalid (cooperative, association or union)", o.Kind)))
	}
	if len(o.Village) != 12 || !allDigits(o.Village) {
		c.add(Invalid(rec, "village", "所在村应为 12 位村级区划代码", "village must be a 12-digit village code"))
	}
	for _, v := range o.Villages {
		if len(v) != 12 || !allDigits(v) {
			c.add(Invalid(rec, "villages", fmt.Sprintf("覆盖村 %q 应为 12 位村级区划代码", v), fmt.Sprintf("spanned village %q must be a 12-digit village code", v)))
			break
		}
	}
	if !o.RegisteredOn.IsZero() && o.CreditCode == "" {
		c.add(Invalid(rec, "credit_code", "已登记的组织必须填写统一社会信用代码", "a registered org needs its unified social credit code"))
	}
	if o.CreditCode != "" && !c.has("credit_code") {
		if err := ValidateCreditCode(o.CreditCode); err != nil {
			for _, e := range FieldErrors(err) {
				c.add(Invalid(rec, "credit_code", e.ZH, e.EN))
				break
			}
		}
	}
	if o.HouseholdsDriven < 0 {
		c.add(Invalid(rec, "households_driven", "带动农户数不能为负数", "households driven cannot be negative"))
	}
	if o.Founded.IsZero() {
		c.add(Invalid(rec, "founded", "缺少成立日期", "founding date missing"))
	}
	if !o.Dissolved.IsZero() && !o.Founded.IsZero() && !o.Founded.Before(o.Dissolved) {
		c.add(Invalid(rec, "dissolved", "注销日期必须晚于成立日期", "dissolution must be after founding"))
	}
	return c.err()
}

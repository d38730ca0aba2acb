package demo

import (
	"fmt"
	"math"

	"hezuo"
)

// The three model cooperatives the seed names (典型).
const (
	SuifenName       = "罗子沟镇绥芬农机专业合作社"
	TianqiaolingName = "天桥岭黑木耳生产专业合作社"
	DongxinName      = "东新富康林产品专业合作社"
	// LiYajin is the 绥芬农机 party member whose 党员农贷 of one million yuan
	// built a processing plant driving more than 200 households.
	LiYajin = "李亚今"
)

// models returns the three model cooperatives, each with its own branch.
func (b *builder) models() []*orgPlan {
	mk := func(name, industry, town string, villages []string, sp span, founded, note string) *orgPlan {
		t := b.townCode(town)
		o := &orgPlan{cat: catBranch, span: sp, town: t}
		for _, v := range villages {
			o.villages = append(o.villages, b.villageNamed(t, v))
		}
		o.Kind, o.Name, o.Industry, o.Model, o.ModelNote = hezuo.KindCooperative, name, industry, true, note
		o.Founded = hezuo.MustDate(founded)
		o.RegisteredOn = o.Founded.AddDays(12)
		return o
	}
	return []*orgPlan{
		mk(SuifenName, "农机", "222424103", []string{"绥芬村", "太平村", "新田村"}, spanTownship, "2008-03-18",
			"高标准、高质量、运行规范的典型；党员李亚今利用党员农贷资金100万元建起农产品加工厂，带动200多个农户从事相关产业"),
		mk(TianqiaolingName, "黑木耳", "222424102", []string{"天桥村", "上屯村", "下屯村", "东明村"}, spanTownship, "2007-11-06",
			"党支部通过跨村组建的方式建立，创新了党组织设置，取得了明显成效"),
		mk(DongxinName, "林产品", "222424100", []string{"东新村"}, spanVillage, "2009-04-20",
			"“支部+专业合作组织+人才”的典型，党员接受村党支部领导并参与合作社活动（双重管理）"),
	}
}

func (b *builder) townCode(code string) *town {
	for _, t := range b.towns {
		if t.code == code {
			return t
		}
	}
	panic("demo: no township " + code)
}

func (b *builder) villageNamed(t *town, name string) *village {
	for _, v := range t.villages {
		if v.name == name {
			return v
		}
	}
	panic("demo: no village " + name + " in " + t.name)
}

// registerOrgs gives registered orgs their unified social credit codes
// (authority 93 for cooperatives registered with market regulation, 51 for
// associations registered as social organizations) and sets households
// driven: cooperatives share the targeted total in proportion to their
// size, associations get their own values.
func (b *builder) registerOrgs() {
	for _, o := range b.orgs {
		if o.RegisteredOn.IsZero() {
			continue
		}
		authority := "93"
		if o.Kind == hezuo.KindAssociation {
			authority = "51"
		}
		for o.CreditCode == "" {
			c := hezuo.MakeCreditCode(authority, countyCode, fmt.Sprintf("%08d", b.r.IntN(100_000_000)))
			if c != "" && !b.credit[c] {
				b.credit[c] = true
				o.CreditCode = c
			}
		}
	}
	var coops []*orgPlan
	var weights []float64
	var mins []int
	for _, o := range b.orgs {
		if o.Kind != hezuo.KindCooperative {
			o.HouseholdsDriven = int(math.Round(float64(o.members) * (0.15 + 0.3*b.r.Float64())))
			continue
		}
		coops = append(coops, o)
		weights = append(weights, float64(o.members)*(0.3+0.3*b.r.Float64()))
		m := 5
		if o.Name == SuifenName {
			m = 230 // the processing plant alone drives 200+ households
		}
		mins = append(mins, m)
	}
	for i, n := range apportion(b.t.CooperativeHouseholds, weights, mins) {
		coops[i].HouseholdsDriven = n
	}
}

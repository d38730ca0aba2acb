package demo

import (
	"fmt"

	"hezuo"
)

var _ = seedSteps.add(10, (*builder).units)
var _ = seedSteps.add(20, (*builder).unitPairings)

// countyUnits are the county's units taking part in 包村联户 (with
// deptTable's departments among them); with the nine township governments
// they make the seed's 101 units.
var countyUnits = []string{
	"县委办公室", "县人大常委会办公室", "县政府办公室", "县政协办公室", "县纪委监委", "县委组织部", "县委宣传部", "县委统战部",
	"县委政法委", "县委编办", "县委党校", "县委老干部局", "县直机关工委", "县发展和改革局", "县教育局", "县科学技术局",
	"县工业和信息化局", "县公安局", "县民政局", "县司法局", "县财政局", "县人力资源和社会保障局", "县自然资源局", "县生态环境分局",
	"县住房和城乡建设局", "县交通运输局", "县水利局", "县农业农村局", "县商务局", "县文化广播电视和旅游局", "县卫生健康局", "县退役军人事务局",
	"县应急管理局", "县审计局", "县市场监督管理局", "县统计局", "县医疗保障局", "县林业局", "县乡村振兴局", "县信访局",
	"县畜牧兽医局", "县农机总站", "县供销社", "县税务局", "县气象局", "县烟草专卖局", "县邮政分公司", "农业银行汪清县支行",
	"汪清县农村信用合作联社", "邮储银行汪清县支行", "县供电公司", "县移动分公司", "县联通分公司", "县电信分公司", "县总工会", "团县委",
	"县妇联", "县科协", "县工商联", "县残联", "县红十字会", "县人民法院", "县人民检察院", "县档案馆",
	"县融媒体中心", "县图书馆", "县人民医院", "县中医院", "县疾病预防控制中心", "县职业技术学校", "县第一中学", "县第四中学",
	"县实验小学", "县农业技术推广总站", "县农村经营管理站", "县水产技术推广站", "县植物保护站", "县土壤肥料工作站", "县种子管理站", "县林业科学研究所",
	"县林业工作总站", "县动物疫病预防控制中心", "县农产品质量安全检验检测站", "县经济开发区管委会", "县粮食和物资储备局", "县城市管理综合执法局", "县公共资源交易中心", "县政务服务中心",
	"县机关事务服务中心", "县不动产登记中心", "县住房公积金管理中心", "县消防救援大队",
}

// Platform dates of the demo: the county's 包村联户 and 结对帮扶 campaigns
// began in 2012; loans and trainings earlier.
var (
	campaignFrom = hezuo.MustDate("2012-03-01")
	campaignTo   = hezuo.MustDate("2021-12-31")
)

// units makes the county units (deptTable's departments linked to their
// department) and the township governments.
func (b *builder) units(ps *platformSet) {
	deptByName := map[string]string{}
	for _, d := range deptTable {
		deptByName[d.name] = d.code
	}
	for i, name := range countyUnits {
		code := fmt.Sprintf("WQ-DW-%02d", i+1)
		u := hezuo.Unit{Code: code, Name: name, County: countyCode, Department: deptByName[name]}
		if u.Department != "" {
			ps.unitOf[u.Department] = code
		}
		ps.ds.Units = append(ps.ds.Units, u)
		ps.countyU = append(ps.countyU, code)
	}
	for _, t := range b.towns {
		code := "WQ-XZ-" + t.code[6:]
		ps.ds.Units = append(ps.ds.Units, hezuo.Unit{Code: code, Name: t.name + "人民政府", County: countyCode, Township: t.code})
		ps.townUnit[t.code] = code
	}
}

// pairingNotes are what a unit does for the org or village it assists.
var pairingNotes = []string{"协调项目资金", "帮助规范章程和财务管理", "协调贷款和贴息", "提供技术和市场信息",
	"帮助注册登记、申请品牌", "联系销售渠道", "帮助建设基础设施"}

// unitPairings pairs every unit with a village (包村) and the seed's 80 orgs
// with units (包扶组织): departments mostly with orgs of their industry,
// township governments with orgs of their township; twelve orgs have two
// units. A few earlier pairings with other orgs have ended.
func (b *builder) unitPairings(ps *platformSet) {
	add := func(unit, org, village string, from, to hezuo.Date) {
		ps.ds.UnitPairings = append(ps.ds.UnitPairings, hezuo.UnitPairing{Unit: unit, OrgNo: org, Village: village,
			Note: pairingNotes[b.r.IntN(len(pairingNotes))], Period: hezuo.Period{From: from, To: to}})
	}
	for _, u := range ps.ds.Units {
		t := b.townByWeight()
		if u.Township != "" {
			t = b.townCode(u.Township)
		}
		add(u.Code, "", t.villages[b.r.IntN(len(t.villages))].code, b.between(campaignFrom, campaignTo), hezuo.Date{})
	}
	var chosen, others []*orgPlan
	for _, o := range b.orgs {
		if o.Model {
			chosen = append(chosen, o)
		} else {
			others = append(others, o)
		}
	}
	perm := b.r.Perm(len(others))
	n := ps.t.OrgsAssisted - len(chosen)
	for _, k := range perm[:n] {
		chosen = append(chosen, others[k])
	}
	for i, o := range chosen {
		units := 1
		if i < 12 {
			units = 2
		}
		used := map[string]bool{}
		for j := 0; j < units; j++ {
			unit := b.assistingUnit(ps, o)
			for used[unit] {
				unit = ps.countyU[b.r.IntN(len(ps.countyU))]
			}
			used[unit] = true
			add(unit, o.OrgNo, "", b.between(later(campaignFrom, o.Founded.AddDate(0, 6, 0)), campaignTo), hezuo.Date{})
		}
	}
	ended := 0
	for _, k := range perm[n:] {
		if o := others[k]; ended < 10 && o.Founded.Before(hezuo.MustDate("2016-01-01")) {
			from := b.between(later(campaignFrom, o.Founded.AddDate(0, 6, 0)), hezuo.MustDate("2018-12-31"))
			add(b.assistingUnit(ps, o), o.OrgNo, "", from, from.AddDate(2+b.r.IntN(2), 0, 0))
			ended++
		}
	}
}

// assistingUnit picks a unit for an org: its industry's department, its
// township's government or any county unit.
func (b *builder) assistingUnit(ps *platformSet, o *orgPlan) string {
	if dept := b.deptCode(o.Industry); dept != "" && b.chance(0.45) {
		return ps.unitOf[dept]
	}
	if b.chance(0.3) {
		return ps.townUnit[o.town.code]
	}
	return ps.countyU[b.r.IntN(len(ps.countyU))]
}

// deptCode returns the code of the department answering for an industry.
func (b *builder) deptCode(industry string) string {
	for _, d := range deptTable {
		for _, ind := range d.industries {
			if ind == industry {
				return d.code
			}
		}
	}
	return ""
}

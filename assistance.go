package hezuo

import "fmt"

// Unit is a county or township unit (单位): a department, bureau, office or
// township government. Units pair with orgs and villages (包村联户), organize
// trainings and employ the public servants who guarantee loans. Code is the
// key; Township (9 digits) is set for a township unit and empty for a
// county unit; Department names the agriculture-related department
// (Department.Code) the unit is, when it is one.
type Unit struct {
	Code       string `json:"code" bound:"code"`
	Name       string `json:"name" bound:"name"`
	County     string `json:"county" bound:"code"` // 6 digits
	Township   string `json:"township,omitempty" bound:"code"`
	Department string `json:"department,omitempty" bound:"code"`
}

// Seat returns the 12-digit division the unit belongs to: its township, or
// its county.
func (u *Unit) Seat() string {
	if u.Township != "" {
		return u.Township + "000"
	}
	return u.County + "000000"
}

// Validate checks the unit's own fields.
func (u *Unit) Validate() error {
	rec := "单位 " + u.Code
	c := boundsOf(rec, u, Today(China))
	c.required("单位 "+u.Name, "code", u.Code, "缺少单位代码", "unit code missing")
	c.required(rec, "name", u.Name, "缺少单位名称", "unit name missing")
	if len(u.County) != 6 || !allDigits(u.County) {
		c.add(Invalid(rec, "county", "所属县应为 6 位代码", "county must be a 6-digit code"))
	} else if u.Township != "" && (len(u.Township) != 9 || !allDigits(u.Township) || u.Township[:6] != u.County) {
		c.add(Invalid(rec, "township", "所属乡镇应为本县的 9 位乡镇代码", "township must be a 9-digit code of the unit's county"))
	}
	return c.err()
}

// UnitPairing is a unit's 包村联户 pairing with an org (OrgNo) or a village
// (Village, 12 digits) during Period: exactly one of the two is set.
type UnitPairing struct {
	Unit    string `json:"unit" bound:"code"`
	OrgNo   string `json:"org_id,omitempty" bound:"key"`
	Village string `json:"village,omitempty" bound:"code"`
	Note    string `json:"note,omitempty" bound:"note:2000"` // what the unit does: funds, projects, advice
	Period
}

// Target returns the paired org's number or the village code.
func (p *UnitPairing) Target() string {
	if p.OrgNo != "" {
		return p.OrgNo
	}
	return p.Village
}

// Validate checks that exactly one target is set and the period.
func (p *UnitPairing) Validate() error {
	rec := fmt.Sprintf("包村联户 %s→%s", p.Unit, p.Target())
	c := boundsOf(rec, p, Today(China))
	if (p.OrgNo == "") == (p.Village == "") {
		c.add(Invalid(rec, "org_id", "应填写且只填写一个帮扶对象：组织编号或村", "give exactly one target: an org_id or a village"))
	} else if p.Village != "" && (len(p.Village) != 12 || !allDigits(p.Village)) {
		c.add(Invalid(rec, "village", "村应为 12 位村级区划代码", "village must be a 12-digit village code"))
	}
	c.add(p.Period.Validate(rec))
	return c.err()
}

// Poverty statuses of a household when it was paired.
const (
	PovertyRegistered = "registered" // 建档立卡贫困户
	PovertyLowIncome  = "low_income" // 低收入户 / 边缘户
	PovertyNone       = "none"       // 一般农户
)

// PovertyNames gives each poverty status's Chinese name.
var PovertyNames = map[string]string{PovertyRegistered: "建档立卡贫困户", PovertyLowIncome: "低收入户", PovertyNone: "一般农户"}

// Household is a farm household (农户), keyed by No (户编号). Head is the
// head's name (households are not registry people: no ID numbers are kept).
// LeftPovertyOn is the day it left poverty (脱贫), zero while it has not;
// PeopleOut is how many of its people left poverty then.
type Household struct {
	No            string `json:"no" bound:"key"`
	Head          string `json:"head" bound:"name"`
	Village       string `json:"village" bound:"code"`
	Size          int    `json:"size" bound:"int:0:100"`
	Poverty       string `json:"poverty" bound:"enum"`
	LeftPovertyOn Date   `json:"left_poverty_on,omitempty" bound:"date"`
	PeopleOut     int    `json:"people_out,omitempty" bound:"int:0:100"`
}

// Validate checks the household's fields: a size of at least one, people
// out of poverty only with a date and never more than the household holds.
func (h *Household) Validate() error {
	rec := "农户 " + h.No
	c := boundsOf(rec, h, Today(China))
	c.required("农户 "+h.Head, "no", h.No, "缺少户编号", "household number missing")
	c.required(rec, "head", h.Head, "缺少户主姓名", "head of household missing")
	if len(h.Village) != 12 || !allDigits(h.Village) {
		c.add(Invalid(rec, "village", "所在村应为 12 位村级区划代码", "village must be a 12-digit village code"))
	}
	if h.Size < 1 {
		c.add(Invalid(rec, "size", "家庭人口至少 1 人", "a household has at least one person"))
	}
	if PovertyNames[h.Poverty] == "" {
		c.add(Invalid(rec, "poverty", "贫困状态无效（registered、low_income 或 none）", "poverty status must be registered, low_income or none"))
	}
	if h.PeopleOut < 0 || (h.Size >= 1 && h.PeopleOut > h.Size) {
		c.add(Invalid(rec, "people_out", fmt.Sprintf("脱贫人数应在 0 到家庭人口 %d 之间", h.Size), fmt.Sprintf("people out of poverty must be between 0 and the household's %d", h.Size)))
	}
	if h.PeopleOut > 0 && h.LeftPovertyOn.IsZero() {
		c.add(Invalid(rec, "left_poverty_on", "有脱贫人数时应填写脱贫日期", "people out of poverty need the date the household left poverty"))
	} else if !h.LeftPovertyOn.IsZero() && h.Poverty == PovertyNone {
		c.add(Invalid(rec, "left_poverty_on", "一般农户没有脱贫日期", "a household that was not poor cannot leave poverty"))
	}
	return c.err()
}

// HouseholdPairing is a party member's 结对帮扶 pairing with a household
// during Period; OrgNo is the org whose member the party member is (the seed
// counts pairings by cooperative party members), Help what was given.
type HouseholdPairing struct {
	IDNumber  string `json:"id_number" bound:"id"`  // the party member
	Household string `json:"household" bound:"key"` // Household.No
	OrgNo     string `json:"org_id,omitempty" bound:"key"`
	Help      string `json:"help,omitempty" bound:"note:2000"` // 致富信息、实用技术、生产发展资金、发展项目…
	Period
}

// Validate checks the pairing's keys and period.
func (p *HouseholdPairing) Validate() error {
	rec := fmt.Sprintf("结对帮扶 %s→%s", MaskIDNumber(p.IDNumber), p.Household)
	c := boundsOf(rec, p, Today(China))
	if p.IDNumber == "" || p.Household == "" {
		c.add(Invalid(rec, "household", "结对帮扶需要党员身份证号和户编号", "a pairing needs the party member's ID number and the household"))
	}
	c.add(p.Period.Validate(rec))
	return c.err()
}

package hezuo

// Sexes.
const (
	SexMale   = "M"
	SexFemale = "F"
)

// Person is anyone the registry knows: org members, secretaries, instructors.
// IDNumber (居民身份证号码, GB 11643) is the key; BirthDate and Sex are derived
// from it. TalentSince and LeaderSince date the flags 农村专业技术人才 and
// 致富能手/技术骨干 (zero = not flagged). BirthYear is set on a masked copy
// only (Masked), whose BirthDate is zero.
type Person struct {
	ID          int64  `json:"-" bound:"-"`
	IDNumber    string `json:"id_number" bound:"id"`
	Name        string `json:"name" bound:"name"`
	Sex         string `json:"sex" bound:"enum"`
	BirthDate   Date   `json:"birth_date,omitzero" bound:"date"`
	BirthYear   int    `json:"birth_year,omitempty" bound:"-"`
	Village     string `json:"village,omitempty" bound:"code"` // 12-digit home village, may be empty
	Phone       string `json:"phone,omitempty" bound:"phone"`
	TalentSince Date   `json:"talent_since,omitempty" bound:"date"`
	LeaderSince Date   `json:"leader_since,omitempty" bound:"date"`
}

// IsTalentOn and IsLeaderOn report the dated flags.
func (p *Person) IsTalentOn(day Date) bool {
	return !p.TalentSince.IsZero() && !day.Before(p.TalentSince)
}
func (p *Person) IsLeaderOn(day Date) bool {
	return !p.LeaderSince.IsZero() && !day.Before(p.LeaderSince)
}

// Validate checks the ID number and derives BirthDate and Sex from it
// (overwriting what was there); today bounds the birth date.
func (p *Person) Validate(today Date) error {
	rec := "人员 " + p.Name
	c := boundsOf(rec, p, today)
	id, birth, sex, err := ParseIDNumber(p.IDNumber, today)
	if err != nil {
		for _, e := range FieldErrors(err) {
			c.add(Invalid(rec, "id_number", e.ZH, e.EN))
			break
		}
	} else {
		p.IDNumber, p.BirthDate, p.Sex = id, birth, sex
	}
	c.required("人员 "+MaskIDNumber(id), "name", p.Name, "缺少姓名", "name missing")
	if p.Village != "" && (len(p.Village) != 12 || !allDigits(p.Village)) {
		c.add(Invalid(rec, "village", "所在村应为 12 位村级区划代码", "village must be a 12-digit village code"))
	}
	if p.Phone != "" && !validPhone(p.Phone) {
		c.add(Invalid(rec, "phone", "联系电话格式不正确", "phone number malformed"))
	}
	return c.err()
}

func validPhone(s string) bool {
	n := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			n++
		case c == '-' || c == ' ' || c == '+':
		default:
			return false
		}
	}
	return n >= 7 && n <= 15
}

// Membership is a person's membership of an org during Period.
type Membership struct {
	ID       int64  `json:"-" bound:"-"`
	IDNumber string `json:"id_number" bound:"id"` // the person
	OrgNo    string `json:"org_id" bound:"key"`
	Role     string `json:"role,omitempty" bound:"text:40"` // 理事长, 会长, 成员…; free text
	Period
}

// Party statuses, in the order of the development procedure.
const (
	StatusApplicant    = "applicant"    // 入党申请人
	StatusActivist     = "activist"     // 入党积极分子
	StatusCandidate    = "candidate"    // 发展对象
	StatusProbationary = "probationary" // 预备党员
	StatusFull         = "full"         // 正式党员
)

// StatusNames gives each party status's Chinese name.
var StatusNames = map[string]string{
	StatusApplicant: "入党申请人", StatusActivist: "入党积极分子", StatusCandidate: "发展对象",
	StatusProbationary: "中共预备党员", StatusFull: "中共党员",
}

// PartyStatus is one step of a person's party status history. HomePartyOrg
// is the party organization holding the person's party relation (组织关系)
// during that step, when known. FromUnknown marks a step whose start is a
// stand-in (a party member stated without 入党日期 counts from the day the
// person joined their org, or from the day recorded): the status is a fact,
// since when is not; the check and the report list such people.
type PartyStatus struct {
	ID           int64  `json:"-" bound:"-"`
	IDNumber     string `json:"id_number" bound:"id"`
	Status       string `json:"status" bound:"enum"`
	HomePartyOrg string `json:"home_party_org,omitempty" bound:"key"` // PartyOrg.No
	FromUnknown  bool   `json:"from_unknown,omitempty" bound:"-"`
	Period
}

// Validate checks the status name and period.
func (s *PartyStatus) Validate() error {
	rec := "政治面貌 " + MaskIDNumber(s.IDNumber)
	c := boundsOf(rec, s, Today(China))
	if _, ok := StatusNames[s.Status]; !ok {
		c.add(Invalid(rec, "status", "政治面貌无效", "unknown party status "+s.Status))
	}
	c.add(s.Period.Validate(rec))
	return c.err()
}

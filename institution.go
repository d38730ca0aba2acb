package hezuo

import (
	"fmt"
	"strings"
)

// Meeting kinds: the organizational life of a party organization (三会一课,
// 主题党日, 组织生活会, 民主评议党员) and the joint meeting of an org's party
// organization with its village party organization (联席会议).
const (
	MeetingMembers   = "members_meeting"   // 支部党员大会
	MeetingCommittee = "committee_meeting" // 支部委员会会议
	MeetingGroup     = "group_meeting"     // 党小组会
	MeetingLecture   = "party_lecture"     // 党课
	MeetingThemeDay  = "theme_day"         // 主题党日
	MeetingLife      = "life_meeting"      // 组织生活会
	MeetingAppraisal = "appraisal"         // 民主评议党员
	MeetingJoint     = "joint_meeting"     // 与村党组织联席会议
)

// MeetingKinds lists the meeting kinds in display order.
var MeetingKinds = []string{MeetingMembers, MeetingCommittee, MeetingGroup, MeetingLecture,
	MeetingThemeDay, MeetingLife, MeetingAppraisal, MeetingJoint}

// MeetingNames gives each meeting kind's Chinese name.
var MeetingNames = map[string]string{
	MeetingMembers: "支部党员大会", MeetingCommittee: "支委会", MeetingGroup: "党小组会", MeetingLecture: "党课",
	MeetingThemeDay: "主题党日", MeetingLife: "组织生活会", MeetingAppraisal: "民主评议党员", MeetingJoint: "联席会议",
}

// MeetingNamesEN gives each meeting kind's English name.
var MeetingNamesEN = map[string]string{
	MeetingMembers: "members' meeting", MeetingCommittee: "committee meeting", MeetingGroup: "party group meeting",
	MeetingLecture: "party lecture", MeetingThemeDay: "theme party day", MeetingLife: "organizational-life meeting",
	MeetingAppraisal: "democratic appraisal", MeetingJoint: "joint meeting with the village",
}

// Meeting is a meeting held by a party organization, keyed by (PartyOrg,
// Kind, HeldOn). A joint meeting names the village party organization it
// was held with (VillagePartyOrg) and its participants.
type Meeting struct {
	PartyOrg        string `json:"party_org" bound:"key"`
	Kind            string `json:"kind" bound:"enum"`
	HeldOn          Date   `json:"held_on" bound:"date"`
	Topic           string `json:"topic" bound:"text:200"`
	VillagePartyOrg string `json:"village_party_org,omitempty" bound:"key"`
	Participants    string `json:"participants,omitempty" bound:"note:2000"`
	Decisions       string `json:"decisions,omitempty" bound:"note:4000"`
}

// Key returns "PartyOrg/Kind/HeldOn", naming the meeting in messages.
func (m *Meeting) Key() string { return m.PartyOrg + "/" + m.Kind + "/" + m.HeldOn.String() }

// Validate checks the meeting's own fields.
func (m *Meeting) Validate() error {
	rec := "会议 " + m.Key()
	c := boundsOf(rec, m, Today(China))
	if m.PartyOrg == "" {
		c.add(Invalid(rec, "party_org", "缺少党组织编号", "party organization missing"))
	}
	if m.Kind == "" {
		c.add(Invalid(rec, "kind", "请选择会议类型", "choose the meeting kind"))
	} else if MeetingNames[m.Kind] == "" {
		c.add(Invalid(rec, "kind", fmt.Sprintf("会议类型 %q 无效", m.Kind), fmt.Sprintf("unknown meeting kind %q", m.Kind)))
	}
	if m.HeldOn.IsZero() {
		c.add(Invalid(rec, "held_on", "缺少会议日期", "date missing"))
	}
	c.required(rec, "topic", m.Topic, "缺少会议议题", "topic missing")
	if m.Kind == MeetingJoint && m.VillagePartyOrg == "" {
		c.add(Invalid(rec, "village_party_org", "联席会议应填写参加的村党组织", "a joint meeting names the village party organization"))
	}
	return c.err()
}

// MeetingAttendance is a person's attendance at a meeting. The meeting must
// have happened: its date may not lie after the day the record is loaded.
type MeetingAttendance struct {
	PartyOrg string `json:"party_org" bound:"key"`
	Kind     string `json:"kind" bound:"enum"`
	HeldOn   Date   `json:"held_on" bound:"date"`
	IDNumber string `json:"id_number" bound:"id"`
}

// ContactLink is a party member's linked household (党员联系户) during Period.
type ContactLink struct {
	IDNumber  string `json:"id_number" bound:"id"`
	Household string `json:"household" bound:"key"`
	Period
}

// ContactVisit is a party member's visit to a linked household.
type ContactVisit struct {
	IDNumber  string `json:"id_number" bound:"id"`
	Household string `json:"household" bound:"key"`
	VisitedOn Date   `json:"visited_on" bound:"date"`
	Note      string `json:"note,omitempty" bound:"note:2000"`
}

// Fulfilment results of a commitment.
const (
	FulfilledAll  = "fulfilled" // 已践诺
	FulfilledPart = "partly"    // 部分践诺
	FulfilledNot  = "not"       // 未践诺
)

// FulfilmentNames gives each result's Chinese name.
var FulfilmentNames = map[string]string{FulfilledAll: "已践诺", FulfilledPart: "部分践诺", FulfilledNot: "未践诺"}

// Commitment is a party member's yearly commitment (党员承诺) made in a
// party organization, keyed by (IDNumber, Year), and its fulfilment (践诺):
// the day it was assessed, the result and the evidence.
type Commitment struct {
	IDNumber    string `json:"id_number" bound:"id"`
	Year        int    `json:"year" bound:"int:1949:2200"`
	PartyOrg    string `json:"party_org" bound:"key"`
	MadeOn      Date   `json:"made_on" bound:"date"`
	Content     string `json:"content" bound:"note:4000"`
	FulfilledOn Date   `json:"fulfilled_on,omitempty" bound:"date"`
	Result      string `json:"result,omitempty" bound:"note:4000"`
	Evidence    string `json:"evidence,omitempty" bound:"note:4000"`
}

// Validate checks the commitment's own fields; whether the person is a
// party member is the store's to check.
func (c *Commitment) Validate() error {
	rec := fmt.Sprintf("党员承诺 %s/%d", MaskIDNumber(c.IDNumber), c.Year)
	errs := boundsOf(rec, c, Today(China))
	if c.IDNumber == "" || c.PartyOrg == "" {
		errs.add(Invalid(rec, "party_org", "承诺需要党员身份证号和党组织编号", "a commitment needs the member's ID number and the party organization"))
	}
	yearOK := c.Year >= 1921 && c.Year <= 9999
	if !yearOK {
		errs.add(Invalid(rec, "year", "承诺年度无效", "invalid year"))
	}
	if c.MadeOn.IsZero() || (yearOK && (c.MadeOn.Year() < c.Year-1 || c.MadeOn.Year() > c.Year)) {
		errs.add(Invalid(rec, "made_on", "承诺日期应在承诺年度内（或上一年末）", "the commitment is made in its year (or at the end of the year before)"))
	}
	errs.required(rec, "content", c.Content, "缺少承诺内容", "content missing")
	if !c.FulfilledOn.IsZero() && !c.MadeOn.IsZero() && c.FulfilledOn.Before(c.MadeOn) {
		errs.add(Invalid(rec, "fulfilled_on", "践诺日期早于承诺日期", "fulfilled before it was made"))
	}
	if !c.FulfilledOn.IsZero() && FulfilmentNames[c.Result] == "" {
		errs.add(Invalid(rec, "result", "践诺结果应为 fulfilled、partly 或 not", "result must be fulfilled, partly or not"))
	}
	if c.Result == FulfilledAll && strings.TrimSpace(c.Evidence) == "" {
		errs.add(Invalid(rec, "evidence", "已践诺的承诺应有佐证材料", "a fulfilled commitment needs its evidence"))
	}
	if c.Result != "" && c.FulfilledOn.IsZero() {
		errs.add(Invalid(rec, "fulfilled_on", "有践诺结果时应填写践诺日期", "a result needs the day it was assessed"))
	}
	return errs.err()
}

// LifeSummary sums up the organizational life of a scope's party
// organizations over a period: meetings held, attendances, the people
// attending, and the attendances of members whose party relation is held
// by another organization (dual organizational life, 双重组织生活).
type LifeSummary struct {
	From            Date `json:"from"`
	To              Date `json:"to"` // inclusive
	Meetings        int  `json:"meetings"`
	Attendances     int  `json:"attendances"`
	People          int  `json:"people"`
	DualAttendances int  `json:"dual_attendances"`
}

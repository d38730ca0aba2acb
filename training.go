package hezuo

import "fmt"

// Training modes.
const (
	ModeOnSite = "on_site" // 现场培训（技术下乡、请进来、走出去）
	ModeRemote = "remote"  // 农村党员干部现代远程教育网络
)

// ModeNames gives each training mode's Chinese name.
var ModeNames = map[string]string{ModeOnSite: "现场培训", ModeRemote: "远程教育"}

// Training is a training session (培训班) of the science-and-technology
// platform, keyed by No: held on HeldOn at Place (a division code of any
// level, stored as 12 digits: a village, a township, or the county),
// organized by Organizer (Unit.Code), for an industry, on site or through
// the remote-education network, for Hours class hours.
type Training struct {
	No        string `json:"no" bound:"key"`
	HeldOn    Date   `json:"held_on" bound:"date"`
	Topic     string `json:"topic" bound:"text:200"`
	Organizer string `json:"organizer" bound:"code"`
	Industry  string `json:"industry,omitempty" bound:"name"`
	Mode      string `json:"mode" bound:"enum"`
	Hours     int    `json:"hours" bound:"int:0:1000"`
	Place     string `json:"place" bound:"code"`
}

// Validate checks the session's own fields and pads Place to 12 digits.
func (t *Training) Validate() error {
	rec := "培训 " + t.No
	c := boundsOf(rec, t, Today(China))
	c.required("培训 "+t.Topic, "no", t.No, "缺少培训编号", "training number missing")
	if t.HeldOn.IsZero() {
		c.add(Invalid(rec, "held_on", "缺少培训日期", "date missing"))
	}
	c.required(rec, "topic", t.Topic, "缺少培训主题", "topic missing")
	c.required(rec, "organizer", t.Organizer, "缺少主办单位", "organizer missing")
	if ModeNames[t.Mode] == "" {
		c.add(Invalid(rec, "mode", "培训方式应为 on_site（现场）或 remote（远程教育）", "mode must be on_site or remote"))
	}
	if t.Hours < 1 {
		c.add(Invalid(rec, "hours", "学时至少 1 学时", "at least one class hour"))
	}
	if place, err := NormalizeDivisionCode(t.Place); err != nil {
		c.add(Invalid(rec, "place", "培训地点应为 6、9 或 12 位区划代码", "place must be a 6-, 9- or 12-digit division code"))
	} else if len(c.list) == 0 {
		t.Place = place
	}
	return c.err()
}

// TrainingAttendance is a person's attendance at a training session, as a
// member of OrgNo when given.
type TrainingAttendance struct {
	Training string `json:"training" bound:"key"` // Training.No
	IDNumber string `json:"id_number" bound:"id"`
	OrgNo    string `json:"org_id,omitempty" bound:"key"`
}

// Validate checks that the attendance names its session and person.
func (a *TrainingAttendance) Validate() error {
	if err := Bounded("TrainingAttendance", a, Today(China)); err != nil {
		return err
	}
	if a.Training == "" || a.IDNumber == "" {
		return Invalid(fmt.Sprintf("参训 %s@%s", MaskIDNumber(a.IDNumber), a.Training), "training",
			"参训记录需要培训编号和身份证号", "an attendance needs the training and the ID number")
	}
	return nil
}

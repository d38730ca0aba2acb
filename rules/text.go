package rules

import (
	"strconv"

	"hezuo"
)

// formNamesEN gives the English name of each form an org's coverage can take.
var formNamesEN = map[string]string{
	hezuo.FormBranch: "party branch", hezuo.FormGeneralBranch: "general party branch",
	hezuo.FormCommittee: "party committee", hezuo.FormJointBranch: "joint party branch",
	hezuo.FormPartyGroup: "industry party group", ActualInstructor: "party-building instructor",
	ActualNone: "nothing",
}

// formZH returns the Chinese name of an actual form.
func formZH(form string) string {
	switch form {
	case ActualInstructor:
		return "党建工作指导员"
	case ActualNone:
		return "无"
	}
	if n, ok := hezuo.FormNames[form]; ok {
		return n
	}
	return form
}

// formEN returns the English name of an actual form.
func formEN(form string) string {
	if n, ok := formNamesEN[form]; ok {
		return n
	}
	return form
}

// aFormEN returns the English name with its article: "an industry party group".
func aFormEN(form string) string {
	n := formEN(form)
	if form == ActualNone {
		return n
	}
	switch n[0] {
	case 'a', 'e', 'i', 'o', 'u':
		return "an " + n
	}
	return "a " + n
}

// describeZH names a covering party organization: "绥芬农机合作社党支部（党支部，编号 P001）".
func describeZH(c *Cover) string {
	switch {
	case c.Name != "" && c.No != "":
		return c.Name + "（" + formZH(c.Form) + "，编号 " + c.No + "）"
	case c.Name != "":
		return c.Name + "（" + formZH(c.Form) + "）"
	case c.No != "":
		return formZH(c.Form) + " " + c.No
	}
	return formZH(c.Form)
}

// describeEN names a covering party organization in English.
func describeEN(c *Cover) string {
	switch {
	case c.Name != "" && c.No != "":
		return c.Name + " (" + formEN(c.Form) + ", no. " + c.No + ")"
	case c.Name != "":
		return c.Name + " (" + formEN(c.Form) + ")"
	case c.No != "":
		return formEN(c.Form) + " " + c.No
	}
	return "the " + formEN(c.Form)
}

// countEN returns "1 unit" or "n units" for a regular English noun.
func countEN(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

// fullEN returns "1 full party member" or "n full party members".
func fullEN(n int) string { return countEN(n, "full party member") }

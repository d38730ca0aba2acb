package hezuo

import (
	"errors"
	"testing"
)

func TestCheckDevelopmentStep(t *testing.T) {
	day := DateOf(2020, 7, 1)
	for _, c := range []struct {
		status, last string
		unknown, bad bool
	}{
		{StatusApplicant, "", false, false},
		{StatusProbationary, "", false, true}, // a member without development steps
		{StatusFull, "", false, true},
		{StatusActivist, StatusApplicant, false, false},
		{StatusFull, StatusProbationary, false, false},
		{StatusFull, StatusProbationary, true, true}, // probation with no known start
		{StatusApplicant, StatusFull, false, true},   // nothing after full membership
	} {
		err := CheckDevelopmentStep("第 2 行", "张三", c.status, c.last, day, c.unknown)
		if (err != nil) != c.bad {
			t.Errorf("%s after %q (unknown %t): %v", c.status, c.last, c.unknown, err)
		}
		var e *Error
		if err != nil && (!errors.As(err, &e) || e.Code != EINVALID || e.Record != "第 2 行" || e.Field != "status") {
			t.Errorf("%s after %q: %#v", c.status, c.last, err)
		}
	}
}

package store

import (
	"context"
	"fmt"
	"hezuo"
	"hezuo/rules"
	"time"
)

// Development is the door to party development (发展党员): the steps of a person on the way to membership.
//
// Errors are *hezuo.Error with a code: EINVALID (a field out of its bounds or
// its rules, with the field named), EFORBIDDEN (the role may not do it),
// ENOTFOUND (no such record, or one outside the user's scope: the two are
// never told apart), ECONFLICT (a stale version, a taken number); any other
// error is the database's.
type Development interface {
	// Development returns the development page of the requested scope on day
	// for a (EFORBIDDEN outside a's scope). state filters people by an item
	// state (due, overdue, ready, irregular; "" any).
	Development(ctx context.Context, a *hezuo.Access, req hezuo.Scope, day hezuo.Date, step, state string, page, perPage int) (*DevPage, error)
	// PersonStep returns the name of the person with database id and their
	// development step on day ("" when none), if the person is a member of an
	// org a reaches (else ENOTFOUND): the step and visit forms name whom they
	// record for.
	PersonStep(ctx context.Context, a *hezuo.Access, id int64, day hezuo.Date) (string, string, error)
	// AddPartyStep records the next development step (status from day from)
	// of the person with database id personID, ending the current step that
	// day, in one transaction with its audit entry. Steps go in order
	// (applicant → activist → candidate → probationary → full, one at a time,
	// each after the last); a development object named before
	// activist_min_months as an activist, or a conversion before
	// probation_months of probation, is EINVALID beside from; so is a step
	// after today.
	AddPartyStep(ctx context.Context, a *hezuo.Access, personID int64, status string, from hezuo.Date, today hezuo.Date, now time.Time) error
}

// DevSteps lists the development steps in order.
var DevSteps = []string{hezuo.StatusApplicant, hezuo.StatusActivist, hezuo.StatusCandidate, hezuo.StatusProbationary, hezuo.StatusFull}

// DevPerson is one person in development on a day: the current step, the
// day each step began, the orgs and the rules' items (due, overdue, ready,
// irregular).
type DevPerson struct {
	PersonID int64                 `json:"person_id"`
	Name     string                `json:"name"`
	Status   string                `json:"status"`
	Since    hezuo.Date            `json:"since"`
	Steps    map[string]hezuo.Date `json:"steps"`
	Orgs     []string              `json:"orgs"`
	Items    []rules.DevItem       `json:"items"`
}

// DevInstructor is what an instructor's dispatched orgs achieved.
type DevInstructor struct {
	PersonID     int64    `json:"person_id"`
	Name         string   `json:"name"`
	Orgs         []string `json:"orgs"`
	Activists    int      `json:"activists"`
	Candidates   int      `json:"candidates"`
	Probationary int      `json:"probationary"`
	Converted    int      `json:"members_developed"`
}

// DevPage is the development figures of a scope on a day: counts by step,
// items by state, one page of the people (in Step, or every step but full
// when Step is ""), their number, and the instructors' achievements.
type DevPage struct {
	AsOf        hezuo.Date      `json:"as_of"`
	ByStep      map[string]int  `json:"by_step"`
	Due         int             `json:"due"`
	Overdue     int             `json:"overdue"`
	Ready       int             `json:"ready"`
	Irregular   int             `json:"irregular"`
	People      []DevPerson     `json:"people"`
	Total       int             `json:"total"`
	Instructors []DevInstructor `json:"instructors"`
}

// StepChecks is a development step's own checks, every field at once: a
// known status and a day that has come (the form runs them too when
// another field is wrong, so that all are shown together).
func StepChecks(rec, status string, from, today hezuo.Date) error {
	var statusErr, fromErr error
	if hezuo.StatusNames[status] == "" {
		statusErr = hezuo.Invalid(rec, "status", "发展阶段无效", "unknown step "+status)
	}
	if from.IsZero() {
		fromErr = hezuo.Invalid(rec, "from", "缺少日期", "date missing")
	} else if from.After(today) {
		fromErr = hezuo.Invalid(rec, "from", fmt.Sprintf("日期 %s 晚于今天 %s，尚未发生", from, today), fmt.Sprintf("%s is after today (%s): it has not happened", from, today))
	}
	return hezuo.JoinErrors(statusErr, fromErr)
}

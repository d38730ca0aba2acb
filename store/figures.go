package store

import (
	"context"
	"hezuo"
	"hezuo/rules"
)

// Figures is the door to the check (the rules applied to every org) and the statistics: the dashboard, the report and the evaluation read them.
//
// Errors are *hezuo.Error with a code: EINVALID (a field out of its bounds or
// its rules, with the field named), EFORBIDDEN (the role may not do it),
// ENOTFOUND (no such record, or one outside the user's scope: the two are
// never told apart), ECONFLICT (a stale version, a taken number); any other
// error is the database's.
type Figures interface {
	// Stats computes the figures of scope on day (cli.md `stats`, meanings in
	// hezuo.Stats): the registry figures from the summaries when they are up to
	// date (summary_stats.go, cost growing with the scope's areas), else
	// directly from the records (statsDirect); then the platform figures.
	Stats(ctx context.Context, scope hezuo.Scope, day hezuo.Date) (*hezuo.Stats, error)
	// Check applies the rules to every org in scope existing on day, in org
	// number order: to the facts kept in the org segments when the summaries are
	// up to date (summary_check.go), else to facts gathered from the records.
	Check(ctx context.Context, scope hezuo.Scope, day hezuo.Date) ([]hezuo.CheckRow, error)
	// ScopedStats is Stats for a user. Division roles get the figures of the
	// narrowed scope. Roles bound to a set of orgs get the figures that can be
	// told org by org, summed over their orgs: orgs by kind, members, party
	// members, households driven and coverage; the platforms' figures of their
	// orgs (orgOwnPlatforms: instructors dispatched to them, 包村联户 pairings
	// with them, households paired through them, loans made for them, training
	// attended by their members). Party organizations and talent stay zero,
	// since they would describe orgs outside their reach.
	ScopedStats(ctx context.Context, a *hezuo.Access, req hezuo.Scope, day hezuo.Date) (*hezuo.Stats, error)
	// ScopedCheck is Check for a user: the requested scope is narrowed by a's
	// (EFORBIDDEN outside it), and for roles bound to a set of orgs only those
	// orgs' rows are returned.
	ScopedCheck(ctx context.Context, a *hezuo.Access, req hezuo.Scope, day hezuo.Date) ([]hezuo.CheckRow, error)
	// MemberTrend returns, for each day, the memberships active that day in
	// orgs existing that day that a may see inside the requested scope, and
	// those of full or probationary party members — the same definitions as
	// Stats' members and party_members, at two queries a day instead of a whole
	// Stats.
	MemberTrend(ctx context.Context, a *hezuo.Access, req hezuo.Scope, days []hezuo.Date) ([]hezuo.TrendPoint, error)
	// ReadingSummaries returns ctx for a reading that writes no records (a web
	// page or API GET): in it the summaries' version is read (and the
	// summaries refreshed if needed) once, by the first figure asked, rather
	// than once per figure: a dashboard asks for half a dozen (issue 7).
	ReadingSummaries(ctx context.Context) context.Context
	// LifeSummary sums up the organizational life of the party organizations
	// covering the orgs of scope on day, over the year up to day: meetings,
	// attendances, people, and attendances of members whose party relation was
	// held by another organization on the meeting's day (dual organizational
	// life).
	LifeSummary(ctx context.Context, scope hezuo.Scope, day hezuo.Date) (*hezuo.LifeSummary, error)
	// PartyDatesUnknown lists the party members counted on day without a known
	// start (party_status.from_unknown: 政治面貌 stated without 入党日期) who are
	// members that day of an org in scope, in org number and name order; each
	// person once, with the first such org by number.
	PartyDatesUnknown(ctx context.Context, scope hezuo.Scope, day hezuo.Date) ([]hezuo.UnknownPartyDate, error)
	// ScopedPartyDatesUnknown is PartyDatesUnknown for a user: the requested
	// scope narrowed by a's (EFORBIDDEN outside it), only orgs a may see.
	ScopedPartyDatesUnknown(ctx context.Context, a *hezuo.Access, req hezuo.Scope, day hezuo.Date) ([]hezuo.UnknownPartyDate, error)
	// Overdue lists what the party organizations built in the orgs of scope
	// have let lapse on day — meetings, visits to linked households,
	// commitments and their assessment — with the settings in force, ordered
	// by township and organization (rules.OverdueOn).
	Overdue(ctx context.Context, scope hezuo.Scope, day hezuo.Date) ([]rules.Overdue, error)
	// ScopedOverdue is Overdue for a user: the requested scope narrowed by a's
	// (EFORBIDDEN outside it), and for roles bound to a set of orgs only the
	// party organizations covering one of them.
	ScopedOverdue(ctx context.Context, a *hezuo.Access, req hezuo.Scope, day hezuo.Date) ([]rules.Overdue, error)
}

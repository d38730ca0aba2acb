package sqldb

import (
	"context"
	"testing"
	"time"

	"hezuo"
	"hezuo/store"
)

// webPlatformFixture is platformFixture with the trainings' attendances
// made as members of their orgs (成员1, 2 of A; 9 of C; 14, 15 of E).
func webPlatformFixture() *hezuo.Dataset {
	ds := platformFixture()
	orgOf := map[string]string{idNumber(1): "A", idNumber(2): "A", idNumber(9): "C", idNumber(14): "E", idNumber(15): "E"}
	for i := range ds.TrainingAttendances {
		ds.TrainingAttendances[i].OrgNo = orgOf[ds.TrainingAttendances[i].IDNumber]
	}
	return ds
}

// personIDByName returns the database id of the fixture's person named name.
func personIDByName(t *testing.T, db *DB, name string) int64 {
	t.Helper()
	var id int64
	if err := db.QueryRowContext(context.Background(), db.rebind(`SELECT id FROM people WHERE name = ?`), name).Scan(&id); err != nil {
		t.Fatalf("person %s: %v", name, err)
	}
	return id
}

var (
	fxAdmin     = &hezuo.Access{User: "admin", Role: hezuo.RoleCountyAdmin, Scope: hezuo.Scope{Prefix: fxCounty}}
	fxTownBUser = &hezuo.Access{User: "townB", Role: hezuo.RoleTownshipOfficer, Scope: hezuo.Scope{Prefix: fxTownB}}
	fxSecA      = &hezuo.Access{User: "secA", Role: hezuo.RoleBranchSecretary, Scope: hezuo.Scope{Prefix: fxTownA}, Subject: "A"}
)

// TestScopedStatsPlatforms: ScopedStats gives an org-bound role the
// platform figures of its orgs — a branch secretary its org's trainings,
// loans and pairings, an instructor those of the orgs it is dispatched to.
func TestScopedStatsPlatforms(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *DB) {
		ctx := context.Background()
		load(t, db, webPlatformFixture())
		ins := db.idHash(idNumber(99)) // an instructor's Subject is its ID number's keyed hash
		type figs struct {
			I hezuo.InstructorStats
			A hezuo.AssistanceStats
			L hezuo.LoanStats
			T hezuo.TrainingStats
		}
		for _, c := range []struct {
			a    *hezuo.Access
			want figs
		}{
			{fxSecA, figs{hezuo.InstructorStats{}, hezuo.AssistanceStats{Units: 1, OrgsAssisted: 1, HouseholdsPaired: 2, HouseholdsOut: 1, PeopleOutOfPoverty: 4},
				hezuo.LoanStats{Count: 1, TotalFen: 10_000_000, ToCooperativesFen: 10_000_000, FeeSubsidyFen: 100_000},
				hezuo.TrainingStats{Sessions: 2, RemoteSessions: 1, Attendances: 3, People: 2}}},
			{&hezuo.Access{User: "secB", Role: hezuo.RoleBranchSecretary, Scope: hezuo.Scope{Prefix: fxTownA}, Subject: "B"},
				figs{hezuo.InstructorStats{}, hezuo.AssistanceStats{HouseholdsPaired: 1},
					hezuo.LoanStats{Count: 1, TotalFen: 20_000_000, OutstandingFen: 20_000_000, Overdue: 1}, hezuo.TrainingStats{}}},
			{&hezuo.Access{User: "ins", Role: hezuo.RoleInstructor, Scope: hezuo.Scope{Prefix: fxCounty}, Subject: ins},
				figs{hezuo.InstructorStats{Dispatched: 1, OrgsCovered: 1}, hezuo.AssistanceStats{Units: 1, OrgsAssisted: 1},
					hezuo.LoanStats{}, hezuo.TrainingStats{Sessions: 1, Attendances: 1, People: 1}}},
		} {
			s, err := db.ScopedStats(ctx, c.a, hezuo.AllScope, fxDay)
			if err != nil {
				t.Fatal(err)
			}
			got := figs{s.Instructors, s.Assistance, s.Loans, s.Training}
			got.I.MembersDeveloped, got.I.Activists = 0, 0
			if got != c.want {
				t.Errorf("%s:\n got %+v\nwant %+v", c.a.Role, got, c.want)
			}
		}
		// The division roles keep Stats' figures.
		s, err := db.ScopedStats(ctx, fxAdmin, hezuo.AllScope, fxDay)
		if err != nil {
			t.Fatal(err)
		}
		if s.Training.Sessions != 2 || s.Training.Attendances != 6 || s.Loans.Count != 2 {
			t.Errorf("admin: %+v %+v", s.Training, s.Loans)
		}
	})
}

// TestWebInstitutionReads: the lists are narrowed by reach.
func TestWebInstitutionReads(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *DB) {
		ctx := context.Background()
		load(t, db, webPlatformFixture())
		items, total, err := db.ListMeetings(ctx, fxAdmin, store.MeetingFilter{}, hezuo.Today(hezuo.China))
		if err != nil || total != 7 || len(items) != 7 || items[0].HeldOn.String() != "2024-06-10" {
			t.Fatalf("admin meetings: %d %d %v", total, len(items), err)
		}
		if _, total, _ := db.ListMeetings(ctx, fxSecA, store.MeetingFilter{}, hezuo.Today(hezuo.China)); total != 6 {
			t.Errorf("the secretary of A sees %d meetings, want BA's 6", total)
		}
		if _, total, _ := db.ListMeetings(ctx, fxAdmin, store.MeetingFilter{Kind: hezuo.MeetingJoint}, hezuo.Today(hezuo.China)); total != 1 {
			t.Errorf("joint meetings: %d", total)
		}
		var mid int64
		for _, it := range items {
			if it.Kind == hezuo.MeetingMembers {
				mid = it.ID
			}
		}
		d, err := db.GetMeeting(ctx, fxSecA, mid, hezuo.Today(hezuo.China))
		if err != nil || len(d.Attendees) != 3 || d.TownshipName != "甲镇" {
			t.Fatalf("meeting: %+v %v", d, err)
		}
		if _, err := db.GetMeeting(ctx, fxTownBUser, mid, hezuo.Today(hezuo.China)); hezuo.ErrorCode(err) != hezuo.ENOTFOUND {
			t.Errorf("town B reads A's meeting: %v", err)
		}
		counts, err := db.MeetingCounts(ctx, fxAdmin, hezuo.AllScope, fxDay.AddDate(-1, 0, 1), fxDay, hezuo.Today(hezuo.China))
		if err != nil || len(counts) != 2 || counts[0].PartyOrg != "BA" || counts[0].ByKind[hezuo.MeetingMembers] != 1 || counts[0].Attendances != 3 ||
			len(counts[0].Orgs) != 1 || counts[0].Orgs[0] != "A" {
			t.Errorf("counts: %+v %v", counts, err)
		}
		all, err := db.ScopedOverdue(ctx, fxAdmin, hezuo.AllScope, fxDay)
		if err != nil || len(all) == 0 {
			t.Fatalf("overdue: %d %v", len(all), err)
		}
		mine, _ := db.ScopedOverdue(ctx, fxSecA, hezuo.AllScope, fxDay)
		for _, o := range mine {
			if o.PartyOrg != "BA" {
				t.Errorf("the secretary of A sees %s overdue", o.PartyOrg)
			}
		}
		if len(mine) == 0 || len(mine) >= len(all) {
			t.Errorf("the secretary sees %d of %d overdue items", len(mine), len(all))
		}
		if _, err := db.ScopedOverdue(ctx, fxTownBUser, hezuo.Scope{Prefix: fxTownA}, fxDay); hezuo.ErrorCode(err) != hezuo.EFORBIDDEN {
			t.Errorf("town B asks for town A's overdue: %v", err)
		}
		cs, n, err := db.ListCommitments(ctx, fxAdmin, store.CommitmentFilter{Pending: true}, hezuo.Today(hezuo.China))
		if err != nil || n != 2 || len(cs) != 2 {
			t.Errorf("pending commitments: %d %v", n, err)
		}
		links, n, err := db.ListContacts(ctx, fxSecA, hezuo.AllScope, fxDay, 1, 0)
		if err != nil || n != 1 || links[0].Visits != 1 || links[0].LastVisit.String() != "2024-02-01" {
			t.Errorf("contacts: %+v %v", links, err)
		}
		// Training: the admin sees both sessions, town B the one held there,
		// the secretary both (attended by A's members) with A's attendances only.
		tr, n, err := db.ListTrainings(ctx, fxAdmin, store.TrainingFilter{Sort: "-attendances"}, hezuo.Today(hezuo.China))
		if err != nil || n != 2 || tr[0].Attendances != 3 {
			t.Errorf("admin trainings: %+v %v", tr, err)
		}
		if _, n, _ := db.ListTrainings(ctx, fxTownBUser, store.TrainingFilter{}, hezuo.Today(hezuo.China)); n != 1 {
			t.Errorf("town B sees %d trainings", n)
		}
		tr, n, _ = db.ListTrainings(ctx, fxSecA, store.TrainingFilter{}, hezuo.Today(hezuo.China))
		if n != 2 || tr[0].Attendances+tr[1].Attendances != 3 {
			t.Errorf("the secretary's trainings: %+v", tr)
		}
		td, err := db.GetTraining(ctx, fxSecA, tr[0].ID, hezuo.Today(hezuo.China))
		if err != nil || len(td.Attendees) != tr[0].Attendances {
			t.Errorf("training detail: %+v %v", td, err)
		}
		fig, err := db.TrainingFiguresOf(ctx, fxAdmin, hezuo.AllScope, fxDay, hezuo.Today(hezuo.China))
		if err != nil || fig.Sessions != 2 || fig.Attendances != 6 || fig.People != 5 || len(fig.ByOrganizer) != 2 || len(fig.ByOrg) != 3 {
			t.Errorf("figures: %+v %v", fig, err)
		}
	})
}

// TestWebInstitutionWrites: each form's refusal, and a write with its
// audit entry.
func TestWebInstitutionWrites(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *DB) {
		ctx := context.Background()
		load(t, db, webPlatformFixture())
		now := time.Now()
		field := func(err error) string {
			if e, ok := err.(*hezuo.Error); ok {
				return e.Code + "/" + e.Field
			}
			if err == nil {
				return "nil"
			}
			return err.Error()
		}
		p1, p5, p9 := personIDByName(t, db, "成员1"), personIDByName(t, db, "成员5"), personIDByName(t, db, "成员9")
		m := store.MeetingInput{Meeting: hezuo.Meeting{PartyOrg: "BA", Kind: hezuo.MeetingThemeDay, HeldOn: fxDay.AddDays(1), Topic: "学习"}, Attendees: []int64{p1}}
		if _, err := db.SaveMeeting(ctx, fxAdmin, &m, fxDay, now); field(err) != "EINVALID/held_on" {
			t.Errorf("attendance after today: %v", err)
		}
		if _, err := db.SaveMeeting(ctx, fxSecA, &m, fxDay, now); field(err) != "EFORBIDDEN/" {
			t.Errorf("a secretary writes: %v", err)
		}
		if _, err := db.SaveMeeting(ctx, fxTownBUser, &m, fxDay, now); field(err) != "ENOTFOUND/party_org" {
			t.Errorf("town B records for BA: %v", err)
		}
		m.HeldOn = fxDay
		m.Attendees = []int64{p1, p5}
		id, err := db.SaveMeeting(ctx, fxAdmin, &m, fxDay, now)
		if err != nil {
			t.Fatal(err)
		}
		if d, _ := db.GetMeeting(ctx, fxAdmin, id, hezuo.Today(hezuo.China)); d == nil || len(d.Attendees) != 2 {
			t.Errorf("saved meeting: %+v", d)
		}
		// By ID number (the API), resolved as Load resolves people.
		m2 := store.MeetingInput{Meeting: hezuo.Meeting{PartyOrg: "BA", Kind: hezuo.MeetingLecture, HeldOn: fxDay, Topic: "党课"},
			IDNumbers: []string{idNumber(2), idNumber(77)}}
		if _, err := db.SaveMeeting(ctx, fxAdmin, &m2, fxDay, now); field(err) != "EINVALID/attendees" {
			t.Errorf("an unknown ID number: %v", err)
		}
		m2.IDNumbers = m2.IDNumbers[:1]
		if id2, err := db.SaveMeeting(ctx, fxAdmin, &m2, fxDay, now); err != nil {
			t.Fatal(err)
		} else if d, _ := db.GetMeeting(ctx, fxAdmin, id2, hezuo.Today(hezuo.China)); d == nil || len(d.Attendees) != 1 || d.Attendees[0].Name != "成员2" {
			t.Errorf("meeting by ID numbers: %+v", d)
		}
		var n int
		db.QueryRowContext(ctx, `SELECT count(*) FROM audit_log WHERE entity = 'meeting'`).Scan(&n)
		if n != 2 {
			t.Errorf("%d meeting audit entries", n)
		}
		// Commitments: 成员5 is no party member; 成员1 of BA is.
		c := hezuo.Commitment{Year: 2024, PartyOrg: "BA", MadeOn: fxDay, Content: "带头致富"}
		if _, err := db.SaveCommitment(ctx, fxAdmin, p5, &c, fxDay, now); field(err) != "EINVALID/person" {
			t.Errorf("commitment of a non-member: %v", err)
		}
		c9 := c
		if _, err := db.SaveCommitment(ctx, fxAdmin, p9, &c9, fxDay, now); field(err) != "EINVALID/person" {
			t.Errorf("commitment of another org's person: %v", err)
		}
		cid, err := db.SaveCommitment(ctx, fxAdmin, p1, &c, fxDay, now)
		if err != nil {
			t.Fatal(err)
		}
		if err := db.SaveFulfilment(ctx, fxAdmin, cid, fxDay, hezuo.FulfilledAll, "", fxDay, now); field(err) != "EINVALID/evidence" {
			t.Errorf("fulfilled without evidence: %v", err)
		}
		if err := db.SaveFulfilment(ctx, fxAdmin, cid, fxDay.AddDays(3), hezuo.FulfilledAll, "台账", fxDay, now); field(err) != "EINVALID/fulfilled_on" {
			t.Errorf("assessed after today: %v", err)
		}
		if err := db.SaveFulfilment(ctx, fxAdmin, cid, fxDay, hezuo.FulfilledAll, "台账", fxDay, now); err != nil {
			t.Fatal(err)
		}
		// Visits.
		if err := db.SaveVisit(ctx, fxAdmin, p1, "H3", fxDay, "", fxDay, now); field(err) != "EINVALID/household" {
			t.Errorf("visit to an unlinked household: %v", err)
		}
		if err := db.SaveVisit(ctx, fxTownBUser, p1, "H1", fxDay, "", fxDay, now); field(err) != "ENOTFOUND/person" {
			t.Errorf("town B records A's visit: %v", err)
		}
		if err := db.SaveVisit(ctx, fxAdmin, p1, "H1", fxDay, "送技术", fxDay, now); err != nil {
			t.Fatal(err)
		}
		// Training.
		tin := store.TrainingInput{Training: hezuo.Training{No: "T9", HeldOn: fxDay.AddDays(2), Topic: "植保", Organizer: "U1", Mode: hezuo.ModeOnSite,
			Hours: 4, Place: fxTownA}, OrgNo: "A", Attendees: []int64{p1, p5}}
		if _, err := db.SaveTraining(ctx, fxAdmin, &tin, fxDay, now); field(err) != "EINVALID/held_on" {
			t.Errorf("attendance after today: %v", err)
		}
		tin.HeldOn = fxDay
		tin.Attendees = []int64{p1, p9}
		if _, err := db.SaveTraining(ctx, fxAdmin, &tin, fxDay, now); field(err) != "EINVALID/attendees" {
			t.Errorf("a non-member of A: %v", err)
		}
		if _, err := db.SaveTraining(ctx, fxTownBUser, &tin, fxDay, now); field(err) != "EINVALID/place" {
			t.Errorf("town B records in town A: %v", err)
		}
		tin.Attendees = []int64{p1, p5}
		tin.Attendances = []hezuo.TrainingAttendance{{IDNumber: idNumber(3), OrgNo: "A"}}
		tid, err := db.SaveTraining(ctx, fxAdmin, &tin, fxDay, now)
		if err != nil {
			t.Fatal(err)
		}
		if td, _ := db.GetTraining(ctx, fxSecA, tid, hezuo.Today(hezuo.China)); td == nil || len(td.Attendees) != 3 {
			t.Errorf("the saved training: %+v", td)
		}
		s, err := db.ScopedStats(ctx, fxSecA, hezuo.AllScope, fxDay)
		if err != nil || s.Training.Sessions != 3 || s.Training.Attendances != 6 {
			t.Errorf("the secretary's training after the save: %+v %v", s.Training, err)
		}
		if st, _ := db.Stats(ctx, hezuo.Scope{Prefix: fxCounty}, fxDay); st.Training.Sessions != 3 || st.Training.Attendances != 9 {
			t.Errorf("county training after the save: %+v", st.Training)
		}
	})
}

// TestWebDevelopment: the development page's figures and the step form's
// refusals (out of order, too early, probation too short).
func TestWebDevelopment(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *DB) {
		ctx := context.Background()
		load(t, db, webPlatformFixture())
		now := time.Now()
		d, err := db.Development(ctx, fxAdmin, hezuo.AllScope, fxDay, "", "", 1, 0)
		if err != nil {
			t.Fatal(err)
		}
		if d.ByStep[hezuo.StatusActivist] != 1 || d.ByStep[hezuo.StatusFull] != 8 || d.Total != 1 || d.People[0].Name != "成员10" {
			t.Errorf("development: %+v", d)
		}
		if len(d.Instructors) != 1 || d.Instructors[0].Name != "指导员" || d.Instructors[0].Orgs[0] != "C" {
			t.Errorf("instructors: %+v", d.Instructors)
		}
		p5, p10 := personIDByName(t, db, "成员5"), personIDByName(t, db, "成员10")
		code := func(err error) string {
			if e, ok := err.(*hezuo.Error); ok {
				return e.Code + "/" + e.Field
			}
			return "nil"
		}
		for _, c := range []struct {
			who    int64
			status string
			on     string
			want   string
		}{
			{p5, hezuo.StatusActivist, "2024-01-01", "EINVALID/status"}, // an applicant first
			{p10, hezuo.StatusFull, "2024-01-01", "EINVALID/status"},    // no skipping
			{p10, hezuo.StatusCandidate, "2010-06-01", "EINVALID/from"}, // before the last step
			{p5, hezuo.StatusApplicant, "2024-07-01", "EINVALID/from"},  // after today
			{p5, hezuo.StatusApplicant, "2024-01-01", "nil"},            // ok
			{p5, hezuo.StatusActivist, "2024-03-01", "nil"},             // ok
			{p5, hezuo.StatusCandidate, "2024-06-01", "EINVALID/from"},  // a year as an activist first
			{p10, hezuo.StatusCandidate, "2024-01-01", "nil"},           // an activist since 2010
			{p10, hezuo.StatusProbationary, "2024-02-01", "nil"},        //
			{p10, hezuo.StatusFull, "2024-06-01", "EINVALID/from"},      // probation of a year
		} {
			if err := db.AddPartyStep(ctx, fxAdmin, c.who, c.status, hezuo.MustDate(c.on), fxDay, now); code(err) != c.want {
				t.Errorf("%d → %s on %s: %v, want %s", c.who, c.status, c.on, err, c.want)
			}
		}
		if err := db.AddPartyStep(ctx, fxTownBUser, p5, hezuo.StatusCandidate, fxDay, fxDay, now); code(err) != "ENOTFOUND/person" {
			t.Errorf("town B steps A's member: %v", err)
		}
		d, _ = db.Development(ctx, fxAdmin, hezuo.AllScope, fxDay, hezuo.StatusProbationary, "", 1, 0)
		if d.Total != 1 || d.People[0].Steps[hezuo.StatusCandidate].String() != "2024-01-01" || len(d.People[0].Items) == 0 {
			t.Errorf("after the steps: %+v", d.People)
		}
		// Admitted on 29 Feb: probation ends on 28 Feb of the next year
		// (民法典 Art. 202), as the members import counts it.
		for _, c := range []struct{ status, on, want string }{
			{hezuo.StatusCandidate, "2025-03-01", "nil"}, {hezuo.StatusProbationary, "2028-02-29", "nil"},
			{hezuo.StatusFull, "2029-02-27", "EINVALID/from"}, {hezuo.StatusFull, "2029-02-28", "nil"},
		} {
			on := hezuo.MustDate(c.on)
			if err := db.AddPartyStep(ctx, fxAdmin, p5, c.status, on, on, now); code(err) != c.want {
				t.Errorf("%s on %s: %v, want %s", c.status, c.on, err, c.want)
			}
		}
	})
}

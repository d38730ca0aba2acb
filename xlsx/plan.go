package xlsx

import (
	"context"
	"fmt"
	"path/filepath"
	"time"

	"hezuo"
	"hezuo/store"
)

// Plan is what an import does: every row classified against the store and
// the records to write (new and changed ones only, so that importing the
// same file again writes nothing).
type Plan struct {
	New, Changed, Unchanged int
	Write                   *hezuo.Dataset
	PartyNotes
}

// PartyNotes are what a members import says about party dates: how many
// people's conversion (转正) it presumed a probation after 入党日期, and how
// many party members it counts without knowing since when (no 入党日期).
type PartyNotes struct {
	Presumed         int `json:"presumed_full"`
	PartyDateUnknown int `json:"party_date_unknown"`
}

// Lines returns the notes as sentences in lang ("zh" or "en"), none when
// there is nothing to say.
func (n PartyNotes) Lines(lang string) []string {
	var out []string
	if n.Presumed > 0 {
		out = append(out, pick(lang, fmt.Sprintf("%d 人按入党日期满一年推定转正", n.Presumed),
			fmt.Sprintf("%d presumed converted a year after joining the party", n.Presumed)))
	}
	if n.PartyDateUnknown > 0 {
		out = append(out, pick(lang, fmt.Sprintf("%d 名党员入党日期不详，按加入组织日期计为党员，请补录", n.PartyDateUnknown),
			fmt.Sprintf("%d party members without a joining date count from the day they joined their org: fill the dates in", n.PartyDateUnknown)))
	}
	return out
}

func pick(lang, zh, en string) string {
	if lang == "en" {
		return en
	}
	return zh
}

func (p *Plan) count(isNew, changed bool) {
	switch {
	case isNew:
		p.New++
	case changed:
		p.Changed++
	default:
		p.Unchanged++
	}
}

// Result is the outcome of an import.
type Result struct {
	Kind, Path              string
	Rows                    int
	New, Changed, Unchanged int
	DryRun                  bool // nothing was written
	PartyNotes
}

// Import reads path as rows of kind, checks every row (on its own, against
// the other rows and against the store) and, when no row has a problem and
// dryRun is false, writes the new and changed records in one transaction.
// Any problem rejects the whole file: the error is then a *Rejected listing
// every problem, and nothing is written.
func Import(ctx context.Context, st store.Records, kind, path string, opt Options, dryRun bool) (*Result, error) {
	b, err := Parse(kind, path, opt)
	if err != nil {
		return nil, err
	}
	plan, err := b.Plan(ctx, st)
	if err != nil {
		return nil, err
	}
	res := &Result{Kind: kind, Path: path, Rows: b.Rows, New: plan.New, Changed: plan.Changed,
		Unchanged: plan.Unchanged, DryRun: dryRun, PartyNotes: plan.PartyNotes}
	if dryRun || plan.New+plan.Changed == 0 {
		return res, nil
	}
	a := opt.Access
	if a == nil {
		a = hezuo.System
	}
	name := opt.Name
	if name == "" {
		name = filepath.Base(path)
	}
	// On each of the import's audit entries (a roster's 200,000): short.
	plan.Write.Source = "导入 " + kind + " 文件 " + name
	now := opt.Now
	if now.IsZero() {
		now = time.Now()
	}
	if err := st.Import(ctx, a, plan.Write, b.today, now); err != nil {
		return nil, err
	}
	return res, nil
}

// Plan checks the batch's rows against the store and classifies them. It
// returns a *Rejected error when the batch or the checks found a problem.
func (b *Batch) Plan(ctx context.Context, st store.Records) (*Plan, error) {
	var plan *Plan
	if len(b.Problems) == 0 || b.Rows > 0 {
		// The scope first: a row that touches a record outside the user's
		// scope is refused without being compared with the stored records,
		// so that no problem found by that comparison (a stored status, a
		// stored period) tells of a record the user may not read.
		n := len(b.Problems)
		if err := b.checkScope(ctx, st); err != nil {
			return nil, err
		}
		scoped := len(b.Problems) > n
		// The rows that could not be read whole are checked too, for the
		// records they refer to: one check lists every problem.
		if err := b.checkBadRefs(ctx, st); err != nil {
			return nil, err
		}
		if scoped {
			b.Problems = sortProblems(b.Problems)
			return nil, &Rejected{File: b.Path, Sheet: b.Sheet, Problems: b.Problems}
		}
		have, err := st.Existing(ctx, b.kind.probe())
		if err != nil {
			return nil, err
		}
		if err := withPlatforms(ctx, st, b.Schema, have); err != nil {
			return nil, err
		}
		if err := withSettings(ctx, st, b); err != nil {
			return nil, err
		}
		plan = b.kind.plan(b, have)
	}
	if len(b.Problems) > 0 {
		b.Problems = sortProblems(b.Problems)
		return nil, &Rejected{File: b.Path, Sheet: b.Sheet, Problems: b.Problems}
	}
	return plan, nil
}

package hezuo

import (
	"reflect"
	"testing"
)

// TestPartyRecordSplitChain: a status held in adjoining steps (the party
// relation moved on 2022-05-01) reads as one record, merging it back
// writes nothing, a correction of the dates moves the chain's first start
// and keeps the transfer, and one crossing the transfer is refused.
func TestPartyRecordSplitChain(t *testing.T) {
	d := MustDate
	today := d("2022-06-08")
	moved := step(4, StatusFull, "2022-05-01", "")
	moved.HomePartyOrg = "P"
	have := []PartyStatus{step(2, StatusProbationary, "2010-07-01", "2011-07-01"), step(3, StatusFull, "2011-07-01", "2022-05-01"), moved}
	r := PartyRecordOf(have, today)
	if want := (PartyRecord{Status: StatusFull, JoinedParty: d("2010-07-01"), FullSince: d("2011-07-01")}); r != want {
		t.Fatalf("PartyRecordOf = %+v, want %+v", r, want)
	}
	for _, back := range []PartyRecord{r, {Status: StatusFull, JoinedParty: d("2010-07-01")}} {
		if m, err := back.Merge("X", have, today, today, 12); err != nil || len(m.Write) != 0 {
			t.Errorf("merging %+v back: %+v %v", back, m.Write, err)
		}
	}
	m, err := (PartyRecord{Status: StatusFull, JoinedParty: d("2010-06-01"), FullSince: d("2011-06-01")}).Merge("X", have, today, today, 12)
	want := []PartyStatus{step(2, StatusProbationary, "2010-06-01", "2011-06-01"), step(3, StatusFull, "2011-06-01", "2022-05-01")}
	if err != nil || !reflect.DeepEqual(m.Write, want) {
		t.Errorf("correction: %+v %v, want %+v", m.Write, err, want)
	}
	if _, err := (PartyRecord{Status: StatusFull, JoinedParty: d("2021-05-01"), FullSince: d("2022-05-20")}).Merge("X", have, today, today, 12); err == nil {
		t.Errorf("a conversion after the transfer is accepted")
	}
}

package xlsx

import "hezuo"

// plan classifies the officers' rows: the party organization and the
// person must be on record (an unknown ID number is named by its row only),
// a name given must be the one on record, and every new or changed post is
// checked as the form checks it (hezuo.Officer.CheckPost) against the
// organization's posts as they will stand: those stored, with the file's
// rows in place of the stored ones of the same key and beside them. A row
// equal to the stored post is not judged again.
func (or *officerRows) plan(b *Batch, have *hezuo.Dataset) *Plan {
	pos := map[string]*hezuo.PartyOrg{}
	for i := range have.PartyOrgs {
		pos[have.PartyOrgs[i].No] = &have.PartyOrgs[i]
	}
	people := map[string]string{} // ID number → name
	for _, p := range have.People {
		people[p.IDNumber] = p.Name
	}
	steps := map[string][]hezuo.PartyStatus{}
	for _, s := range have.PartyStatus {
		steps[s.IDNumber] = append(steps[s.IDNumber], s)
	}
	stored := map[string]hezuo.Officer{}
	for _, o := range have.Officers {
		stored[officerKey(&o)] = o
	}
	_, hasTo := b.bind.idx["to"]
	type resolved struct {
		row            officerRow
		exists, change bool
	}
	var ok []resolved
	for _, row := range or.rows {
		good := true
		fail := func(key, zh, en string) {
			b.fail(row.num, key, zh, en)
			good = false
		}
		if pos[row.o.PartyOrg] == nil {
			fail("party_org", "未知的党组织编号 "+row.o.PartyOrg+"（请先导入党组织）", "unknown party organization "+row.o.PartyOrg+" (import the party organizations first)")
		}
		name, known := people[row.o.IDNumber]
		switch {
		case !known:
			fail("id_number", "此身份证号未登记（请先作为成员或人员导入）", "no person with this ID number is on record (import them as a member or person first)")
		case row.name != "" && row.name != name:
			fail("name", "姓名与该身份证号登记的姓名不一致", "the name differs from the one on record for this ID number")
		}
		if !good {
			continue
		}
		old, exists := stored[officerKey(&row.o)]
		if exists && !hasTo {
			row.o.To = old.To
		}
		change := exists && (!row.o.To.Equal(old.To) || row.o.Duty != old.Duty)
		ok = append(ok, resolved{row, exists, change})
	}
	// The posts of each organization as they will stand.
	final := map[string][]hezuo.Officer{}
	inFile := map[string]bool{}
	for _, r := range ok {
		inFile[officerKey(&r.row.o)] = true
		final[r.row.o.PartyOrg] = append(final[r.row.o.PartyOrg], r.row.o)
	}
	for _, o := range have.Officers {
		if !inFile[officerKey(&o)] {
			final[o.PartyOrg] = append(final[o.PartyOrg], o)
		}
	}
	p := &Plan{Write: &hezuo.Dataset{}}
	for _, r := range ok {
		if !r.exists || r.change {
			o := r.row.o
			if err := o.CheckPost(pos[o.PartyOrg], steps[o.IDNumber], final[o.PartyOrg]); err != nil {
				if e, isE := err.(*hezuo.Error); isE {
					b.fail(r.row.num, e.Field, e.ZH, e.EN)
				} else {
					b.fail(r.row.num, "", err.Error(), err.Error())
				}
				continue
			}
			p.Write.Officers = append(p.Write.Officers, o)
		}
		p.count(!r.exists, r.change)
	}
	return p
}

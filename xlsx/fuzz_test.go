package xlsx

import (
	"slices"
	"testing"

	"hezuo"
)

// parseRow converts one row (row 2) of kind without a file.
func parseRow(kind string, header, cells []string) *Batch {
	s := Lookup(kind)
	b := &Batch{Schema: s, Path: "fuzz.csv", Header: header, today: today, kind: s.rows()}
	b.bind, b.Problems = s.bind(header)
	b.kind.add(&rowCtx{b: b, num: 2, cells: cells})
	b.kind.finish(b)
	return b
}

// FuzzParseRow feeds arbitrary cells to the member row parser: it must
// never panic, every problem must name row 2 and a header of the file in
// both languages, and a row without problems must give a valid record.
func FuzzParseRow(f *testing.F) {
	f.Add(validID(1), "张三", "ORG-001", "2015-03-01", "群众", "否", "是", "13900000000", "", "")
	f.Add(" "+validID(2)[:17]+"x ", "\u3000李四 ", "ＯＲＧ－００１", "42005", "中共党员", "N", "1", "", "", "2016年7月1日")
	f.Add("２２２４２４１９８００１０１０２２Ｘ", "王五", "org-1", "2015/3/1", "中共预备党员", "0", "false", "0433-1234567", "2020.1.1", "2019-07-01")
	f.Add("2.22424198001E+17", "", "", "2022-02-30", "党外", "也许", "√", "abc", "1900-01-01", "60")
	f.Add("", "", "", "", "", "", "", "", "", "")
	header := []string{"身份证号", "姓名", "组织编号", "加入日期", "政治面貌", "是否入党积极分子", "是否专业技术人才", "联系电话", "退出日期", "入党日期"}
	f.Fuzz(func(t *testing.T, id, name, org, joined, status, activist, talent, phone, left, party string) {
		b := parseRow("members", header, []string{id, name, org, joined, status, activist, talent, phone, left, party})
		for _, p := range b.Problems {
			if p.Row != 2 || !slices.Contains(header, p.Column) || p.ZH == "" || p.EN == "" {
				t.Fatalf("bad problem %+v", p)
			}
		}
		mr := b.kind.(*memberRows)
		if len(b.Problems) > 0 {
			if len(mr.rows) != 0 {
				t.Fatalf("a row with problems kept its records")
			}
			return
		}
		if len(mr.rows) != 1 {
			t.Fatalf("%d records from one good row", len(mr.rows))
		}
		r := mr.rows[0]
		if got, _, _, err := hezuo.ParseIDNumber(r.person.IDNumber, today); err != nil || got != r.person.IDNumber {
			t.Fatalf("accepted ID %q: %v", r.person.IDNumber, err)
		}
		if r.person.Name == "" || r.person.Name != Text(r.person.Name) || r.m.OrgNo == "" || r.m.From.IsZero() {
			t.Fatalf("accepted incomplete row %+v", r)
		}
		if !r.m.To.IsZero() && !r.m.From.Before(r.m.To) {
			t.Fatalf("accepted period %v–%v", r.m.From, r.m.To)
		}
		if r.level < levelNone || r.level > levelFull || (!r.partyDate.IsZero() && r.level < levelProbationary) {
			t.Fatalf("accepted level %d with party date %v", r.level, r.partyDate)
		}
	})
}

// FuzzParseDate checks that an accepted date prints and reparses to itself.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2022-06-08", "2022年6月8日", "44720", "44720.5", "2022/6/8 0:00", "２０２２．６．８", "60", "1e5", "2022-02-30"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, ok := ParseDate(s, false)
		if !ok {
			return
		}
		back, ok2 := ParseDate(d.String(), false)
		if !ok2 || !back.Equal(d) || d.Year() < 1800 {
			t.Fatalf("ParseDate(%q) = %v, reparsed %v %v", s, d, back, ok2)
		}
	})
}

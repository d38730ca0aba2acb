package xlsx

import (
	"slices"
	"testing"
)

func TestFoldCodeKeyText(t *testing.T) {
	for _, c := range []struct{ in, fold, code, key, text string }{
		{"abc", "abc", "ABC", "abc", "abc"},
		{"２２２４２４", "222424", "222424", "222424", "２２２４２４"},
		{"ＷＱ－ＨＺ－００１", "WQ-HZ-001", "WQ-HZ-001", "WQ-HZ-001", "ＷＱ－ＨＺ－００１"},
		{"  22242419800101002x \t", "  22242419800101002x \t", "22242419800101002X", "22242419800101002x", "22242419800101002x"},
		{"\u3000张三\u3000", " 张三 ", "张三", "张三", "张三"},
		{"\ufeff身份证号", "\ufeff身份证号", "身份证号", "身份证号", "身份证号"},
		{"2224 2419 8001", "2224 2419 8001", "222424198001", "222424198001", "2224 2419 8001"},
		{"\u00a0wq-1\u200b", "\u00a0wq-1\u200b", "WQ-1", "wq-1", "wq-1"},
		{"（有限）", "(有限)", "(有限)", "(有限)", "（有限）"},
	} {
		if got := Fold(c.in); got != c.fold {
			t.Errorf("Fold(%q) = %q, want %q", c.in, got, c.fold)
		}
		if got := Code(c.in); got != c.code {
			t.Errorf("Code(%q) = %q, want %q", c.in, got, c.code)
		}
		if got := Key(c.in); got != c.key {
			t.Errorf("Key(%q) = %q, want %q", c.in, got, c.key)
		}
		if got := Text(c.in); got != c.text {
			t.Errorf("Text(%q) = %q, want %q", c.in, got, c.text)
		}
	}
}

func TestParseDate(t *testing.T) {
	for _, c := range []struct {
		in       string
		date1904 bool
		want     string // "" = rejected
	}{
		{"2022-06-08", false, "2022-06-08"},
		{"2022/6/8", false, "2022-06-08"},
		{"2022.6.8", false, "2022-06-08"},
		{"2022年6月8日", false, "2022-06-08"},
		{"2022年06月08号", false, "2022-06-08"},
		{"2022-6-8", false, "2022-06-08"},
		{" 2022/06/08 ", false, "2022-06-08"},
		{"２０２２－０６－０８", false, "2022-06-08"},
		{"2022／6／8", false, "2022-06-08"},
		{"20220608", false, "2022-06-08"},
		{"2022-06-08 00:00:00", false, "2022-06-08"},
		{"2022/6/8 0:00", false, "2022-06-08"},
		{"2022-06-08T00:00:00Z", false, "2022-06-08"},
		{"44720", false, "2022-06-08"},    // Excel serial, 1900 system
		{"44720.75", false, "2022-06-08"}, // with a time of day
		{"43258", true, "2022-06-08"},     // 1904 system
		{"1", false, "1900-01-01"},
		{"59", false, "1900-02-28"},
		{"61", false, "1900-03-01"},
		{"60", false, ""}, // Excel's phantom 1900-02-29
		{"2024-02-29", false, "2024-02-29"},
		{"2022-02-30", false, ""},
		{"2023-02-29", false, ""},
		{"2022-13-01", false, ""},
		{"22/6/8", false, ""},
		{"6/8/2022", false, ""},
		{"2022年6月", false, ""},
		{"昨天", false, ""},
		{"", false, ""},
		{"-5", false, ""},
		{"0", false, ""},
		{"9999999", false, ""},
		{"1e5", false, ""},
	} {
		d, ok := ParseDate(c.in, c.date1904)
		if got := d.String(); ok != (c.want != "") || got != c.want {
			t.Errorf("ParseDate(%q, %v) = %q, %v; want %q", c.in, c.date1904, got, ok, c.want)
		}
	}
}

func TestParseBool(t *testing.T) {
	yes := []string{"是", "Y", "y", "YES", "Yes", "1", "true", "TRUE", "√", "有", " 是 ", "Ｙ", "１"}
	no := []string{"否", "N", "n", "no", "0", "false", "FALSE", "×", "无", "", "  ", "Ｎ", "０"}
	for _, s := range yes {
		if v, ok := ParseBool(s); !v || !ok {
			t.Errorf("ParseBool(%q) = %v, %v; want yes", s, v, ok)
		}
	}
	for _, s := range no {
		if v, ok := ParseBool(s); v || !ok {
			t.Errorf("ParseBool(%q) = %v, %v; want no", s, v, ok)
		}
	}
	for _, s := range []string{"也许", "2", "yes!", "对的", "是否"} {
		if _, ok := ParseBool(s); ok {
			t.Errorf("ParseBool(%q) accepted", s)
		}
	}
}

func TestParseInt(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int
		ok   bool
	}{{"200", 200, true}, {"２００", 200, true}, {" 1,200 ", 1200, true}, {"200.0", 200, true}, {"", 0, true},
		{"二百", 0, false}, {"2.5", 0, false}, {"-3", -3, true}} {
		n, ok := ParseInt(c.in)
		if n != c.want || ok != c.ok {
			t.Errorf("ParseInt(%q) = %d, %v; want %d, %v", c.in, n, ok, c.want, c.ok)
		}
	}
}

func TestSplitList(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"222424103201;222424103202", []string{"222424103201", "222424103202"}},
		{"222424103201、222424103202", []string{"222424103201", "222424103202"}},
		{" 222424103201 ； ２２２４２４１０３２０２ ;", []string{"222424103201", "222424103202"}},
		{"a,b，c", []string{"A", "B", "C"}},
	} {
		if got := SplitList(c.in); !slices.Equal(got, c.want) && !(len(got) == 0 && len(c.want) == 0) {
			t.Errorf("SplitList(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestHeaderMatch(t *testing.T) {
	s := Lookup("members")
	for h, want := range map[string]string{
		"身份证号": "id_number", "id_number": "id_number", "ID Number": "id_number", " 身份证号 ": "id_number",
		"身份证号*": "id_number", "身份证号（必填）": "id_number", "身份证号/id_number": "id_number", "姓名 / name": "name",
		"加入日期(YYYY-MM-DD)": "joined", "ｉｄ＿ｎｕｍｂｅｒ": "id_number", "是否致富能手": "leader", "Political_Status": "political_status",
		"备注": "", "": "", "错误说明": "",
	} {
		got := ""
		if c := s.match(h); c != nil {
			got = c.Key
		}
		if got != want {
			t.Errorf("match(%q) = %q, want %q", h, got, want)
		}
	}
}

func TestColName(t *testing.T) {
	for i, want := range map[int]string{0: "A", 25: "Z", 26: "AA", 27: "AB", 701: "ZZ", 702: "AAA"} {
		if got := colName(i); got != want {
			t.Errorf("colName(%d) = %q, want %q", i, got, want)
		}
	}
}

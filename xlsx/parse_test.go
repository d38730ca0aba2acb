package xlsx

import (
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"hezuo"
)

var today = hezuo.MustDate("2024-06-30")

// validID returns a valid ID number numbered n, born 1980.
func validID(n int) string {
	return hezuo.MakeIDNumber("220999", hezuo.MustDate("1980-01-01").AddDays(n), n%1000)
}

func validCredit(n int) string {
	for i := n * 100; ; i++ {
		if c := hezuo.MakeCreditCode("93", "220999", fmt.Sprintf("%08d", i)); c != "" {
			return c
		}
	}
}

// parseCSV writes header and rows to a CSV file and parses it as kind.
func parseCSV(t testing.TB, kind string, header []string, rows ...[]string) *Batch {
	t.Helper()
	path := filepath.Join(t.TempDir(), "in.csv")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := csv.NewWriter(f)
	w.Write(header)
	w.WriteAll(rows)
	f.Close()
	b, err := Parse(kind, path, Options{Today: today})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

var mHeader = []string{"身份证号", "姓名", "组织编号", "加入日期", "政治面貌", "是否入党积极分子", "是否专业技术人才", "联系电话", "退出日期", "入党日期", "所在村"}

// member returns a good member row numbered n, changed by edits (column → value).
func member(n int, edits ...string) []string {
	r := []string{validID(n), fmt.Sprintf("成员%d", n), "ORG-001", "2015-03-01", "群众", "否", "否", "13900000000", "", "", ""}
	for i := 0; i+1 < len(edits); i += 2 {
		for j, h := range mHeader {
			if h == edits[i] {
				r[j] = edits[i+1]
			}
		}
	}
	return r
}

var oHeader = []string{"组织编号", "名称", "类型", "是否登记", "统一社会信用代码", "所在村", "覆盖村", "产业", "带动农户数", "成立日期", "登记日期", "注销日期"}

func org(n int, edits ...string) []string {
	r := []string{fmt.Sprintf("ORG-%03d", n), fmt.Sprintf("合作社%d", n), "合作社", "是", validCredit(n), "220999100201", "", "农机", "10", "2015-03-01", "", ""}
	for i := 0; i+1 < len(edits); i += 2 {
		for j, h := range oHeader {
			if h == edits[i] {
				r[j] = edits[i+1]
			}
		}
	}
	return r
}

func TestRowRejections(t *testing.T) {
	bad := validID(1)
	bad = bad[:17] + string("0123456789X"[(strings.IndexByte("0123456789X", bad[17])+1)%11])
	future := hezuo.MakeIDNumber("220999", hezuo.MustDate("2030-01-01"), 11)
	for _, c := range []struct {
		name, kind string
		header     []string
		rows       [][]string
		row        int
		column     string
		want       string
	}{
		{"ID check character", "members", mHeader, [][]string{member(1, "身份证号", bad)}, 2, "身份证号", "校验位"},
		{"ID length", "members", mHeader, [][]string{member(1, "身份证号", "22099919800101")}, 2, "身份证号", "18 位"},
		{"ID born in the future", "members", mHeader, [][]string{member(1, "身份证号", future)}, 2, "身份证号", "晚于今天"},
		{"ID impossible birth date", "members", mHeader, [][]string{member(1, "身份证号", "220999198002300014")}, 2, "身份证号", "不存在"},
		{"ID stored as a number", "members", mHeader, [][]string{member(1, "身份证号", "2.20999198001011E+17")}, 2, "身份证号", "存成了数字"},
		{"empty ID", "members", mHeader, [][]string{member(1, "身份证号", " ")}, 2, "身份证号", "不能为空"},
		{"empty name", "members", mHeader, [][]string{member(1, "姓名", "")}, 2, "姓名", "不能为空"},
		{"empty org", "members", mHeader, [][]string{member(1, "组织编号", "")}, 2, "组织编号", "不能为空"},
		{"bad joined date", "members", mHeader, [][]string{member(1, "加入日期", "2022-02-30")}, 2, "加入日期", "无法识别"},
		{"missing joined date", "members", mHeader, [][]string{member(1, "加入日期", "")}, 2, "加入日期", "不能为空"},
		{"left before joined", "members", mHeader, [][]string{member(1, "退出日期", "2014-01-01")}, 2, "退出日期", "晚于开始"},
		{"joined before birth", "members", mHeader, [][]string{member(1, "加入日期", "1979-01-01")}, 2, "加入日期", "出生日期"},
		{"political status", "members", mHeader, [][]string{member(1, "政治面貌", "党外人士")}, 2, "政治面貌", "政治面貌"},
		{"empty political status", "members", mHeader, [][]string{member(1, "政治面貌", "")}, 2, "政治面貌", "不能为空"},
		{"member and activist", "members", mHeader, [][]string{member(1, "政治面貌", "中共党员", "是否入党积极分子", "是")}, 2, "是否入党积极分子", "党员"},
		{"party date of a non-member", "members", mHeader, [][]string{member(1, "入党日期", "2016-07-01")}, 2, "入党日期", "不是党员"},
		{"bad yes/no", "members", mHeader, [][]string{member(1, "是否专业技术人才", "也许")}, 2, "是否专业技术人才", "是 或 否"},
		{"bad phone", "members", mHeader, [][]string{member(1, "联系电话", "电话13900")}, 2, "联系电话", "格式"},
		{"bad village", "members", mHeader, [][]string{member(1, "所在村", "22099910020")}, 2, "所在村", "12 位"},
		{"duplicate member", "members", mHeader, [][]string{member(1), member(2), member(1)}, 4, "身份证号", "与第 2 行重复"},
		{"overlapping membership", "members", mHeader, [][]string{member(1), member(1, "加入日期", "2016-01-01")}, 3, "加入日期", "重叠"},
		{"rows disagree on name", "members", mHeader, [][]string{member(1), member(1, "组织编号", "ORG-002", "姓名", "别名")}, 3, "姓名", "不一致"},
		{"rows disagree on status", "members", mHeader, [][]string{member(1), member(1, "组织编号", "ORG-002", "政治面貌", "中共党员")}, 3, "政治面貌", "不一致"},

		{"empty org_id", "orgs", oHeader, [][]string{org(1, "组织编号", "")}, 2, "组织编号", "不能为空"},
		{"bad kind", "orgs", oHeader, [][]string{org(1, "类型", "公司")}, 2, "类型", "无效"},
		{"bad registered", "orgs", oHeader, [][]string{org(1, "是否登记", "登了")}, 2, "是否登记", "是 或 否"},
		{"registered without credit code", "orgs", oHeader, [][]string{org(1, "统一社会信用代码", "")}, 2, "统一社会信用代码", "必须填写"},
		{"bad credit code", "orgs", oHeader, [][]string{org(1, "统一社会信用代码", validCredit(1)[:17]+"0")}, 2, "统一社会信用代码", "校验位"},
		{"short credit code", "orgs", oHeader, [][]string{org(1, "统一社会信用代码", "9322")}, 2, "统一社会信用代码", "18 位"},
		{"bad village code", "orgs", oHeader, [][]string{org(1, "所在村", "2209991002")}, 2, "所在村", "12 位"},
		{"bad spanned village", "orgs", oHeader, [][]string{org(1, "覆盖村", "220999100202;22099910")}, 2, "覆盖村", "12 位"},
		{"negative households", "orgs", oHeader, [][]string{org(1, "带动农户数", "-3")}, 2, "带动农户数", "整数"},
		{"text households", "orgs", oHeader, [][]string{org(1, "带动农户数", "很多")}, 2, "带动农户数", "整数"},
		{"bad founded", "orgs", oHeader, [][]string{org(1, "成立日期", "去年")}, 2, "成立日期", "无法识别"},
		{"dissolved before founded", "orgs", oHeader, [][]string{org(1, "注销日期", "2014-01-01")}, 2, "注销日期", "晚于成立"},
		{"registration date but not registered", "orgs", oHeader, [][]string{org(1, "是否登记", "否", "统一社会信用代码", "", "登记日期", "2015-04-01")}, 2, "登记日期", "是否登记"},
		{"duplicate org_id", "orgs", oHeader, [][]string{org(1), org(2), org(1, "统一社会信用代码", validCredit(3))}, 4, "组织编号", "与第 2 行重复"},
		{"duplicate credit code", "orgs", oHeader, [][]string{org(1), org(2, "统一社会信用代码", validCredit(1))}, 3, "统一社会信用代码", "第 2 行"},

		{"bad division code", "divisions", []string{"区划代码", "名称"}, [][]string{{"22099", "某县"}}, 2, "区划代码", "6、9 或 12 位"},
		{"empty division name", "divisions", []string{"区划代码", "名称"}, [][]string{{"220999", ""}}, 2, "名称", "不能为空"},
		{"duplicate division", "divisions", []string{"code", "name"}, [][]string{{"220999", "某县"}, {"220999000000", "某县"}}, 3, "code", "与第 2 行重复"},

		{"missing column", "members", []string{"姓名", "组织编号", "加入日期", "政治面貌"}, [][]string{{"张三", "ORG-001", "2015-03-01", "群众"}}, 1, "身份证号", "缺少必填列"},
		{"column twice", "divisions", []string{"区划代码", "名称", "code"}, [][]string{{"220999", "某县", "220999"}}, 1, "code", "重复"},
		{"no data rows", "divisions", []string{"区划代码", "名称"}, [][]string{{"", ""}}, 2, "区划代码", "没有数据"},
	} {
		t.Run(c.name, func(t *testing.T) {
			b := parseCSV(t, c.kind, c.header, c.rows...)
			if len(b.Problems) != 1 {
				t.Fatalf("problems %+v, want exactly one", b.Problems)
			}
			p := b.Problems[0]
			if p.Row != c.row || p.Column != c.column || !strings.Contains(p.ZH, c.want) || p.EN == "" {
				t.Errorf("got %s; want row %d column %s with %q", p.Line("in.csv", "zh"), c.row, c.column, c.want)
			}
		})
	}
}

func TestGoodRowsParse(t *testing.T) {
	b := parseCSV(t, "members", mHeader, member(1), member(2, "政治面貌", "中共党员", "入党日期", "2016-07-01"),
		member(3, "政治面貌", "中共预备党员"), member(4, "是否入党积极分子", "是"), member(1, "组织编号", "ORG-002"),
		member(5, "退出日期", "2020-01-01"), member(5, "加入日期", "2021-01-01"))
	if len(b.Problems) > 0 {
		t.Fatalf("problems: %+v", b.Problems)
	}
	mr := b.kind.(*memberRows)
	if len(mr.rows) != 7 || len(mr.people) != 5 {
		t.Fatalf("%d rows, %d people", len(mr.rows), len(mr.people))
	}
	for i, want := range []int{levelNone, levelFull, levelProbationary, levelActivist} {
		if got := mr.rows[i].level; got != want {
			t.Errorf("row %d level %d, want %d", i+2, got, want)
		}
	}
}

func TestExampleRowsAreValid(t *testing.T) {
	for _, kind := range Kinds() {
		s := Lookup(kind)
		var head, row []string
		for _, c := range s.Columns {
			head, row = append(head, c.ZH), append(row, c.Example)
		}
		if b := parseCSV(t, kind, head, row); len(b.Problems) > 0 {
			t.Errorf("%s: the template's example row has problems: %+v", kind, b.Problems)
		}
	}
}

// TestRowReportsEveryCell: a row wrong in its ID number and in other cells
// is reported in every one of them at once, the ID number included.
func TestRowReportsEveryCell(t *testing.T) {
	bad := validID(1)
	bad = bad[:17] + string("0123456789X"[(strings.IndexByte("0123456789X", bad[17])+1)%11])
	b := parseCSV(t, "members", mHeader, member(1, "身份证号", bad, "加入日期", "2022-02-30", "政治面貌", "火星人"))
	got := map[string]bool{}
	for _, p := range b.Problems {
		got[p.Column] = true
	}
	for _, col := range []string{"身份证号", "加入日期", "政治面貌"} {
		if !got[col] {
			t.Errorf("no problem in %s; problems: %+v", col, b.Problems)
		}
	}
	if len(b.Problems) != 3 {
		t.Errorf("%d problems, want 3: %+v", len(b.Problems), b.Problems)
	}
}

package web

import (
	"bytes"
	"context"
	"io"
	"mime/multipart"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"hezuo"
)

// raw GETs path and returns the status, the headers and the body.
func (c *client) raw(path string) (int, http.Header, []byte) {
	c.t.Helper()
	resp, err := c.hc.Get(c.base + path)
	if err != nil {
		c.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header, b
}

// upload posts a multipart form with fields and one file, with the
// session's CSRF token.
func (c *client) upload(path string, fields map[string]string, name string, content []byte) (int, string) {
	c.t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	if _, ok := fields["csrf"]; !ok {
		mw.WriteField("csrf", c.csrf)
	}
	for k, v := range fields {
		mw.WriteField(k, v)
	}
	fw, _ := mw.CreateFormFile("file", name)
	fw.Write(content)
	mw.Close()
	req, _ := http.NewRequest("POST", c.base+path, &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return c.do(req)
}

// xlsxRows opens a downloaded workbook and returns its first sheet's rows.
func xlsxRows(t *testing.T, b []byte) [][]string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("not a workbook: %v (%.100q)", err, b)
	}
	defer f.Close()
	rows, err := f.GetRows(f.GetSheetName(0))
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// orgCount returns the number of orgs stored.
func orgCount(t *testing.T, a *app) int {
	var n int
	if err := a.db.QueryRowContext(context.Background(), `SELECT count(*) FROM orgs`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

var tokenRe = regexp.MustCompile(`name="token" value="([0-9a-f]+)"`)

const orgsHeader = "组织编号,名称,类型,是否登记,所在村,产业,成立日期\n"

// TestImportUpload uploads a good file (previewed, then confirmed: written
// and counted, audited) and a bad one (every problem listed, an error
// workbook, nothing written), and shows that only county administrators
// import.
func TestImportUpload(t *testing.T) {
	forEachDB(t, func(t *testing.T, a *app) {
		admin := a.login(t, "admin")
		village := villageOf(t, a, townA)
		good := orgsHeader + "T-IMP-1,试导入第一协会,产业协会,否," + village + ",黑木耳,2020-05-01\n" +
			"T-IMP-2,试导入第二协会,产业协会,否," + village + ",林蛙,2021/6/8\n"
		before := orgCount(t, a)

		st, body := admin.upload("/import", map[string]string{"kind": "orgs"}, "好文件.csv", []byte(good))
		if st != http.StatusOK || !strings.Contains(body, `id="n-new">2<`) || !strings.Contains(body, `id="n-rows">2<`) {
			t.Fatalf("preview: %d %.2000s", st, body)
		}
		if n := orgCount(t, a); n != before {
			t.Fatalf("the preview wrote: %d orgs, was %d", n, before)
		}
		m := tokenRe.FindStringSubmatch(body)
		if m == nil {
			t.Fatal("no token to confirm")
		}
		if st, _ := a.login(t, "auditor").postForm("/import/confirm", map[string][]string{"token": {m[1]}}); st != http.StatusForbidden {
			t.Errorf("auditor confirms: %d", st)
		}
		if st, _ := admin.postForm("/import/confirm", map[string][]string{"token": {m[1]}, "csrf": {"wrong"}}); st != http.StatusForbidden {
			t.Errorf("confirm without CSRF: %d", st)
		}
		st, body = admin.postForm("/import/confirm", map[string][]string{"token": {m[1]}})
		if st != http.StatusOK || !strings.Contains(body, `id="n-new">2<`) {
			t.Fatalf("confirm: %d %.2000s", st, body)
		}
		if n := orgCount(t, a); n != before+2 {
			t.Fatalf("%d orgs after the import, want %d", n, before+2)
		}
		o, err := a.db.GetOrg(context.Background(), hezuo.System, "T-IMP-2", hezuo.Today(hezuo.China), hezuo.Today(hezuo.China))
		if err != nil || o.Founded.String() != "2021-06-08" || o.Industry != "林蛙" {
			t.Errorf("imported org: %+v %v", o, err)
		}
		if st, _ := admin.postForm("/import/confirm", map[string][]string{"token": {m[1]}}); st != http.StatusNotFound {
			t.Errorf("confirming twice: %d", st)
		}
		entries, _, err := a.db.AuditLog(context.Background(), hezuo.System, hezuo.AuditFilter{Action: actionImport})
		if err != nil || len(entries) != 1 || entries[0].User != "admin" || !strings.Contains(entries[0].Note, "新增 2") {
			t.Errorf("audit: %+v %v", entries, err)
		}
		// The same file again: all unchanged.
		st, body = admin.upload("/import", map[string]string{"kind": "orgs"}, "好文件.csv", []byte(good))
		if st != http.StatusOK || !strings.Contains(body, `id="n-same">2<`) || !strings.Contains(body, `id="n-new">0<`) {
			t.Errorf("re-upload: %d %.1500s", st, body)
		}

		bad := orgsHeader + "T-IMP-3,好的一行,产业协会,否," + village + ",木耳,2020-05-01\n" +
			"T-IMP-4,坏的一行,产业协会,否,222424999999,木耳,2020-05-01\n" +
			"T-IMP-5,又一坏行,产业协会,否," + village + ",木耳,2020-02-30\n"
		st, body = admin.upload("/import", map[string]string{"kind": "orgs"}, "坏文件.csv", []byte(bad))
		if st != http.StatusUnprocessableEntity || !strings.Contains(body, "坏文件.csv:3:所在村:") || !strings.Contains(body, "坏文件.csv:4:成立日期:") {
			t.Fatalf("bad file: %d %.3000s", st, body)
		}
		if strings.Contains(body, "坏文件.csv:2:") || strings.Contains(body, `id="import-confirm"`) {
			t.Errorf("the good row is blamed or the bad file is confirmable: %.3000s", body)
		}
		if n := orgCount(t, a); n != before+2 {
			t.Errorf("the bad file wrote: %d orgs", n)
		}
		link := regexp.MustCompile(`href="(/import/[0-9a-f]+/errors\.xlsx)"`).FindStringSubmatch(body)
		if link == nil {
			t.Fatal("no error workbook link")
		}
		if st, _, _ := a.login(t, "auditor").raw(link[1]); st != http.StatusForbidden {
			t.Errorf("auditor reads the error workbook: %d", st)
		}
		st, h, b := admin.raw(link[1])
		if st != http.StatusOK || h.Get("Content-Type") != xlsxType {
			t.Fatalf("error workbook: %d %s", st, h.Get("Content-Type"))
		}
		if rows := xlsxRows(t, b); len(rows) < 3 || !strings.Contains(strings.Join(rows[0], ","), "错误说明") {
			t.Errorf("error workbook rows: %v", rows)
		}

		// Roles that do not keep the registry cannot import, whatever the rows.
		for _, user := range []string{"auditor", "secretary", "dept", "instructor"} {
			c := a.login(t, user)
			if st, _ := c.get("/import"); st != http.StatusForbidden {
				t.Errorf("%s GET /import: %d", user, st)
			}
			if st, _ := c.upload("/import", map[string]string{"kind": "orgs"}, "x.csv", []byte(orgsHeader+"T-IMP-9,越权,产业协会,否,"+village+",木耳,2020-05-01\n")); st != http.StatusForbidden {
				t.Errorf("%s uploads: %d", user, st)
			}
		}
		if st, _ := admin.upload("/import", map[string]string{"kind": "orgs", "csrf": "wrong"}, "x.csv", []byte(good)); st != http.StatusForbidden {
			t.Errorf("upload without CSRF: %d", st)
		}
		if st, _ := admin.upload("/import", map[string]string{"kind": "orgs"}, "x.txt.exe", []byte(good)); st != http.StatusUnprocessableEntity {
			t.Errorf("upload of a .exe: %d", st)
		}
		if st, body := admin.upload("/import", map[string]string{"kind": "orgs"}, "乱码.xlsx", []byte("not a workbook")); st != http.StatusUnprocessableEntity ||
			!strings.Contains(body, "乱码.xlsx") || strings.Contains(body, "hezuo-uploads-") {
			t.Errorf("an unreadable workbook: %d %.2500s", st, body)
		}
		big := bytes.Repeat([]byte("x"), maxUpload+2<<20)
		if st, _ := admin.upload("/import", map[string]string{"kind": "orgs"}, "big.csv", big); st == http.StatusOK {
			t.Errorf("a %d-byte upload: %d", len(big), st)
		}
	})
}

// TestTemplateDownloads fetches every KIND's template.
func TestTemplateDownloads(t *testing.T) {
	forEachDB(t, func(t *testing.T, a *app) {
		c := a.login(t, "townA")
		for _, kind := range importKinds {
			st, h, b := c.raw("/templates/" + kind + ".xlsx")
			if st != http.StatusOK || h.Get("Content-Type") != xlsxType {
				t.Fatalf("template %s: %d %s", kind, st, h.Get("Content-Type"))
			}
			if rows := xlsxRows(t, b); len(rows) == 0 || len(rows[0]) < 2 {
				t.Errorf("template %s: %v", kind, rows)
			}
		}
		if st, _, _ := c.raw("/templates/nothing.xlsx"); st != http.StatusNotFound {
			t.Errorf("unknown template: %d", st)
		}
	})
}

// TestTownshipImport has a township officer import a file of the township
// (written) and a file with one row in another township (refused whole,
// that row named, nothing written); the page offers every KIND with its
// template.
func TestTownshipImport(t *testing.T) {
	forEachDB(t, func(t *testing.T, a *app) {
		c := a.login(t, "townA")
		st, body := c.get("/import")
		if st != http.StatusOK || !strings.Contains(body, `id="import-scope"`) {
			t.Fatalf("GET /import: %d %.1500s", st, body)
		}
		for _, kind := range []string{"members", "loans", "repayments", "guarantors", "meetings", "meeting-attendances", "commitments"} {
			if !strings.Contains(body, `<option value="`+kind+`"`) || !strings.Contains(body, `href="/templates/`+kind+`.xlsx"`) {
				t.Errorf("the page does not offer %s with its template", kind)
			}
		}
		here, there := villageOf(t, a, townA), villageOf(t, a, townB)
		before := orgCount(t, a)
		good := orgsHeader + "T-TWN-1,本镇协会,产业协会,否," + here + ",木耳,2020-05-01\n"
		st, body = c.upload("/import", map[string]string{"kind": "orgs"}, "本镇.csv", []byte(good))
		m := tokenRe.FindStringSubmatch(body)
		if st != http.StatusOK || m == nil {
			t.Fatalf("own township: %d %.2000s", st, body)
		}
		if st, body := c.postForm("/import/confirm", map[string][]string{"token": {m[1]}}); st != http.StatusOK || !strings.Contains(body, `id="n-new">1<`) {
			t.Fatalf("confirm: %d %.2000s", st, body)
		}
		if n := orgCount(t, a); n != before+1 {
			t.Fatalf("%d orgs, want %d", n, before+1)
		}
		bad := orgsHeader + "T-TWN-2,本镇一行,产业协会,否," + here + ",木耳,2020-05-01\n" +
			"T-TWN-3,外镇一行,产业协会,否," + there + ",木耳,2020-05-01\n" +
			"T-TWN-1,本镇协会,产业协会,否," + there + ",木耳,2020-05-01\n"
		st, body = c.upload("/import", map[string]string{"kind": "orgs"}, "跨镇.csv", []byte(bad))
		if st != http.StatusUnprocessableEntity || !strings.Contains(body, "跨镇.csv:3:所在村: 不存在或无权访问") ||
			!strings.Contains(body, "跨镇.csv:4:所在村: 不存在或无权访问") || strings.Contains(body, "跨镇.csv:2:") {
			t.Fatalf("a row of another township: %d %.3000s", st, body)
		}
		if n := orgCount(t, a); n != before+1 {
			t.Errorf("the refused file wrote: %d orgs", n)
		}
		// Members of an org of another township: refused on the org column.
		members := "身份证号,姓名,组织编号,加入日期,政治面貌\n" + newIDNumber(5) + ",张三," + orgB + ",2020-01-01,群众\n"
		st, body = c.upload("/import", map[string]string{"kind": "members"}, "成员.csv", []byte(members))
		if st != http.StatusUnprocessableEntity || !strings.Contains(body, "成员.csv:2:组织编号: 不存在或无权访问") {
			t.Errorf("members of another township's org: %d %.3000s", st, body)
		}
		// The other township's officer imports into the org of town B.
		if st, body := a.login(t, "townB").upload("/import", map[string]string{"kind": "members"}, "成员.csv", []byte(members)); st != http.StatusOK {
			t.Errorf("townB's own org: %d %.2000s", st, body)
		}
	})
}

// TestUploadsClose: the server's Close removes the directory where uploads
// wait for confirmation, with what is in it.
func TestUploadsClose(t *testing.T) {
	var u uploads
	up, err := u.put("admin", "members", "m.csv", ".csv", time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(up.Path, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Dir(up.Path)
	if err := u.close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("%s still there after close: %v", dir, err)
	}
	if u.get(up.Token, "admin", time.Now()) != nil {
		t.Error("the upload is still known after close")
	}
}

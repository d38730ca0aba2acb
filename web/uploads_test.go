package web

import (
	"archive/zip"
	"bufio"
	"bytes"
	"compress/flate"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"hezuo/sqldb/dbtest"
)

// uploadedFiles lists the files under root (uploads and error workbooks;
// the lock files aside).
func uploadedFiles(t *testing.T, root string) []string {
	t.Helper()
	var out []string
	filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && d.Name() != lockName {
			out = append(out, p)
		}
		return nil
	})
	return out
}

// TestUploadFilesRemoved: an upload's file is removed once it is confirmed,
// cancelled or expired, and with its error workbook when it had problems.
func TestUploadFilesRemoved(t *testing.T) {
	root := t.TempDir()
	// Sessions outlive the uploads here: expiry is the uploads'.
	a := newApp(t, dbtest.SQLite(t), Options{UploadDir: root, IdleTimeout: 3 * uploadTTL, MaxAge: 3 * uploadTTL})
	admin := a.login(t, "admin")
	village := villageOf(t, a, townA)
	good := func(no string) []byte {
		return []byte(orgsHeader + no + ",上传文件测试协会" + no + ",产业协会,否," + village + ",黑木耳,2020-05-01\n")
	}
	preview := func(content []byte) string {
		t.Helper()
		st, body := admin.upload("/import", map[string]string{"kind": "orgs"}, "orgs.csv", content)
		m := tokenRe.FindStringSubmatch(body)
		if st != http.StatusOK && st != http.StatusUnprocessableEntity || m == nil {
			t.Fatalf("preview: %d %.1500s", st, body)
		}
		if n := len(uploadedFiles(t, root)); n == 0 {
			t.Fatal("the preview kept no file")
		}
		return m[1]
	}
	none := func(when string) {
		t.Helper()
		if f := uploadedFiles(t, root); len(f) != 0 {
			t.Errorf("after %s: %v left", when, f)
		}
	}

	tok := preview(good("T-UP-1"))
	if st, _ := admin.postForm("/import/confirm", map[string][]string{"token": {tok}}); st != http.StatusOK {
		t.Fatalf("confirm: %d", st)
	}
	none("confirming")

	tok = preview(good("T-UP-2"))
	if st, _ := admin.postForm("/import/cancel", map[string][]string{"token": {tok}}); st != http.StatusSeeOther {
		t.Fatalf("cancel: %d", st)
	}
	none("cancelling")
	if st, _ := admin.postForm("/import/confirm", map[string][]string{"token": {tok}}); st != http.StatusNotFound {
		t.Errorf("confirming a cancelled upload: %d", st)
	}

	// A file with problems keeps its error workbook until cancelled.
	tok = preview([]byte(orgsHeader + "T-UP-3,,产业协会,否,999999999999,黑木耳,2020-05-01\n"))
	if n := len(uploadedFiles(t, root)); n != 2 {
		t.Errorf("%d files for a rejected upload, want 2 (it and its error workbook)", n)
	}
	if st, _ := a.login(t, "townA").postForm("/import/cancel", map[string][]string{"token": {tok}}); st != http.StatusSeeOther || len(uploadedFiles(t, root)) != 2 {
		t.Errorf("someone else cancelled the upload: %d", st)
	}
	admin.postForm("/import/cancel", map[string][]string{"token": {tok}})
	none("cancelling a rejected upload")

	tok = preview(good("T-UP-4"))
	a.clock.Add(uploadTTL + time.Minute)
	if st, _ := admin.postForm("/import/confirm", map[string][]string{"token": {tok}}); st != http.StatusNotFound {
		t.Errorf("confirming an expired upload: %d", st)
	}
	none("expiry")
}

// TestUploadsOfACrashedServerRemovedAtStart: a server killed with uploads
// waiting leaves them; the next server to start removes them, and leaves
// alone the files of a server still running.
func TestUploadsOfACrashedServerRemovedAtStart(t *testing.T) {
	root := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^TestUploadHelperServer$")
	cmd.Env = append(os.Environ(), "HEZUO_UPLOAD_HELPER="+root)
	out, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, _ := bufio.NewReader(out).ReadString('\n')
	if !strings.HasPrefix(line, "ready ") {
		cmd.Process.Kill()
		t.Fatalf("helper server: %q", line)
	}
	crashed := strings.TrimSpace(strings.TrimPrefix(line, "ready "))
	live := &uploads{root: root}
	up, err := live.put("admin", "orgs", "live.csv", ".csv", time.Now())
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(up.Path, []byte("x"), 0o600)
	defer live.close()

	// Still running: a new server leaves its files alone.
	s1, err := New(nil, Options{UploadDir: root})
	if err != nil {
		t.Fatal(err)
	}
	s1.Close()
	if _, err := os.Stat(crashed); err != nil {
		t.Fatalf("the running helper's upload was removed: %v", err)
	}
	cmd.Process.Kill() // a crash: no Close
	cmd.Wait()
	if _, err := os.Stat(crashed); err != nil {
		t.Fatalf("the killed helper's upload is gone already: %v", err)
	}
	s2, err := New(nil, Options{UploadDir: root})
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if _, err := os.Stat(filepath.Dir(crashed)); !os.IsNotExist(err) {
		t.Errorf("the crashed server's upload directory is still there: %v", err)
	}
	if _, err := os.Stat(up.Path); err != nil {
		t.Errorf("a running server's upload was removed: %v", err)
	}
}

// TestUploadHelperServer is the server TestUploadsOfACrashedServerRemovedAtStart
// kills: it stores an upload, says where, and waits.
func TestUploadHelperServer(t *testing.T) {
	root := os.Getenv("HEZUO_UPLOAD_HELPER")
	if root == "" {
		t.Skip("run by TestUploadsOfACrashedServerRemovedAtStart")
	}
	u := &uploads{root: root}
	up, err := u.put("admin", "orgs", "crash.csv", ".csv", time.Now())
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(up.Path, []byte("x"), 0o600)
	os.Stdout.WriteString("ready " + up.Path + "\n")
	time.Sleep(time.Minute)
}

// TestUploadedZipBomb: a workbook of 250 KB that unzips to 200 MB is
// refused with the file's name (422), takes little memory, and leaves no file.
func TestUploadedZipBomb(t *testing.T) {
	root := t.TempDir()
	a := newApp(t, dbtest.SQLite(t), Options{UploadDir: root})
	admin := a.login(t, "admin")
	f := excelize.NewFile()
	f.SetCellValue("Sheet1", "A1", "组织编号")
	base, _ := f.WriteToBuffer()
	zr, _ := zip.NewReader(bytes.NewReader(base.Bytes()), int64(base.Len()))
	var bomb bytes.Buffer
	zw := zip.NewWriter(&bomb)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) { return flate.NewWriter(w, flate.BestSpeed) })
	for _, e := range zr.File {
		if e.Name != "xl/worksheets/sheet1.xml" {
			zw.Copy(e)
			continue
		}
		w, _ := zw.CreateHeader(&zip.FileHeader{Name: e.Name, Method: zip.Deflate})
		io.WriteString(w, `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>组织编号</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>`)
		zeros := bytes.Repeat([]byte{'0'}, 1<<20)
		for range 200 {
			w.Write(zeros)
		}
		io.WriteString(w, `</t></is></c></row></sheetData></worksheet>`)
	}
	zw.Close()
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	st, body := admin.upload("/import", map[string]string{"kind": "orgs"}, "炸弹.xlsx", bomb.Bytes())
	runtime.ReadMemStats(&after)
	alloc := (after.TotalAlloc - before.TotalAlloc) >> 20
	t.Logf("a %d KB bomb: %d, %d MB allocated", bomb.Len()>>10, st, alloc)
	if st != http.StatusUnprocessableEntity || !strings.Contains(body, "炸弹.xlsx") || strings.Contains(body, root) {
		t.Errorf("the bomb: %d %.1500s", st, body)
	}
	if alloc > 100 {
		t.Errorf("refusing the bomb allocated %d MB", alloc)
	}
	if f := uploadedFiles(t, root); len(f) != 0 {
		t.Errorf("the bomb left %v", f)
	}
}

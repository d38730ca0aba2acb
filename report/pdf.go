package report

import (
	"context"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"time"

	"github.com/chromedp/chromedp"

	"hezuo"
)

// ChromiumPaths are where WritePDF looks for the browser, in order; the
// environment variable HEZUO_CHROMIUM, when set, comes first.
var ChromiumPaths = []string{"/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"}

// PDFTimeout bounds one PDF print, browser start included.
var PDFTimeout = 90 * time.Second

// Chromium returns the path of the local Chromium, or "" when none is found.
func Chromium() string {
	paths := ChromiumPaths
	if p := os.Getenv("HEZUO_CHROMIUM"); p != "" {
		paths = append([]string{p}, paths...)
	}
	for _, p := range paths {
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			return p
		}
	}
	return ""
}

// WritePDF writes d as PDF: the HTML report printed on A4 by the local
// Chromium (headless, fresh profile, no network), with page numbers. The
// text layer keeps the Chinese characters, since Chromium embeds the CJK
// fonts it renders with (Debian: fonts-noto-cjk).
func WritePDF(ctx context.Context, w io.Writer, d *Document) error {
	exe := Chromium()
	if exe == "" {
		return hezuo.Errorf(hezuo.EINTERNAL, "生成 PDF 需要本机安装 Chromium（如 apt-get install chromium fonts-noto-cjk），或用 HEZUO_CHROMIUM 指明其路径",
			"writing PDF needs a local Chromium (e.g. apt-get install chromium fonts-noto-cjk) or HEZUO_CHROMIUM naming it")
	}
	dir, err := os.MkdirTemp("", "hezuo-pdf-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	page := filepath.Join(dir, "report.html")
	f, err := os.Create(page)
	if err != nil {
		return err
	}
	if err := WriteHTML(f, d); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, PDFTimeout)
	defer cancel()
	actx, cancelAlloc := chromedp.NewExecAllocator(ctx,
		chromedp.ExecPath(exe), chromedp.UserDataDir(filepath.Join(dir, "profile")),
		chromedp.Flag("headless", true), chromedp.Flag("no-sandbox", true), chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true), chromedp.Flag("no-first-run", true), chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true), chromedp.Flag("disable-dev-shm-usage", true))
	defer cancelAlloc()
	bctx, cancelBrowser := chromedp.NewContext(actx)
	defer cancelBrowser()
	if err := chromedp.Do(bctx, chromedp.Navigate((&url.URL{Scheme: "file", Path: page}).String())); err != nil {
		return hezuo.Errorf(hezuo.EINTERNAL, "Chromium 无法打开报告：%v", "Chromium could not open the report: %v", err)
	}
	// Wait for the fonts, so that the PDF embeds the CJK faces and not a fallback.
	if _, err := chromedp.Run(bctx, chromedp.Evaluate[bool](`document.fonts.ready.then(() => true)`, chromedp.EvalAwaitPromise)); err != nil {
		return hezuo.Errorf(hezuo.EINTERNAL, "Chromium 加载字体失败：%v", "Chromium could not load the fonts: %v", err)
	}
	footer := `<div style="width:100%;font-size:9px;text-align:center;color:#555;font-family:'Noto Serif CJK SC',serif">— <span class="pageNumber"></span> —</div>`
	buf, err := chromedp.Run(bctx, chromedp.PrintToPDF(
		chromedp.PDFPaper(chromedp.PaperA4), chromedp.PDFPreferCSSPageSize(), chromedp.PDFPrintBackground(),
		chromedp.PDFHeaderTemplate(`<div></div>`), chromedp.PDFFooterTemplate(footer), chromedp.PDFOutlineAndTagged()))
	if err != nil {
		return hezuo.Errorf(hezuo.EINTERNAL, "Chromium 打印 PDF 失败：%v", "Chromium could not print the PDF: %v", err)
	}
	_, err = w.Write(buf)
	return err
}

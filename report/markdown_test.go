package report

import (
	"bytes"
	"strings"
	"testing"
)

// Texts users typed (org, person and division names, notes) that would be
// Markdown or HTML if written as they are.
const (
	evilFormula = `=HYPERLINK("http://x")`
	evilScript  = `<script>alert(1)</script>`
	evilTable   = "a|b\n# x"
	evilLink    = "[点我](javascript:alert(1)) ![img](http://x/t.png)"
	evilMarks   = "*bold* _it_ `code` ~~gone~~ \\"
)

// TestMarkdownEscapesUserText: every text of a document is written as
// text: no HTML tag, link, heading, list item or extra table cell comes out
// of a name, wherever the name appears.
func TestMarkdownEscapesUserText(t *testing.T) {
	evil := []string{evilFormula, evilScript, evilTable, evilLink, evilMarks}
	all := strings.Join(evil, " ")
	d := &Document{Lang: "zh", Title: evilTable + evilScript, Subtitle: "- " + evilScript, Meta: []string{evilTable, evilLink},
		Sections: []Section{{Heading: evilTable, Level: 1, Blocks: []Block{
			&Paragraph{Text: "1. " + all},
			&Paragraph{Text: "+ " + evilTable},
			&Paragraph{Lead: evilScript + " ", Text: all},
			&Table{Caption: evilTable, Header: []string{"组织", "人数"}, Notes: []string{all},
				Rows: [][]Cell{{{Text: evilTable}, {Text: "-3", Num: -3, Kind: CellInt}}, {{Text: evilScript}, {Text: "12", Num: 12, Kind: CellInt}},
					{{Text: evilFormula}, {Text: "7", Num: 7, Kind: CellInt}}, {{Text: evilLink}, {Text: "1", Num: 1, Kind: CellInt}}}},
			&Findings{Items: []Finding{{Severity: "error", Title: evilLink, Detail: evilTable, Items: evil}}},
		}}},
	}
	var buf bytes.Buffer
	if err := WriteMarkdown(&buf, d); err != nil {
		t.Fatal(err)
	}
	md := buf.String()
	unescaped := strings.NewReplacer(`\#`, "", `\*`, "", `\_`, "", "\\`", "", `\~`, "").Replace(md)
	for _, bad := range []string{"<script", "</script", "](", "![", "# x", "*", "_", "`", "~~"} {
		if strings.Contains(strings.ReplaceAll(unescaped, "**", ""), bad) {
			t.Errorf("the Markdown holds %q:\n%s", bad, md)
		}
	}
	if !strings.Contains(md, `=HYPERLINK\("http://x"\)`) || !strings.Contains(md, "&lt;script&gt;") {
		t.Errorf("the names are not shown as text:\n%s", md)
	}
	headings, rows := 0, 0
	for _, line := range strings.Split(md, "\n") {
		if strings.HasPrefix(line, "#") {
			headings++
		}
		for _, block := range []string{"- &lt;", "+ ", "1. ", "= "} {
			if strings.HasPrefix(line, block) {
				t.Errorf("a name starts a block: %q", line)
			}
		}
		if strings.HasPrefix(line, "| ") {
			rows++
			// Cells are split by the "|" that no backslash escapes.
			if n := strings.Count(line, "|") - strings.Count(line, `\|`); n != 3 {
				t.Errorf("table line with %d cells: %q", n-1, line)
			}
			if strings.Contains(line, "-3") && !strings.Contains(line, "| -3 |") {
				t.Errorf("a number cell changed: %q", line)
			}
		}
	}
	if headings != 2 || rows != 6 {
		t.Errorf("%d headings (want the title and one section), %d table lines (want 6):\n%s", headings, rows, md)
	}
}

// TestMarkdownLine: the start of a paragraph cannot make a list, a numbered
// item or a setext heading.
func TestMarkdownLine(t *testing.T) {
	for in, want := range map[string]string{
		"- x": `\- x`, "+ x": `\+ x`, "2024. x": `2024\. x`, "3) x": `3\) x`, "=== ": `\=== `, "    code": "code",
		"2024年6月": "2024年6月", "普通文字": "普通文字", "a|b\nc": `a\|b c`, "<b>": "&lt;b&gt;",
	} {
		if got := mdLine(in); got != want {
			t.Errorf("mdLine(%q) = %q, want %q", in, got, want)
		}
	}
}

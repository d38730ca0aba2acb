package report

import (
	"bufio"
	"io"
	"strings"
)

// WriteMarkdown writes d as GitHub-flavoured Markdown: headings, paragraphs,
// pipe tables, charts as the tables of their data, findings as lists. Every
// text of d is plain text (names of orgs, people and divisions typed by
// users among it) and is escaped (mdInline, mdLine): the only Markdown is
// the writer's own.
func WriteMarkdown(w io.Writer, d *Document) error {
	bw := bufio.NewWriter(w)
	p := func(s ...string) {
		for _, x := range s {
			bw.WriteString(x)
		}
		bw.WriteString("\n")
	}
	p("# ", mdInline(d.Title))
	p()
	if d.Subtitle != "" {
		p(mdLine(d.Subtitle))
		p()
	}
	for _, m := range d.Meta {
		p("> ", mdInline(m), "  ")
	}
	p()
	for _, s := range d.Sections {
		if s.Level <= 1 {
			p("## ", mdInline(s.Heading))
		} else {
			p("### ", mdInline(s.Heading))
		}
		p()
		for _, b := range s.Blocks {
			switch b := b.(type) {
			case *Paragraph:
				if lead := strings.TrimRight(b.Lead, " "); lead != "" {
					// Markdown closes bold only before a non-space: keep the space outside.
					p("**", mdInline(lead), "**", b.Lead[len(lead):], mdInline(b.Text))
				} else {
					p(mdLine(b.Text))
				}
			case *Table:
				mdTable(p, b)
			case *Chart:
				mdTable(p, chartTable(d, b))
			case *Findings:
				for _, f := range b.Items {
					line := "- **\\[" + mdInline(severityLabel(d, f.Severity)) + "\\]** " + mdInline(f.Title)
					if f.Detail != "" {
						line += " — " + mdInline(f.Detail)
					}
					p(line)
					items, more := shownItems(d, f)
					for _, it := range items {
						p("  - ", mdInline(it))
					}
					if more != "" {
						p("  - ", mdInline(more))
					}
				}
			}
			p()
		}
	}
	return bw.Flush()
}

// mdTable writes a caption, a pipe table and its notes.
func mdTable(p func(...string), t *Table) {
	p("**", mdInline(t.Caption), "**")
	p()
	p("| ", strings.Join(mapStrings(t.Header, mdInline), " | "), " |")
	seps := make([]string, len(t.Header))
	for i := range seps {
		seps[i] = "---"
		if i > 0 && len(t.Rows) > 0 && i < len(t.Rows[0]) && t.Rows[0][i].IsNum() {
			seps[i] = "---:"
		}
	}
	p("| ", strings.Join(seps, " | "), " |")
	for i, r := range t.Rows {
		cells := make([]string, len(r))
		for j, c := range r {
			cells[j] = mdInline(c.Text)
			if t.Total && i == len(t.Rows)-1 && c.Text != "" {
				cells[j] = "**" + cells[j] + "**"
			}
		}
		p("| ", strings.Join(cells, " | "), " |")
	}
	for _, n := range t.Notes {
		p()
		p("> ", mdInline(n))
	}
}

func mapStrings(xs []string, f func(string) string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = f(x)
	}
	return out
}

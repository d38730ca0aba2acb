package report

import (
	"bufio"
	"io"
	"strings"
)

// WriteMarkdown writes d as GitHub-flavoured Markdown: headings, paragraphs,
// pipe tables, charts as the tables of their data, findings as lists.
func WriteMarkdown(w io.Writer, d *Document) error {
	bw := bufio.NewWriter(w)
	p := func(s ...string) {
		for _, x := range s {
			bw.WriteString(x)
		}
		bw.WriteString("\n")
	}
	p("# ", d.Title)
	p()
	if d.Subtitle != "" {
		p(d.Subtitle)
		p()
	}
	for _, m := range d.Meta {
		p("> ", m, "  ")
	}
	p()
	for _, s := range d.Sections {
		if s.Level <= 1 {
			p("## ", s.Heading)
		} else {
			p("### ", s.Heading)
		}
		p()
		for _, b := range s.Blocks {
			switch b := b.(type) {
			case *Paragraph:
				if lead := strings.TrimRight(b.Lead, " "); lead != "" {
					// Markdown closes bold only before a non-space: keep the space outside.
					p("**", lead, "**", b.Lead[len(lead):], b.Text)
				} else {
					p(b.Text)
				}
			case *Table:
				mdTable(p, b)
			case *Chart:
				mdTable(p, chartTable(d, b))
			case *Findings:
				for _, f := range b.Items {
					line := "- **[" + severityLabel(d, f.Severity) + "]** " + f.Title
					if f.Detail != "" {
						line += " — " + f.Detail
					}
					p(line)
					items, more := shownItems(d, f)
					for _, it := range items {
						p("  - ", mdEscape(it))
					}
					if more != "" {
						p("  - ", more)
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
	p("**", t.Caption, "**")
	p()
	p("| ", strings.Join(mapStrings(t.Header, mdEscape), " | "), " |")
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
			cells[j] = mdEscape(c.Text)
			if t.Total && i == len(t.Rows)-1 && c.Text != "" {
				cells[j] = "**" + cells[j] + "**"
			}
		}
		p("| ", strings.Join(cells, " | "), " |")
	}
	for _, n := range t.Notes {
		p()
		p("> ", n)
	}
}

func mdEscape(s string) string {
	return strings.NewReplacer("|", "\\|", "\n", " ").Replace(s)
}

func mapStrings(xs []string, f func(string) string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = f(x)
	}
	return out
}

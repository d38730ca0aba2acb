// Package report writes the county work report on party-building in farmers'
// cooperative organizations: Chinese (or English) prose generated from the
// figures in the manner of the seed article's statistics paragraphs, tables
// per township and per org kind, charts, and data-quality findings beside it.
//
// The package has two halves. Build is pure: an Input (figures, the check,
// registry records, the dates) in, a Document out, no I/O and no clock.
// Write renders a Document as Markdown, self-contained HTML, Word (.docx),
// PDF (the HTML printed by the local Chromium) or Excel (.xlsx). Collect is
// the one helper that reads: it asks the store's report door (store.Report) for the
// figures a report needs.
//
// A web handler does: in, err := report.Collect(ctx, db, scope, day, compare);
// doc := report.Build(in, lang); report.Write(ctx, w, doc, "pdf").
package report

// Document is a report ready to render: a title block, numbered sections of
// prose, tables and charts, and the data-quality findings.
type Document struct {
	Lang     string // "zh" or "en"
	Title    string
	Subtitle string   // the as-of line, e.g. （截至2022年6月8日）
	Meta     []string // small lines under the title: scope, sources, comparison
	Sections []Section
}

// Section is a headed part of the document. Level 1 sections are numbered
// chapters (一、…); level 2 sit inside the preceding level 1 section.
type Section struct {
	Heading string
	Level   int
	Blocks  []Block
}

// Block is one element of a section: *Paragraph, *Table, *Chart or
// *Findings.
type Block interface{ block() }

// Paragraph is one paragraph of prose. Lead, when set, is a bold lead-in
// written before Text (一是……。).
type Paragraph struct {
	Lead string
	Text string
}

// Table is a captioned table. The first row of Header is the column heads;
// Total marks the last row as a total row. Sheet is a short name for the
// table's Excel sheet (at most 31 characters).
type Table struct {
	Sheet   string
	Caption string
	Header  []string
	Rows    [][]Cell
	Total   bool
	Notes   []string
}

// Cell is one table cell: its display text, and for numbers the value and
// kind so that spreadsheets hold numbers, not text.
type Cell struct {
	Text string
	Num  float64
	Kind CellKind
}

// CellKind says how a cell's number is stored and shown.
type CellKind int

// Cell kinds: text, an integer count, a share between 0 and 1, money in
// 万元 (ten thousand yuan) with two decimals, and a signed change.
const (
	CellText CellKind = iota
	CellInt
	CellShare
	CellWan
	CellChange
)

// IsNum reports whether the cell holds a number.
func (c Cell) IsNum() bool { return c.Kind != CellText }

// Chart is a chart for print: categories on one axis, one or more series.
// Kind is "bar" (one series per bar group), "stacked" (series stacked in each
// bar) or "donut" (one series, parts of a whole).
type Chart struct {
	Sheet      string
	Title      string
	Kind       string
	Unit       string
	Categories []string
	Series     []Series
}

// Series is one named row of chart values, one per category.
type Series struct {
	Name   string
	Values []float64
}

// Severity of a finding: a check that passed, a note on definitions, a
// problem in the data, or figures that contradict each other.
const (
	SevOK      = "ok"
	SevInfo    = "info"
	SevWarning = "warning"
	SevError   = "error"
)

// Finding is one data-quality result: a title, what it means, and every
// org or line it concerns (writers for print may show only the first few).
type Finding struct {
	Severity string
	Title    string
	Detail   string
	Items    []string
}

// Findings is the block of data-quality findings.
type Findings struct {
	Items []Finding
}

func (*Paragraph) block() {}
func (*Table) block()     {}
func (*Chart) block()     {}
func (*Findings) block()  {}

// Paragraphs returns the text of every paragraph of the document in order
// (lead-ins included), for tests and for counting the prose.
func (d *Document) Paragraphs() []string {
	var out []string
	for _, s := range d.Sections {
		for _, b := range s.Blocks {
			if p, ok := b.(*Paragraph); ok {
				out = append(out, p.Lead+p.Text)
			}
		}
	}
	return out
}

// Tables returns every table of the document in order.
func (d *Document) Tables() []*Table {
	var out []*Table
	for _, s := range d.Sections {
		for _, b := range s.Blocks {
			if t, ok := b.(*Table); ok {
				out = append(out, t)
			}
		}
	}
	return out
}

// Charts returns every chart of the document in order.
func (d *Document) Charts() []*Chart {
	var out []*Chart
	for _, s := range d.Sections {
		for _, b := range s.Blocks {
			if c, ok := b.(*Chart); ok {
				out = append(out, c)
			}
		}
	}
	return out
}

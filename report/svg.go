package report

import (
	"fmt"
	"html"
	"math"
	"strings"
)

// palette colours the series: party red first, then sober tones that stay
// distinct when printed in grey.
var palette = []string{"#b22222", "#d4a017", "#2f5d8a", "#6b8e23", "#7b5ea7", "#8c8c8c"}

// Chart geometry in SVG user units (the HTML scales the drawing to fit).
const (
	svgW, svgH               = 680.0, 320.0
	padL, padR               = 52.0, 16.0
	padTop, padBottom        = 40.0, 44.0
	donutR, donutStroke      = 96.0, 46.0
	svgFont                  = `font-family="'Noto Sans CJK SC','Source Han Sans SC','Microsoft YaHei','SimHei',sans-serif"`
	legendSwatch, legendStep = 12.0, 20.0
)

// SVG draws c as a self-contained inline SVG element.
func SVG(c *Chart) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %.0f %.0f" role="img" aria-label="%s" %s font-size="13">`,
		svgW, svgH, html.EscapeString(c.Title), svgFont)
	if c.Kind == "donut" {
		donut(&b, c)
	} else {
		bars(&b, c)
	}
	b.WriteString(`</svg>`)
	return b.String()
}

// niceStep returns a tick step of 1, 2 or 5 times a power of ten (at least
// 1) such that four steps reach v.
func niceStep(v float64) float64 {
	if v <= 4 {
		return 1
	}
	raw := v / 4
	p := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 5, 10} {
		if m*p >= raw {
			return m * p
		}
	}
	return 10 * p
}

func num(v float64) string { return fmt.Sprintf("%g", v) }

// legend draws the series names from (x, y) rightwards.
func legend(b *strings.Builder, names []string, x, y float64) {
	for i, n := range names {
		fmt.Fprintf(b, `<rect x="%.1f" y="%.1f" width="%.0f" height="%.0f" fill="%s"/>`, x, y-legendSwatch+2, legendSwatch, legendSwatch, palette[i%len(palette)])
		fmt.Fprintf(b, `<text x="%.1f" y="%.1f">%s</text>`, x+legendSwatch+4, y, html.EscapeString(n))
		x += legendSwatch + 16 + float64(textWidth(n))
	}
}

// textWidth estimates a label's width: 13 units a CJK character, 7 others.
func textWidth(s string) int {
	w := 0
	for _, r := range s {
		if r > 0x2e80 {
			w += 13
		} else {
			w += 7
		}
	}
	return w
}

// bars draws vertical bars: grouped series for "bar", stacked for "stacked".
func bars(b *strings.Builder, c *Chart) {
	n := len(c.Categories)
	if n == 0 {
		return
	}
	stacked := c.Kind == "stacked"
	var top float64
	for i := range c.Categories {
		sum := 0.0
		for _, s := range c.Series {
			if stacked {
				sum += s.Values[i]
			} else {
				sum = math.Max(sum, s.Values[i])
			}
		}
		top = math.Max(top, sum)
	}
	step := niceStep(top)
	top = step * 4
	plotW, plotH := svgW-padL-padR, svgH-padTop-padBottom
	y := func(v float64) float64 { return padTop + plotH - v/top*plotH }
	for k := 0; k <= 4; k++ {
		v := step * float64(k)
		fmt.Fprintf(b, `<line x1="%.1f" x2="%.1f" y1="%.1f" y2="%.1f" stroke="#d9d9d9" stroke-width="1"/>`, padL, svgW-padR, y(v), y(v))
		fmt.Fprintf(b, `<text x="%.1f" y="%.1f" text-anchor="end" fill="#555">%s</text>`, padL-6, y(v)+4, num(v))
	}
	if c.Unit != "" {
		fmt.Fprintf(b, `<text x="%.1f" y="%.1f" fill="#555">%s</text>`, 4.0, padTop-14, html.EscapeString("("+c.Unit+")"))
	}
	slot := plotW / float64(n)
	groups := 1
	if !stacked {
		groups = len(c.Series)
	}
	barW := math.Min(44, slot*0.62/float64(groups))
	for i, cat := range c.Categories {
		x0 := padL + slot*float64(i) + (slot-barW*float64(groups))/2
		base := 0.0
		for j, s := range c.Series {
			v := s.Values[i]
			x := x0
			if !stacked {
				x += barW * float64(j)
				base = 0
			}
			if v > 0 {
				fmt.Fprintf(b, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s"/>`, x, y(base+v), barW, y(base)-y(base+v), palette[j%len(palette)])
			}
			if !stacked {
				fmt.Fprintf(b, `<text x="%.1f" y="%.1f" text-anchor="middle">%s</text>`, x+barW/2, y(v)-4, num(v))
			}
			base += v
		}
		if stacked {
			fmt.Fprintf(b, `<text x="%.1f" y="%.1f" text-anchor="middle" font-weight="bold">%s</text>`, x0+barW/2, y(base)-4, num(base))
		}
		fmt.Fprintf(b, `<text x="%.1f" y="%.1f" text-anchor="middle">%s</text>`, padL+slot*(float64(i)+0.5), svgH-padBottom+18, html.EscapeString(cat))
	}
	fmt.Fprintf(b, `<line x1="%.1f" x2="%.1f" y1="%.1f" y2="%.1f" stroke="#333" stroke-width="1"/>`, padL, svgW-padR, y(0), y(0))
	if len(c.Series) > 1 {
		names := make([]string, len(c.Series))
		for i, s := range c.Series {
			names[i] = s.Name
		}
		legend(b, names, padL, 18)
	}
}

// donut draws one series as a ring of parts with a legend of values and
// shares; the total stands in the middle.
func donut(b *strings.Builder, c *Chart) {
	if len(c.Series) == 0 {
		return
	}
	vals := c.Series[0].Values
	total := 0.0
	for _, v := range vals {
		total += v
	}
	cx, cy := 170.0, svgH/2
	circ := 2 * math.Pi * donutR
	fmt.Fprintf(b, `<circle cx="%.1f" cy="%.1f" r="%.1f" fill="none" stroke="#eee" stroke-width="%.0f"/>`, cx, cy, donutR, donutStroke)
	off := 0.0
	for i, v := range vals {
		if v <= 0 || total == 0 {
			continue
		}
		l := v / total * circ
		fmt.Fprintf(b, `<circle cx="%.1f" cy="%.1f" r="%.1f" fill="none" stroke="%s" stroke-width="%.0f" stroke-dasharray="%.2f %.2f" stroke-dashoffset="%.2f" transform="rotate(-90 %.1f %.1f)"/>`,
			cx, cy, donutR, palette[i%len(palette)], donutStroke, l, circ-l, -off, cx, cy)
		off += l
	}
	fmt.Fprintf(b, `<text x="%.1f" y="%.1f" text-anchor="middle" font-size="26" font-weight="bold">%s</text>`, cx, cy+6, num(total))
	fmt.Fprintf(b, `<text x="%.1f" y="%.1f" text-anchor="middle" fill="#555">%s</text>`, cx, cy+28, html.EscapeString(c.Unit))
	x, y := 330.0, cy-float64(len(vals))*legendStep*0.8
	for i, cat := range c.Categories {
		share := 0.0
		if total > 0 {
			share = vals[i] / total
		}
		fmt.Fprintf(b, `<rect x="%.1f" y="%.1f" width="%.0f" height="%.0f" fill="%s"/>`, x, y-legendSwatch+2, legendSwatch, legendSwatch, palette[i%len(palette)])
		fmt.Fprintf(b, `<text x="%.1f" y="%.1f">%s  %s (%s)</text>`, x+legendSwatch+6, y, html.EscapeString(cat), num(vals[i]), pct(share))
		y += legendStep * 1.6
	}
}

package report

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"hezuo"
)

// lang carries the report language and formats numbers, dates and changes
// the way each language writes them: Chinese as the seed article does
// (11532人, 2275万元, 2022年6月8日), English with thousands separators.
type lang struct{ en bool }

// t picks the Chinese or the English text.
func (l lang) t(zh, en string) string {
	if l.en {
		return en
	}
	return zh
}

// n writes a count: 11532 in Chinese, 11,532 in English.
func (l lang) n(v int) string {
	s := strconv.Itoa(v)
	if !l.en {
		return s
	}
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// pct writes a share between 0 and 1 as a percentage with one decimal.
func pct(x float64) string { return strconv.FormatFloat(x*100, 'f', 1, 64) + "%" }

// wan returns an amount in fen as 万元 (ten thousand yuan).
func wan(fen int64) float64 { return float64(fen) / 100 / 10000 }

// wanText writes an amount in fen as 万元 with at most two decimals and no
// trailing zeros: 2275000000 fen → "2275".
func wanText(fen int64) string {
	s := strconv.FormatFloat(wan(fen), 'f', 2, 64)
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".")
}

// yuanEN writes an amount in fen as millions of yuan for English prose.
func yuanEN(fen int64) string {
	s := strconv.FormatFloat(float64(fen)/100/1e6, 'f', 2, 64)
	s = strings.TrimSuffix(strings.TrimRight(s, "0"), ".")
	return s + " million yuan"
}

// date writes a date: 2022年6月8日 or 8 June 2022.
func (l lang) date(d hezuo.Date) string {
	if d.IsZero() {
		return ""
	}
	if l.en {
		return fmt.Sprintf("%d %s %d", d.Day(), d.Month(), d.Year())
	}
	return fmt.Sprintf("%d年%d月%d日", d.Year(), int(d.Month()), d.Day())
}

// change describes the change from then to now with its unit: 增长3个,
// 减少2人, 持平 — or up 3, down 2, unchanged.
func (l lang) change(now, then int, unit string) string {
	d := now - then
	switch {
	case d > 0 && l.en:
		return "up " + l.n(d)
	case d < 0 && l.en:
		return "down " + l.n(-d)
	case d == 0 && l.en:
		return "unchanged"
	case d > 0:
		return "增长" + l.n(d) + unit
	case d < 0:
		return "减少" + l.n(-d) + unit
	}
	return "持平"
}

// ratio returns part/whole, 0 when whole is 0.
func ratio(part, whole int) float64 {
	if whole == 0 {
		return 0
	}
	return float64(part) / float64(whole)
}

// Cell constructors.
func txt(s string) Cell { return Cell{Text: s} }

func (l lang) num(v int) Cell { return Cell{Text: l.n(v), Num: float64(v), Kind: CellInt} }

func share(x float64) Cell { return Cell{Text: pct(x), Num: x, Kind: CellShare} }

func wanCell(fen int64) Cell { return Cell{Text: wanText(fen), Num: wan(fen), Kind: CellWan} }

func (l lang) delta(now, then int) Cell {
	s := l.n(now - then)
	if now > then {
		s = "+" + s
	}
	return Cell{Text: s, Num: float64(now - then), Kind: CellChange}
}

// wholeZH returns how Chinese prose names the whole area: 全县, 全镇, 全州…,
// from the area's level and the last character of its name.
func wholeZH(level, name string) string {
	last, _ := utf8.DecodeLastRuneInString(name)
	switch level {
	case hezuo.LevelProvince:
		if strings.HasSuffix(name, "自治区") {
			return "全区"
		}
		if last == '市' {
			return "全市"
		}
		return "全省"
	case hezuo.LevelPrefecture, hezuo.LevelCounty, hezuo.LevelTownship:
		if strings.HasSuffix(name, "街道") {
			return "全街道"
		}
		if strings.ContainsRune("县市区旗州盟镇乡", last) {
			return "全" + string(last)
		}
		return map[string]string{hezuo.LevelPrefecture: "全市", hezuo.LevelCounty: "全县", hezuo.LevelTownship: "全乡镇"}[level]
	case hezuo.LevelVillage:
		return "全村"
	}
	return "全国"
}

// wholeEN returns how English prose names the whole area.
func wholeEN(level string) string {
	switch level {
	case hezuo.LevelProvince, hezuo.LevelPrefecture, hezuo.LevelCounty, hezuo.LevelTownship, hezuo.LevelVillage:
		return "the " + level
	}
	return "the country"
}

// partNameZH is the Chinese name of the level below the area's: 乡镇 for a
// county, 县 for a prefecture.
func partNameZH(level string) string {
	return map[string]string{hezuo.LevelProvince: "省", hezuo.LevelPrefecture: "市州", hezuo.LevelCounty: "县市区",
		hezuo.LevelTownship: "乡镇", hezuo.LevelVillage: "村"}[level]
}

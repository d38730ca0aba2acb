package report

import (
	"fmt"

	"hezuo"
)

// builder assembles one document from an input in one language.
type builder struct {
	in      *Input
	s       *hezuo.Stats
	d       *derived
	l       lang
	chapter int // level 1 sections numbered so far
	tables  int // tables numbered so far
	charts  int // charts numbered so far
}

// Build writes the report of in, in Chinese, or in English when lang is
// "en". It is pure: everything it says comes from in.
func Build(in *Input, lang string) *Document {
	b := newBuilder(in, lang)
	doc := &Document{Lang: langCode(b.l)}
	doc.Title, doc.Subtitle, doc.Meta = b.titleBlock()
	if b.l.en {
		doc.Sections = b.proseEN()
	} else {
		doc.Sections = b.proseZH()
	}
	doc.Sections = append(doc.Sections, b.tableSection(), b.chartSection(), b.findingSection())
	return doc
}

func newBuilder(in *Input, code string) *builder {
	l := lang{en: code == "en"}
	s := in.Stats
	if s == nil {
		s = &hezuo.Stats{}
	}
	return &builder{in: in, s: s, d: derive(in, l), l: l}
}

// areaName is the report area's name, or the scope when the area is unnamed.
func (b *builder) areaName() string {
	a := b.in.Area
	switch {
	case a.Name != "":
		return a.Name
	case a.Code == "":
		return b.l.t("全部", "all divisions")
	}
	return b.l.t("区划", "division ") + a.Code
}

func (b *builder) titleBlock() (string, string, []string) {
	in, l := b.in, b.l
	name := b.areaName()
	code := in.Area.Code
	if code == "" {
		code = "all"
	}
	if l.en {
		meta := []string{fmt.Sprintf("Area: %s (division code %s); scope requested: %s", name, code, in.Scope.String()),
			"Source: the hezuo registry, every figure computed from the records as of the date above"}
		if in.Compare != nil {
			meta = append(meta, "Compared with "+l.date(in.CompareDay))
		}
		if !in.Today.IsZero() {
			meta = append(meta, "Produced on "+l.date(in.Today))
		}
		return "Party-building in farmers' cooperative organizations: work report of " + name, "As of " + l.date(in.AsOf), meta
	}
	meta := []string{fmt.Sprintf("统计范围：%s（区划代码 %s）", name, code),
		"数据来源：合作组织党建信息系统（hezuo），全部数字按截止日期由台账记录计算"}
	if in.Compare != nil {
		meta = append(meta, "对比日期："+l.date(in.CompareDay))
	}
	if !in.Today.IsZero() {
		meta = append(meta, "生成日期："+l.date(in.Today))
	}
	return name + "农民专业合作组织党建工作情况报告", "（截至" + l.date(in.AsOf) + "）", meta
}

// chineseNumerals are the ordinals of chapters and of 一是、二是.
var chineseNumerals = []string{"一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
	"十一", "十二", "十三", "十四", "十五", "十六", "十七", "十八", "十九", "二十"}

// ordinal returns the Chinese ordinal of i (from 0), falling back to digits.
func ordinal(i int) string {
	if i < len(chineseNumerals) {
		return chineseNumerals[i]
	}
	return fmt.Sprint(i + 1)
}

// h1 starts a numbered chapter: 一、基本情况 or 1. Overview.
func (b *builder) h1(zh, en string) Section {
	b.chapter++
	if b.l.en {
		return Section{Heading: fmt.Sprintf("%d. %s", b.chapter, en), Level: 1}
	}
	return Section{Heading: ordinal(b.chapter-1) + "、" + zh, Level: 1}
}

// h2 starts a numbered subsection i (from 0) of the current chapter.
func (b *builder) h2(i int, zh, en string) Section {
	if b.l.en {
		return Section{Heading: fmt.Sprintf("%d.%d %s", b.chapter, i+1, en), Level: 2}
	}
	return Section{Heading: "（" + ordinal(i) + "）" + zh, Level: 2}
}

// para adds a paragraph to the section.
func (s *Section) para(text string) { s.Blocks = append(s.Blocks, &Paragraph{Text: text}) }

// table numbers t's caption and returns it.
func (b *builder) table(t *Table) *Table {
	b.tables++
	t.Caption = b.l.t(fmt.Sprintf("表%d　%s", b.tables, t.Caption), fmt.Sprintf("Table %d. %s", b.tables, t.Caption))
	return t
}

// chart numbers c's title and returns it.
func (b *builder) chart(c *Chart) *Chart {
	b.charts++
	c.Title = b.l.t(fmt.Sprintf("图%d　%s", b.charts, c.Title), fmt.Sprintf("Figure %d. %s", b.charts, c.Title))
	return c
}

// platformsActive reports whether any platform figure is non-zero.
func (b *builder) platformsActive() bool {
	s := b.s
	return s.Assistance != (hezuo.AssistanceStats{}) || s.Loans != (hezuo.LoanStats{}) || s.Training != (hezuo.TrainingStats{})
}

package xlsx

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"hezuo"
	"hezuo/store"
)

// IsPlatform reports whether kind is a platform KIND, whose export needs
// the platforms' records (Records.DumpPlatforms) added to the dump.
func IsPlatform(kind string) bool {
	s := Lookup(kind)
	return s != nil && s.platform
}

// withPlatforms adds the stored platform records to have when the batch is
// of a platform KIND.
func withPlatforms(ctx context.Context, st store.Records, s *Schema, have *hezuo.Dataset) error {
	if !s.platform {
		return nil
	}
	return st.DumpPlatforms(ctx, hezuo.AllScope, have)
}

// withSettings reads the rule settings into the batch when its KIND needs
// them.
func withSettings(ctx context.Context, st store.Records, b *Batch) error {
	if !b.Schema.settings {
		return nil
	}
	set, err := st.Settings(ctx)
	if err != nil {
		return err
	}
	b.settings = &set
	return nil
}

// partyMemberOn reports whether the person is a full or probationary party
// member on day according to the stored party status steps.
func partyMemberOn(have *hezuo.Dataset, idNumber string, day hezuo.Date) bool {
	for _, s := range have.PartyStatus {
		if s.IDNumber == idNumber && (s.Status == hezuo.StatusFull || s.Status == hezuo.StatusProbationary) &&
			!day.Before(s.From) && (s.To.IsZero() || day.Before(s.To)) {
			return true
		}
	}
	return false
}

// decimal reads a non-negative decimal with at most places decimals
// ("1,000,000.5", "４．３５", "4.35%") as an integer scaled by 10^places;
// ok is false for anything else. An empty cell is 0, ok.
func decimal(s string, places int) (int64, bool) {
	s = strings.TrimSuffix(strings.ReplaceAll(Text(Fold(s)), ",", ""), "%")
	if s == "" {
		return 0, true
	}
	whole, frac, _ := strings.Cut(s, ".")
	if whole == "" {
		whole = "0"
	}
	if len(frac) > places || !allDigits(whole) || (frac != "" && !allDigits(frac)) || len(whole) > 12 {
		return 0, false
	}
	frac += strings.Repeat("0", places-len(frac))
	n, err := strconv.ParseInt(whole+frac, 10, 64)
	return n, err == nil
}

// amountFen reads a money cell in yuan as fen.
func (r *rowCtx) amountFen(key string) int64 {
	n, ok := decimal(r.raw(key), 2)
	if !ok {
		r.fail(key, fmt.Sprintf("金额 %q 应为以元为单位、最多两位小数的数", Text(r.raw(key))),
			fmt.Sprintf("amount %q must be in yuan with at most two decimals", Text(r.raw(key))))
	}
	return n
}

// yuanText writes fen as yuan for a cell: 100000000 → "1000000.00".
func yuanText(fen int64) string { return fmt.Sprintf("%d.%02d", fen/100, fen%100) }

// choice reads an enumerated cell: names maps every accepted form (the
// Chinese name, the English code, synonyms) to the stored value. An empty
// cell is "", a problem when required; an unknown form is a problem listing
// the column's choices.
func (r *rowCtx) choice(key string, names map[string]string, required bool) string {
	v := r.text(key)
	if v == "" {
		if required {
			r.need(key, "")
		}
		return ""
	}
	if out, ok := names[v]; ok {
		return out
	}
	if out, ok := names[strings.ToLower(v)]; ok {
		return out
	}
	c := r.b.Schema.Column(key)
	r.fail(key, fmt.Sprintf("%s %q 无效（可选：%s）", c.ZH, v, strings.Join(c.Choices, "、")),
		fmt.Sprintf("%s %q is not valid (choose one of %s)", c.Key, v, strings.Join(c.Choices, ", ")))
	return ""
}

// rowCheck is a plan's check of one row (num): fail records a problem in
// one of its columns, and failed tells whether any was found.
type rowCheck struct {
	b      *Batch
	num    int
	failed bool
}

func (c *rowCheck) fail(key, zh, en string) {
	c.b.fail(c.num, key, zh, en)
	c.failed = true
}

// fail records a problem found by a KIND's plan in a column of row num.
func (b *Batch) fail(num int, key, zh, en string) {
	b.Problems = append(b.Problems, b.problem(num, key, zh, en))
}

// names returns the accepted forms of an enumeration: each value itself
// and its names in the given maps, plus the extra synonyms.
func names(extra map[string]string, maps ...map[string]string) map[string]string {
	out := map[string]string{}
	for _, m := range maps {
		for v, name := range m {
			out[v], out[name] = v, v
		}
	}
	for k, v := range extra {
		out[k] = v
	}
	return out
}

// choices returns the Chinese names of values, in order, for a dropdown.
func choices(values []string, zh map[string]string) []string {
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = zh[v]
	}
	return out
}

package web

import "testing"

// TestParseYuanAndPercent checks how the loan forms read money typed in
// yuan and rates typed in percent.
func TestParseYuanAndPercent(t *testing.T) {
	for _, c := range []struct {
		in  string
		fen int64
		ok  bool
	}{
		{"50000", 50_000_00, true}, {"50,000.5", 50_000_50, true}, {"1，234.56", 1_234_56, true}, {" 0.01 ", 1, true},
		{"0", 0, true}, {"-5", 0, false}, {"1.234", 0, false}, {"", 0, false}, {"abc", 0, false}, {"1e3", 0, false},
		{".5", 0, false}, {"12.", 12_00, true},
	} {
		fen, ok := parseYuan(c.in)
		if ok != c.ok || (ok && fen != c.fen) {
			t.Errorf("parseYuan(%q) = %d, %v; want %d, %v", c.in, fen, ok, c.fen, c.ok)
		}
	}
	for _, c := range []struct {
		in  string
		ppm int
		ok  bool
	}{
		{"4.35", 43500, true}, {"4.35%", 43500, true}, {"3.7", 37000, true}, {"4.785", 47850, true}, {"0", 0, true},
		{"-1", 0, false}, {"4.12345", 0, false}, {"", 0, false}, {"101", 0, false},
	} {
		ppm, ok := parsePercent(c.in)
		if ok != c.ok || (ok && ppm != c.ppm) {
			t.Errorf("parsePercent(%q) = %d, %v; want %d, %v", c.in, ppm, ok, c.ppm, c.ok)
		}
	}
}

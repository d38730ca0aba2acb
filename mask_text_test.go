package hezuo

import "testing"

func TestMaskPersonal(t *testing.T) {
	id := MakeIDNumber("220999", DateOf(1975, 6, 6), 5)
	for in, want := range map[string]string{
		`{"id_number":"` + id + `"}`: `{"id_number":"` + MaskIDNumber(id) + `"}`,
		"A " + id:                    "A " + MaskIDNumber(id),
		`{"phone":"13900001111","fen":1000000000}`:     `{"phone":"139****1111","fen":1000000000}`,
		`{"amount_fen":15000000000,"x":[13900001111]}`: `{"amount_fen":15000000000,"x":[13900001111]}`, // numbers stay
		"电话 13900001111，身份证 " + id:                     "电话 139****1111，身份证 " + MaskIDNumber(id),
		"91222424MA0000000X":                           "91222424MA0000000X", // a credit code stays
		"123456789012345678":                           "123456789012345678", // no valid check character
		"short":                                        "short",
	} {
		if got := MaskPersonal(in); got != want {
			t.Errorf("MaskPersonal(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMaskBirthDates(t *testing.T) {
	for in, want := range map[string]string{
		`{"name":"甲","birth_date":"1975-06-06","x":1}`: `{"name":"甲","birth_year":1975,"x":1}`,
		`{"birth_date":"0001-01-01"}`:                  `{"birth_year":0001}`,
		`{"birth_date":""}`:                            `{"birth_date":""}`,
		`{"from":"1975-06-06"}`:                        `{"from":"1975-06-06"}`,
	} {
		if got := MaskBirthDates(in); got != want {
			t.Errorf("MaskBirthDates(%q) = %q, want %q", in, got, want)
		}
	}
}

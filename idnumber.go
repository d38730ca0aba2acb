package hezuo

import (
	"fmt"
	"strings"
	"time"
)

var idWeights = [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}

const idCheckChars = "10X98765432"

// IDCheckChar returns the GB 11643 (ISO 7064 MOD 11-2) check character of
// the first 17 digits of a resident ID number.
func IDCheckChar(first17 string) byte {
	sum := 0
	for i := 0; i < 17; i++ {
		sum += int(first17[i]-'0') * idWeights[i]
	}
	return idCheckChars[sum%11]
}

// ParseIDNumber validates an 18-digit resident ID number (GB 11643-1999),
// upper-casing a trailing x, and returns the normalised number, birth date and
// sex (17th digit odd = male). The birth date must be real and not after
// today. A 15-digit (1989) number is converted to 18 digits.
func ParseIDNumber(s string, today Date) (id string, birth Date, sex string, err error) {
	s = strings.ToUpper(strings.TrimSpace(s))
	if len(s) == 15 && allDigits(s) {
		s = s[:6] + "19" + s[6:]
		s += string(IDCheckChar(s))
	}
	if len(s) != 18 || !allDigits(s[:17]) || !(s[17] == 'X' || (s[17] >= '0' && s[17] <= '9')) {
		return "", Date{}, "", Errorf(EINVALID, "身份证号应为 18 位（前 17 位数字，末位数字或 X）", "ID number must have 18 characters: 17 digits and a digit or X")
	}
	if c := IDCheckChar(s[:17]); c != s[17] {
		return "", Date{}, "", Errorf(EINVALID, "身份证号校验位错误（应为 %c）", "ID number check character wrong (expected %c)", c)
	}
	t, perr := time.Parse("20060102", s[6:14])
	if perr != nil {
		return "", Date{}, "", Errorf(EINVALID, "身份证号中的出生日期 %s 不存在", "birth date %s in the ID number does not exist", s[6:14])
	}
	birth = Date{t}
	if !today.IsZero() && birth.After(today) {
		return "", Date{}, "", Errorf(EINVALID, "身份证号中的出生日期 %s 晚于今天", "birth date %s in the ID number is in the future", birth)
	}
	if birth.Year() < 1880 {
		return "", Date{}, "", Errorf(EINVALID, "身份证号中的出生日期 %s 不合理", "birth date %s in the ID number is implausible", birth)
	}
	sex = SexFemale
	if (s[16]-'0')%2 == 1 {
		sex = SexMale
	}
	return s, birth, sex, nil
}

// MakeIDNumber builds a valid ID number from a 6-digit address code, a birth
// date and a 3-digit sequence (odd for men, even for women).
func MakeIDNumber(address string, birth Date, seq int) string {
	s := fmt.Sprintf("%s%s%03d", address, birth.Time().Format("20060102"), seq%1000)
	return s + string(IDCheckChar(s))
}

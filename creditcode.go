package hezuo

import (
	"fmt"
	"strings"
)

// creditChars is the GB 32100-2015 character set (no I, O, S, V, Z).
const creditChars = "0123456789ABCDEFGHJKLMNPQRTUWXY"

// creditAuthorities are the GB 32100 registration-authority codes (1 机构编制,
// 2 外交, 3 司法行政, 4 文化, 5 民政, 6 旅游, 7 宗教, 8 工会, 9 工商/市场监管,
// A 中央军委改革和编制办公室, N 农业, Y 其他).
const creditAuthorities = "123456789ANY"

var creditWeights = [17]int{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28}

var orgCodeWeights = [8]int{3, 7, 9, 10, 5, 8, 4, 2}

// CreditCheckChar returns the GB 32100 check character for the first 17
// characters of a unified social credit code, or 0 if one of them is not in
// the code's character set.
func CreditCheckChar(first17 string) byte {
	sum := 0
	for i := 0; i < 17; i++ {
		v := strings.IndexByte(creditChars, first17[i])
		if v < 0 {
			return 0
		}
		sum += v * creditWeights[i]
	}
	return creditChars[(31-sum%31)%31]
}

// OrgCodeCheckChar returns the GB 11714 check character for the 8-character
// body of an organization code, or 0 if a character is not a digit or an
// upper-case letter.
func OrgCodeCheckChar(body8 string) byte {
	sum := 0
	for i := 0; i < 8; i++ {
		c := body8[i]
		var v int
		switch {
		case c >= '0' && c <= '9':
			v = int(c - '0')
		case c >= 'A' && c <= 'Z':
			v = int(c-'A') + 10
		default:
			return 0
		}
		sum += v * orgCodeWeights[i]
	}
	switch c := 11 - sum%11; c {
	case 10:
		return 'X'
	case 11:
		return '0'
	default:
		return byte('0' + c)
	}
}

// ValidateCreditCode checks an 18-character unified social credit code: the
// character set, the registration-authority code, the 6-digit
// division code, the embedded organization code's GB 11714 check character
// (positions 9–17) and the GB 32100 check character (position 18).
func ValidateCreditCode(code string) error {
	if len(code) != 18 {
		return Errorf(EINVALID, "统一社会信用代码应为 18 位", "unified social credit code must have 18 characters")
	}
	for i := 0; i < 18; i++ {
		if strings.IndexByte(creditChars, code[i]) < 0 {
			return Errorf(EINVALID, "统一社会信用代码第 %d 位 %q 不是允许的字符（数字或除 I、O、S、V、Z 外的大写字母）", "character %d (%q) of the credit code is not allowed (digits and capitals except I, O, S, V, Z)", i+1, code[i])
		}
	}
	if strings.IndexByte(creditAuthorities, code[0]) < 0 {
		return Errorf(EINVALID, "统一社会信用代码第 1 位（登记管理部门代码）%q 无效", "character 1 of the credit code (registration authority) %q is invalid", code[0])
	}
	if !allDigits(code[2:8]) {
		return Errorf(EINVALID, "统一社会信用代码第 3–8 位应为行政区划代码", "characters 3–8 of the credit code must be a division code")
	}
	if c := OrgCodeCheckChar(code[8:16]); c != code[16] {
		return Errorf(EINVALID, "统一社会信用代码中的组织机构代码校验位错误（第 17 位应为 %c）", "organization code check character wrong (character 17 should be %c)", c)
	}
	if c := CreditCheckChar(code[:17]); c != code[17] {
		return Errorf(EINVALID, "统一社会信用代码校验位错误（第 18 位应为 %c）", "credit code check character wrong (character 18 should be %c)", c)
	}
	return nil
}

// MakeCreditCode builds a valid credit code from the authority and category
// characters (e.g. "93" for a farmers' cooperative registered with market
// regulation, "51" for a social organization), a 6-digit division code and an
// 8-character organization-code body of digits. It returns "" when the body
// does not give a check character inside the credit character set, or when
// a part has the wrong length.
func MakeCreditCode(authority, division, body8 string) string {
	if len(authority) != 2 || len(division) != 6 || len(body8) != 8 {
		return ""
	}
	c := OrgCodeCheckChar(body8)
	s := fmt.Sprintf("%s%s%s%c", authority, division, body8, c)
	if CreditCheckChar(s) == 0 {
		return ""
	}
	return s + string(CreditCheckChar(s))
}

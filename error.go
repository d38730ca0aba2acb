package hezuo

import (
	"errors"
	"fmt"
)

// Error codes. One place (the web package) maps them to HTTP statuses and the
// command line maps EINVALID/ECONFLICT/ENOTFOUND to exit code 1.
const (
	EINVALID      = "EINVALID"
	ENOTFOUND     = "ENOTFOUND"
	ECONFLICT     = "ECONFLICT"
	EUNAUTHORIZED = "EUNAUTHORIZED"
	EFORBIDDEN    = "EFORBIDDEN"
	EINTERNAL     = "EINTERNAL"
)

// Error is a domain error with a code, a Chinese message (ZH) and an English
// message (EN). Record and Field name what was wrong when known.
type Error struct {
	Code   string
	ZH, EN string
	Record string // e.g. "组织 ORG-001" / "org ORG-001"
	Field  string // e.g. "credit_code"
}

// Error returns the Chinese message prefixed by the record and field; use
// Message for another language.
func (e *Error) Error() string { return e.Message("zh") }

// Message returns the message in lang ("zh" or "en"), prefixed by the record
// and field it concerns.
func (e *Error) Message(lang string) string {
	msg := e.ZH
	if lang == "en" && e.EN != "" {
		msg = e.EN
	}
	prefix := ""
	if e.Record != "" {
		prefix = e.Record
	}
	if e.Field != "" {
		if prefix != "" {
			prefix += " "
		}
		prefix += e.Field
	}
	if prefix != "" {
		return prefix + ": " + msg
	}
	return msg
}

// Errorf returns an *Error with code, a Chinese and an English message.
func Errorf(code, zh, en string, args ...any) *Error {
	return &Error{Code: code, ZH: fmt.Sprintf(zh, args...), EN: fmt.Sprintf(en, args...)}
}

// Invalid returns an EINVALID error about field of record.
func Invalid(record, field, zh, en string) *Error {
	return &Error{Code: EINVALID, Record: record, Field: field, ZH: zh, EN: en}
}

// ErrorCode returns the code of the first *Error in err's chain, EINTERNAL for
// any other non-nil error and "" for nil.
func ErrorCode(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns err's message in lang: the domain message for an
// *Error, a generic internal-error message otherwise (details go to the log).
func ErrorMessage(err error, lang string) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Message(lang)
	}
	if lang == "en" {
		return "internal error: " + err.Error()
	}
	return "内部错误：" + err.Error()
}

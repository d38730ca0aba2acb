package hezuo

import (
	"errors"
	"fmt"
	"strings"
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
	var es Errors
	if errors.As(err, &es) {
		return es.Message(lang)
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Message(lang)
	}
	if lang == "en" {
		return "internal error: " + err.Error()
	}
	return "内部错误：" + err.Error()
}

// Errors is every field error found in one record at once (a form shows
// them all together, an import lists them all by column). errors.As finds
// the first *Error in it, so a caller that wants one error gets the first.
type Errors []*Error

// Error returns every message in Chinese, separated by "；".
func (es Errors) Error() string { return es.Message("zh") }

// Message returns every message in lang, each prefixed by its record and field.
func (es Errors) Message(lang string) string {
	sep := "；"
	if lang == "en" {
		sep = "; "
	}
	var b []byte
	for i, e := range es {
		if i > 0 {
			b = append(b, sep...)
		}
		b = append(b, e.Message(lang)...)
	}
	return string(b)
}

// Unwrap returns the errors, for errors.Is and errors.As.
func (es Errors) Unwrap() []error {
	out := make([]error, len(es))
	for i, e := range es {
		out[i] = e
	}
	return out
}

// FieldErrors returns every *Error of err: all of an Errors in its chain,
// else the first *Error, else none.
func FieldErrors(err error) []*Error {
	var es Errors
	if errors.As(err, &es) {
		return es
	}
	var e *Error
	if errors.As(err, &e) {
		return []*Error{e}
	}
	return nil
}

// collector gathers the errors of one record's Validate: the first error
// of each field is kept, the rest of that field dropped (a later check of
// a field often follows from an earlier one).
type collector struct{ list Errors }

// boundsOf starts the collector of record's Validate with the bound errors
// of v's fields as of today (Bounded).
func boundsOf(record string, v any, today Date) collector {
	var c collector
	c.add(Bounded(record, v, today))
	return c
}

// required notes an EINVALID error on field when value is blank.
func (c *collector) required(record, field, value, zh, en string) {
	if strings.TrimSpace(value) == "" {
		c.add(Invalid(record, field, zh, en))
	}
}

// add notes err's field errors (nil is ignored).
func (c *collector) add(err error) {
	if err == nil {
		return
	}
	es := FieldErrors(err)
	if es == nil {
		c.list = append(c.list, &Error{Code: EINTERNAL, ZH: err.Error(), EN: err.Error()})
		return
	}
	for _, e := range es {
		if !c.has(e.Field) || e.Field == "" {
			c.list = append(c.list, e)
		}
	}
}

// has reports whether field has an error already.
func (c *collector) has(field string) bool {
	for _, e := range c.list {
		if e.Field == field {
			return true
		}
	}
	return false
}

// err returns nil, the one error, or Errors when there are several.
func (c *collector) err() error {
	switch len(c.list) {
	case 0:
		return nil
	case 1:
		return c.list[0]
	}
	return c.list
}

// JoinErrors gathers the field errors of several checks of one record
// (nil ones ignored): nil, the one error, or Errors (see collector).
func JoinErrors(errs ...error) error {
	var c collector
	for _, err := range errs {
		c.add(err)
	}
	return c.err()
}

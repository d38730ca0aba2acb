package web

import (
	"errors"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"hezuo"
)

// fieldErr is one field's error as the "ferr" template shows it.
type fieldErr struct{ Field, Msg string }

func init() {
	funcs["fe"] = func(errs map[string]string, field string) fieldErr { return fieldErr{field, errs[field]} }
}

// formError reports whether err is one a form shows again with the message
// beside its field — EINVALID, ECONFLICT, or ENOTFOUND naming a field (a
// key typed into the form that names nothing within reach) — and puts the
// message in errs[field], or returns it as the form's general message when
// it names no field the form has. Other errors go to the error page.
func formError(lang string, err error, errs map[string]string, fields ...string) (general string, shown bool) {
	var e *hezuo.Error
	if !errors.As(err, &e) {
		return "", false
	}
	switch {
	case e.Code == hezuo.EINVALID, e.Code == hezuo.ECONFLICT, e.Code == hezuo.ENOTFOUND && e.Field != "":
	default:
		return "", false
	}
	// A record's Validate reports every field at once (hezuo.Errors): each
	// goes beside its field, those of no field of the form together above.
	var rest hezuo.Errors
	for _, e := range hezuo.FieldErrors(err) {
		if e.Field != "" && slices.Contains(fields, e.Field) {
			if errs[e.Field] == "" {
				msg := e.ZH
				if lang == "en" && e.EN != "" {
					msg = e.EN
				}
				errs[e.Field] = msg
			}
			continue
		}
		rest = append(rest, e)
	}
	if len(rest) == 0 {
		return "", true
	}
	msgs := make([]string, len(rest))
	for i := range rest {
		msgs[i] = localMessage(lang, rest[i])
	}
	sep := "；"
	if lang == "en" {
		sep = "; "
	}
	return strings.Join(msgs, sep), true
}

// formValues reads trimmed form fields.
type formValues struct{ r *http.Request }

func (f formValues) get(k string) string { return strings.TrimSpace(f.r.PostFormValue(k)) }

// date parses field k ("" is the zero date), noting a bad date in errs.
func (f formValues) date(k string, errs map[string]string) hezuo.Date {
	v := f.get(k)
	if v == "" {
		return hezuo.Date{}
	}
	d, err := hezuo.ParseDate(v)
	if err != nil {
		errs[k] = hezuo.ErrorMessage(err, langOf(f.r))
	}
	return d
}

// version reads the hidden version field (0 when absent).
func (f formValues) version() int {
	n, _ := strconv.Atoi(f.get("version"))
	return n
}

// idParam reads the database id in the URL path.
func idParam(r *http.Request, name string) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue(name), 10, 64)
	if err != nil || id < 1 {
		return 0, hezuo.Errorf(hezuo.ENOTFOUND, "找不到 %s", "no %s", r.PathValue(name))
	}
	return id, nil
}

// today is the day in China by the server's clock.
func (s *Server) today() hezuo.Date {
	t := s.opt.Now().In(hezuo.China)
	return hezuo.DateOf(t.Year(), t.Month(), t.Day())
}

// formSave is one submission of a form: parse → validate → save → show
// every error beside its field → redirect, the same for every form.
type formSave struct {
	// errs holds the form values' parse errors by field (an unreadable
	// date…); more are added beside their fields.
	errs map[string]string
	// fields are the fields the form shows errors beside; an error of
	// another field (or of none) is the form's general message.
	fields []string
	// save writes the record once every value parses, and returns where
	// to go next (a 303 redirect).
	save func() (string, error)
	// check runs the record's own checks when a value does not parse and
	// nothing is saved, so that every wrong field shows at once, not one
	// per submission; nil when there are none.
	check func() error
	// show renders the form again with errs and general; err is the
	// save's refusal, nil when a value did not parse.
	show func(general string, err error) error
}

// submit runs the submission fs: saved, it redirects; refused (EINVALID,
// ECONFLICT, ENOTFOUND naming a field: formError), it shows the form again
// with the errors; any other error goes to the error page.
func (s *Server) submit(w http.ResponseWriter, r *http.Request, fs formSave) error {
	lang := langOf(r)
	var err error
	if len(fs.errs) == 0 {
		var to string
		if to, err = fs.save(); err == nil {
			http.Redirect(w, r, to, http.StatusSeeOther)
			return nil
		}
	} else if fs.check != nil {
		if cerr := fs.check(); cerr != nil {
			general, shown := formError(lang, cerr, fs.errs, fs.fields...)
			if !shown {
				return cerr
			}
			return fs.show(general, nil)
		}
	}
	general, shown := formError(lang, err, fs.errs, fs.fields...)
	if err != nil && !shown {
		return err
	}
	return fs.show(general, err)
}

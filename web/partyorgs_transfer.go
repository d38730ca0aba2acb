package web

import (
	"net/http"
	"strconv"

	"hezuo"
	"hezuo/store"
)

// transferFormView is the 组织关系转入 form: a party member's relation
// moving into a party organization of the user's scope. Person is the
// database id when the form was opened from the person's page; without it
// the member is named by ID number.
type transferFormView struct {
	Page
	Person, PersonName string
	Form               transferForm
	Errors             map[string]string
	General            string
	PartyOrgs          []hezuo.PartyOrgItem
	Today              string
}

// transferForm is the form's fields as typed.
type transferForm struct {
	IDNumber, PartyStatus, JoinedParty, FullSince, PartyOrg, On, Origin string
}

var transferFields = []string{"id_number", hezuo.FieldPoliticalStatus, hezuo.FieldJoinedParty, hezuo.FieldFullSince,
	store.FieldTransferPartyOrg, store.FieldTransferOn, store.FieldTransferOrigin}

// transferView fills the form's person (when the id is one a may see) and
// the party organizations a may transfer into: those seated in its scope.
func (s *Server) transferView(r *http.Request, person string, f transferForm, fill bool) (transferFormView, error) {
	a := accessOf(r)
	v := transferFormView{Page: s.pageOf(r, "people", "transfer_in"), Person: person, Form: f, Errors: map[string]string{}, Today: s.today().String()}
	if person != "" {
		id, err := strconv.ParseInt(person, 10, 64)
		if err != nil {
			return v, hezuo.Invalid("", "person", "人员编号无效", "invalid person")
		}
		name, party, err := s.db.TransferSubject(r.Context(), a, id, s.today())
		if err != nil {
			return v, err
		}
		v.PersonName = name
		if fill && party.Status != "" {
			v.Form.PartyStatus, v.Form.JoinedParty, v.Form.FullSince = party.Status, party.JoinedParty.String(), party.FullSince.String()
		}
	}
	if a.ByDivision() {
		items, _, err := s.db.ListPartyOrgs(r.Context(), a, hezuo.ListFilter{PerPage: 500}, s.today())
		if err != nil {
			return v, err
		}
		for _, p := range items {
			if a.MayWriteAt([]string{p.Seat}) {
				v.PartyOrgs = append(v.PartyOrgs, p)
			}
		}
	}
	return v, nil
}

var _ = pageRoute("GET /people/transfer-in", (*Server).transferNewPage)

func (s *Server) transferNewPage(w http.ResponseWriter, r *http.Request) error {
	if err := mayWrite(r); err != nil {
		return err
	}
	q := r.URL.Query()
	v, err := s.transferView(r, q.Get("person"), transferForm{PartyStatus: hezuo.StatusFull, PartyOrg: q.Get("party_org"), On: s.today().String()}, true)
	if err != nil {
		return err
	}
	return s.render(w, http.StatusOK, "party_transferform", v)
}

var _ = pageRoute("POST /people/transfer-in", (*Server).transferNewSubmit)

func (s *Server) transferNewSubmit(w http.ResponseWriter, r *http.Request) error {
	if err := mayWrite(r); err != nil {
		return err
	}
	fv := formValues{r}
	person := fv.get("person")
	f := transferForm{IDNumber: fv.get("id_number"), PartyStatus: fv.get(hezuo.FieldPoliticalStatus), JoinedParty: fv.get(hezuo.FieldJoinedParty),
		FullSince: fv.get(hezuo.FieldFullSince), PartyOrg: fv.get(store.FieldTransferPartyOrg), On: fv.get(store.FieldTransferOn), Origin: fv.get(store.FieldTransferOrigin)}
	errs := map[string]string{}
	t := store.PartyTransferIn{IDNumber: f.IDNumber, PartyOrg: f.PartyOrg, Origin: f.Origin,
		Party: hezuo.PartyRecord{Status: f.PartyStatus, JoinedParty: fv.date(hezuo.FieldJoinedParty, errs), FullSince: fv.date(hezuo.FieldFullSince, errs)},
		On:    fv.date(store.FieldTransferOn, errs)}
	// Every missing field at once; the store checks the rest.
	for field, missing := range map[string]bool{"id_number": person == "" && f.IDNumber == "", hezuo.FieldJoinedParty: f.JoinedParty == "",
		store.FieldTransferPartyOrg: f.PartyOrg == "", store.FieldTransferOn: f.On == ""} {
		if missing && errs[field] == "" {
			errs[field] = tr(langOf(r), "transfer_missing_"+field)
		}
	}
	if person != "" {
		id, err := strconv.ParseInt(person, 10, 64)
		if err != nil {
			return hezuo.Invalid("", "person", "人员编号无效", "invalid person")
		}
		t.Person = id
	}
	return s.submit(w, r, formSave{errs: errs, fields: transferFields,
		save: func() (string, error) {
			id, err := s.db.TransferInParty(r.Context(), accessOf(r), t, s.opt.Now())
			return "/people/" + strconv.FormatInt(id, 10) + "?saved=1", err
		},
		show: func(general string, _ error) error {
			v, err := s.transferView(r, person, f, false)
			if err != nil {
				return err
			}
			v.Errors, v.General = errs, general
			return s.render(w, http.StatusUnprocessableEntity, "party_transferform", v)
		}})
}

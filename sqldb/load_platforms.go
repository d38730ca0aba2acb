package sqldb

import (
	"fmt"

	"hezuo"
)

// platformLoader is the loader the kinds' load parts write through (run):
// the registry's steps are its loader's, the platforms' carry the keys of
// their tables resolved so far.
type platformLoader struct {
	*loader
	units, households, loans, trainings, guarantors, meetings map[string]int64
	touchedLoans, touchedGuarantors                           map[int64]bool
}

func (p *platformLoader) unitID(rec, field, code string) (int64, error) {
	return p.resolve(p.units, `SELECT id FROM units WHERE code = ?`, rec, field, code, "单位", "unit")
}

func (p *platformLoader) householdID(rec, field, no string) (int64, error) {
	return p.resolve(p.households, `SELECT id FROM households WHERE no = ?`, rec, field, no, "户编号", "household")
}

// partyMemberOn reports whether the person is a full or probationary party
// member on day.
func (p *platformLoader) partyMemberOn(personID int64, day hezuo.Date) (bool, error) {
	s, err := p.stmt(`SELECT count(*) FROM party_status WHERE person_id = ? AND status IN ('full', 'probationary')
		AND valid_from <= ? AND (valid_to IS NULL OR valid_to > ?)`)
	if err != nil {
		return false, err
	}
	var n int
	err = s.QueryRowContext(p.ctx, personID, day, day).Scan(&n)
	return n > 0, err
}

// partyMember resolves a person who must be a party member on day.
func (p *platformLoader) partyMember(rec, idNumber string, day hezuo.Date, whatZH, whatEN string) (int64, error) {
	pid, err := p.personID(rec, "id_number", idNumber)
	if err != nil {
		return 0, err
	}
	ok, err := p.partyMemberOn(pid, day)
	if err == nil && !ok {
		err = hezuo.Invalid(rec, "id_number", fmt.Sprintf("%s 在 %s 不是党员（正式或预备），不能%s", hezuo.MaskIDNumber(idNumber), day, whatZH),
			fmt.Sprintf("%s is not a (full or probationary) party member on %s, so cannot %s", hezuo.MaskIDNumber(idNumber), day, whatEN))
	}
	return pid, err
}

// notAfterToday refuses a record of something that has not happened yet.
func (p *platformLoader) notAfterToday(rec, field string, day hezuo.Date, whatZH, whatEN string) error {
	if day.After(p.today) {
		return hezuo.Invalid(rec, field, fmt.Sprintf("%s日期 %s 晚于今天 %s，尚未发生", whatZH, day, p.today),
			fmt.Sprintf("the %s on %s is after today (%s): it has not happened", whatEN, day, p.today))
	}
	return nil
}

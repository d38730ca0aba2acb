package hezuo

// What a view shows of a person's numbers (issues 9 and 16).
//
// An 18-character ID number is 6 address digits, 8 birth-date digits
// (YYYYMMDD), a 3-digit sequence whose last digit carries the sex (odd for
// men), and a check character. MaskIDNumber shows the address and the last
// four; the eight it hides are exactly the birth date. So one rule holds in
// every view, list, download, API answer and audit entry (ShownBirth):
// where the ID number is masked, the birth date is not shown, only its
// year; where the number is shown whole, the date may be. The sex adds
// nothing: it is the parity of the 17th character, which the mask shows.
// With the year shown, month and day (365 or 366 values) stay hidden, and
// the check character shown keeps about one in eleven of them: 32 to 35
// numbers remain possible (TestMaskedLeavesCandidates), and none may be
// confirmed by a lookup (only roles that see whole numbers look up by one).
// Age on a day is not shown instead of the year: watching it change would
// give the birthday.

// MaskIDNumber shows the first 6 and last 4 characters of an ID number with
// ******** between.
func MaskIDNumber(id string) string {
	if len(id) < 10 {
		return "********"
	}
	return id[:6] + "********" + id[len(id)-4:]
}

// MaskPhone shows the first 3 and last 4 digits of a phone number.
func MaskPhone(p string) string {
	if len(p) < 7 {
		return "****"
	}
	return p[:3] + "****" + p[len(p)-4:]
}

// ShownBirth returns what a view may show of the birth date birth beside
// an ID number: the date itself where the number is shown whole (masked
// false), else the zero Date; and, either way, the year (0 for a zero
// date). Every view that shows a birth date takes it from here.
func ShownBirth(birth Date, masked bool) (Date, int) {
	year := 0
	if !birth.IsZero() {
		year = birth.Year()
	}
	if masked {
		return Date{}, year
	}
	return birth, year
}

// Mask makes p what a role that may not see whole numbers sees (and what
// every list shows): the ID number and phone masked, the birth date reduced
// to its year (ShownBirth).
func (p *PersonItem) Mask() {
	p.IDNumber, p.Masked = MaskIDNumber(p.IDNumber), true
	if p.Phone != "" {
		p.Phone = MaskPhone(p.Phone)
	}
	p.BirthDate, p.BirthYear = ShownBirth(p.BirthDate, true)
}

// Masked returns the copy of p that the audit log keeps (auditors read it
// and may not see whole numbers): the ID number and phone masked, the birth
// date reduced to its year (ShownBirth).
func (p Person) Masked() Person {
	p.IDNumber = MaskIDNumber(p.IDNumber)
	if p.Phone != "" {
		p.Phone = MaskPhone(p.Phone)
	}
	p.BirthDate, p.BirthYear = ShownBirth(p.BirthDate, true)
	return p
}

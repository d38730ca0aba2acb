package hezuo

// The one scope decision of every write (form, JSON API, import, plan
// acceptance): a record may be created, changed or referred to by a writer
// only when every place it lies in is inside the writer's scope. The store
// says where a stored record lies (its Places); a new record lies where its
// own division fields say.
//
// Where a record lies:
//   - an org, a loan, a household, a training: its one division;
//   - a party organization: its seat;
//   - a person: the home village when one is on record, otherwise the home
//     villages of the orgs of all their memberships (a person known only as
//     a member of orgs of two townships belongs to neither alone);
//   - an instructor: the township dispatching them.

// MayWriteAt reports whether a may write a record lying at places: a role
// that writes, and every place inside a's scope. A record that lies nowhere
// yet (no places: a new one) is decided by its own fields, which the caller
// checks as places too. County administrators of the whole scope write
// everywhere they see.
func (a *Access) MayWriteAt(places []string) bool {
	if a == nil || !a.CanWrite() {
		return false
	}
	for _, p := range places {
		if !a.Scope.Contains(p) {
			return false
		}
	}
	return true
}

// OutOfReach is the error for a record a writer refers to but may not
// touch: the same words, and the same code (EINVALID, shown beside the
// field), whether it does not exist or lies outside the writer's scope, so
// that the answer tells nothing of records the writer cannot read. record
// and field name what the writer gave (a row and column of a file, a form
// field), never the stored record.
func OutOfReach(record, field string) *Error {
	return &Error{Code: EINVALID, Record: record, Field: field,
		ZH: "不存在或无权访问（不在您的管辖范围内的记录不能修改或引用；未登记的人员请先登记）",
		EN: "not found or not yours to change (records outside your scope cannot be changed or referred to; add a person not on record first)"}
}

// NotYours is the error for a change to a record the writer can see but
// does not keep (a member of the writer's org who lives in another
// township): EFORBIDDEN, telling who keeps it, nothing the writer cannot
// already read.
func NotYours(record, field string) *Error {
	return &Error{Code: EFORBIDDEN, Record: record, Field: field,
		ZH: "此人户籍不在您的管辖范围内，只能由其户籍所在乡镇或县委组织部修改",
		EN: "this person's home lies outside your scope: only their township or the county organization department changes them"}
}

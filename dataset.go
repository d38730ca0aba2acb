package hezuo

// Dataset is a batch of registry records that refer to each other by their
// natural keys (division code, OrgNo, IDNumber, PartyOrg.No, Department.Code).
// Loading a dataset is one transaction: all of it or none.
type Dataset struct {
	Divisions   []Division
	Departments []Department
	Orgs        []Org
	People      []Person
	Memberships []Membership
	PartyStatus []PartyStatus
	PartyOrgs   []PartyOrg
	Officers    []Officer
	Instructors []Instructor
	Dispatches  []Dispatch
	Settings    map[string]string
	// Source names where the records come from, for the audit entries an
	// import writes ("导入 members 文件 m.xlsx"); optional.
	Source string

	// The platforms (assistance.go, loan.go, training.go, institution.go).
	Units               []Unit
	UnitPairings        []UnitPairing
	Households          []Household
	HouseholdPairings   []HouseholdPairing
	Guarantors          []Guarantor
	Loans               []Loan
	Repayments          []Repayment
	Guarantees          []Guarantee
	FeeSubsidies        []FeeSubsidy
	Trainings           []Training
	TrainingAttendances []TrainingAttendance
	Meetings            []Meeting
	MeetingAttendances  []MeetingAttendance
	ContactLinks        []ContactLink
	ContactVisits       []ContactVisit
	Commitments         []Commitment
}

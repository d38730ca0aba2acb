package rules

import (
	"strings"

	"hezuo"
)

// Department is a county agriculture-related department (涉农部门) as the
// rules need it: its code and its name.
type Department struct {
	Code string `json:"code"`
	Name string `json:"name"`
}

// DepartmentMap maps an industry (产业, e.g. "黑木耳") to the department whose
// party organization manages cross-township orgs of that industry.
type DepartmentMap map[string]Department

// Lookup returns the department of industry (surrounding spaces ignored).
func (m DepartmentMap) Lookup(industry string) (Department, bool) {
	d, ok := m[strings.TrimSpace(industry)]
	return d, ok
}

// DepartmentMapOf builds the industry map from departments with their
// industries. When two departments list the same industry the first wins.
func DepartmentMapOf(ds []hezuo.Department) DepartmentMap {
	m := DepartmentMap{}
	for _, d := range ds {
		for _, ind := range d.Industries {
			ind = strings.TrimSpace(ind)
			if _, taken := m[ind]; !taken && ind != "" {
				m[ind] = Department{Code: d.Code, Name: d.Name}
			}
		}
	}
	return m
}

// DefaultDepartmentList returns the county departments hezuo knows by
// default with the industries each answers for, in a fixed order. County and
// PartyOrg are left empty for the caller (demo, import) to fill in. The
// result is a fresh copy the caller may change.
func DefaultDepartmentList() []hezuo.Department {
	return []hezuo.Department{
		{Code: "NYJ", Name: "县农业农村局", Industries: []string{"种植", "蔬菜", "水稻", "大豆", "玉米", "黑木耳", "食用菌", "果蔬", "人参", "中药材", "烟叶"}},
		{Code: "LYJ", Name: "县林业局", Industries: []string{"林产品", "林下经济", "山野菜", "林蛙", "苗木", "蜂业"}},
		{Code: "NJZ", Name: "县农机总站", Industries: []string{"农机"}},
		{Code: "XMJ", Name: "县畜牧兽医局", Industries: []string{"畜牧", "养殖", "肉牛", "生猪", "黄牛", "养羊", "家禽"}},
		{Code: "SLJ", Name: "县水利局", Industries: []string{"水产", "渔业"}},
		{Code: "GXS", Name: "县供销社", Industries: []string{"农资", "流通", "电商"}},
	}
}

// DefaultDepartments returns the industry map of DefaultDepartmentList.
func DefaultDepartments() DepartmentMap { return DepartmentMapOf(DefaultDepartmentList()) }

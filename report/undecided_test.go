package report

import (
	"strings"
	"testing"

	"hezuo"
	"hezuo/rules"
)

// TestUndecidedManagerAndJointWarnings: an org spanning counties, whose
// manager the common higher organization department has yet to fix
// (农村基层组织工作条例 Art. 5), and a joint branch across townships and trades
// (支部工作条例 Art. 5) are written in the report in both languages.
func TestUndecidedManagerAndJointWarnings(t *testing.T) {
	in := seedInput()
	in.Check = []hezuo.CheckRow{
		{CheckFacts: hezuo.CheckFacts{OrgNo: "X1", Name: "跨县合作社", Kind: hezuo.KindCooperative, ManagedBy: hezuo.Manager{Level: rules.ManagerUndecided}},
			Warnings: []hezuo.Reason{{Rule: rules.RuleManagerUndecided, ZH: "跨县组织的隶属关系尚未确定", EN: "not settled"}}},
		{CheckFacts: hezuo.CheckFacts{OrgNo: "X2", Name: "联合社甲", Kind: hezuo.KindCooperative, ManagedBy: hezuo.Manager{Level: hezuo.LevelVillage, Code: "222424100201"}},
			Warnings: []hezuo.Reason{{Rule: rules.KeyJointSameTownship, ZH: "分属 2 个乡镇", EN: "2 townships"},
				{Rule: rules.KeyJointRelatedIndustry, ZH: "行业不相近", EN: "not similar trades"}}},
	}
	zh := prose(Build(in, "zh"))
	for _, want := range []string{"另有1个合作组织跨县，管理党组织待共同的上级党委组织部门确定。", "部分跨县组织隶属关系待定", "部分联合党支部跨乡镇设置", "部分联合党支部跨不相近行业"} {
		if !strings.Contains(zh, want) {
			t.Errorf("the Chinese report lacks %q", want)
		}
	}
	en := prose(Build(in, "en"))
	for _, want := range []string{"1 organization spans counties: its manager is undecided", "Some cross-county orgs have no manager yet", "Some joint branches span townships", "Some joint branches join unrelated trades"} {
		if !strings.Contains(en, want) {
			t.Errorf("the English report lacks %q", want)
		}
	}
}

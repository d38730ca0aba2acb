package sqldb

import (
	"context"
	"testing"

	"hezuo/rules"
	"hezuo/sqldb/dbtest"
)

// TestUpgradeGeneralBranchSetting: migration 10 replaces "at least N full
// members" (general_branch_min_members) with "more than N party members"
// (general_branch_over_members, 农村基层组织工作条例 Art. 5). The old default 50
// becomes the regulation's "more than 50"; a county's own value keeps its
// boundary (at least 40 = more than 39); joint_related_industry is added.
func TestUpgradeGeneralBranchSetting(t *testing.T) {
	for _, d := range dbtest.DSNs(t) {
		for _, c := range []struct{ old, want string }{{"50", "50"}, {"40", "39"}, {" 1 ", "0"}} {
			t.Run(d.Name+" "+c.old, func(t *testing.T) {
				ctx := context.Background()
				dialect, dsn := SQLite, dbtest.SQLite(t)
				if d.Name == "postgres" {
					dialect, dsn = Postgres, dbtest.Postgres(t)
				}
				old := openAt(t, dsn, dialect, 9)
				if _, err := old.ExecContext(ctx, old.rebind(`INSERT INTO settings (key, value) VALUES ('general_branch_min_members', ?), ('joint_same_township', 'false')`), c.old); err != nil {
					t.Fatal(err)
				}
				old.Close()
				db, err := Open(ctx, dsn)
				if err != nil {
					t.Fatal(err)
				}
				defer db.Close()
				vals, err := db.SettingValues(ctx)
				if err != nil {
					t.Fatal(err)
				}
				if _, ok := vals["general_branch_min_members"]; ok {
					t.Errorf("the old key is still there: %v", vals)
				}
				if vals[rules.KeyGeneralBranchOverMembers] != c.want || vals[rules.KeyJointRelatedIndustry] != "true" || vals[rules.KeyJointSameTownship] != "false" {
					t.Errorf("after the upgrade: over %q related %q same township %q, want %q true false",
						vals[rules.KeyGeneralBranchOverMembers], vals[rules.KeyJointRelatedIndustry], vals[rules.KeyJointSameTownship], c.want)
				}
				if _, err := db.Settings(ctx); err != nil {
					t.Errorf("settings after the upgrade: %v", err)
				}
			})
		}
	}
}

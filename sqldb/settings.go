package sqldb

import (
	"context"

	"hezuo"
	"hezuo/rules"
	"hezuo/sqldb/internal/sqlx"
)

// seedSettings inserts every rule setting missing from the settings table
// with its default value, name and source; existing values are kept.
func (db *DB) seedSettings(ctx context.Context) error {
	for _, s := range rules.Catalog() {
		if _, err := db.ExecContext(ctx, db.rebind(`INSERT INTO settings (key, value, name_zh, name_en, source) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (key) DO UPDATE SET name_zh = excluded.name_zh, name_en = excluded.name_en, source = excluded.source`),
			s.Key, s.Value, s.NameZH, s.NameEN, s.Source); err != nil {
			return err
		}
	}
	return nil
}

// SettingValues returns the settings table as key → value.
func (db *DB) SettingValues(ctx context.Context) (map[string]string, error) {
	return db.settingValuesOn(ctx, db)
}

// settingValuesOn is SettingValues on x (the database or a transaction).
func (db *DB) settingValuesOn(ctx context.Context, x querier) (map[string]string, error) {
	out := map[string]string{}
	err := db.eachRowOn(ctx, x, `SELECT key, value FROM settings`, nil, func(r rowScanner) error {
		var k, v string
		if err := r.Scan(&k, &v); err != nil {
			return err
		}
		out[k] = v
		return nil
	})
	return out, err
}

// Settings returns the rule settings in force.
func (db *DB) Settings(ctx context.Context) (rules.Settings, error) {
	return db.settingsOn(ctx, db)
}

// settingsOn is Settings read on x (the summaries read them in their
// transaction).
func (db *DB) settingsOn(ctx context.Context, x sqlx.Querier) (rules.Settings, error) {
	vals, err := db.settingValuesOn(ctx, x)
	if err != nil {
		return rules.Settings{}, err
	}
	return rules.FromValues(known(vals))
}

// known keeps the values of keys the rules know: a key retired from the
// catalog but left in the table must not stop the rules.
func known(vals map[string]string) map[string]string {
	out := map[string]string{}
	for _, s := range rules.Catalog() {
		if v, ok := vals[s.Key]; ok {
			out[s.Key] = v
		}
	}
	return out
}

// SetSetting changes one setting after checking that the value is valid.
func (db *DB) SetSetting(ctx context.Context, key, value string) error {
	vals, err := db.SettingValues(ctx)
	if err != nil {
		return err
	}
	if _, ok := vals[key]; !ok {
		return hezuo.Errorf(hezuo.ENOTFOUND, "没有设置项 %s", "no setting %s", key)
	}
	vals[key] = value
	if _, err := rules.FromValues(known(vals)); err != nil {
		return err
	}
	_, err = db.ExecContext(ctx, db.rebind(`UPDATE settings SET value = ? WHERE key = ?`), value, key)
	return err
}

// settings is the Load step writing ds.Settings (validated together with
// the values already stored).
func (l *loader) settings(ds *hezuo.Dataset) error {
	if len(ds.Settings) == 0 {
		return nil
	}
	if _, err := rules.FromValues(ds.Settings); err != nil { // unknown keys, bad values
		return err
	}
	vals, err := l.db.SettingValues(l.ctx)
	if err != nil {
		return err
	}
	for k, v := range ds.Settings {
		vals[k] = v
	}
	if _, err := rules.FromValues(known(vals)); err != nil {
		return err
	}
	for k, v := range ds.Settings {
		if err := l.exec(`UPDATE settings SET value = ? WHERE key = ?`, v, k); err != nil {
			return err
		}
	}
	return nil
}

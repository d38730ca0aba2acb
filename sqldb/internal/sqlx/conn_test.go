package sqlx

import (
	"errors"
	"fmt"
	"io"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"
)

func TestRedactDSN(t *testing.T) {
	if got := RedactDSN("host=a password='s3 cret' dbname=h"); got != "host=a password=xxxxx dbname=h" {
		t.Errorf("RedactDSN: %q", got)
	}
	if got := RedactDSN("host=a password=s3cret dbname=h"); got != "host=a password=xxxxx dbname=h" {
		t.Errorf("RedactDSN: %q", got)
	}
}

func TestLSN(t *testing.T) {
	v, err := ParseLSN("16/B374D848")
	if err != nil || v != 0x16B374D848 || FormatLSN(v) != "16/B374D848" {
		t.Errorf("ParseLSN: %x %v %s", v, err, FormatLSN(v))
	}
	if _, err := ParseLSN("16"); err == nil {
		t.Error("ParseLSN(16): no error")
	}
}

func TestConnLostAndReadOnly(t *testing.T) {
	for err, lost := range map[error]bool{
		nil:                                 false,
		io.ErrUnexpectedEOF:                 true,
		fmt.Errorf("x: %w", io.EOF):         true,
		&pgconn.PgError{Code: "57P01"}:      true,
		&pgconn.PgError{Code: "08006"}:      true,
		&pgconn.PgError{Code: "25006"}:      true,
		&pgconn.PgError{Code: "23505"}:      false,
		errors.New("no rows in result set"): false,
	} {
		if ConnLost(err) != lost {
			t.Errorf("ConnLost(%v) = %t", err, !lost)
		}
	}
	for q, ro := range map[string]bool{
		"SELECT 1": true,
		"  select name FROM people WHERE id = $1": true,
		"(SELECT 1) UNION (SELECT 2)":             true,
		"SELECT id FROM orgs FOR UPDATE":          false,
		"SELECT pg_advisory_xact_lock(1)":         false,
		"INSERT INTO x VALUES (1) RETURNING id":   false,
		"WITH d AS (DELETE FROM x) SELECT 1":      false,
		"SELECT nextval('s')":                     false,
	} {
		if ReadOnly(q) != ro {
			t.Errorf("ReadOnly(%q) = %t", q, !ro)
		}
	}
}

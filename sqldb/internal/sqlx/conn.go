package sqlx

import (
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"
)

// What the store's cluster support (sqldb/cluster.go) needs to know of
// connection strings, errors, statements and WAL positions, without a
// connection.

var keyValueDSN = regexp.MustCompile(`^\s*[A-Za-z_]+\s*=`)

// IsKeyValueDSN reports whether dsn is a libpq keyword/value string
// ("host=a,b dbname=hezuo …"), which only PostgreSQL takes.
func IsKeyValueDSN(dsn string) bool { return keyValueDSN.MatchString(dsn) }

var kvPassword = regexp.MustCompile(`(password\s*=\s*)('(?:[^'\\]|\\.)*'|\S+)`)

// redactKeyValue hides the password of a keyword/value DSN.
func redactKeyValue(dsn string) string { return kvPassword.ReplaceAllString(dsn, "${1}xxxxx") }

// RedactDSN returns dsn with its password hidden, fit for a message.
func RedactDSN(dsn string) string {
	if IsKeyValueDSN(dsn) {
		return redactKeyValue(dsn)
	}
	if u, err := url.Parse(dsn); err == nil && u.User != nil {
		u.User = url.User(u.User.Username())
		return u.String()
	}
	return dsn
}

// ConnLost reports whether err says the database connection was lost or
// the server is not (or no longer) the primary: a failover in progress. A
// write that failed so may or may not have been committed.
func ConnLost(err error) bool {
	if err == nil {
		return false
	}
	if errors.Is(err, driver.ErrBadConn) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return true
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch {
		case strings.HasPrefix(pe.Code, "08"), // connection exception
			pe.Code == "57P01", pe.Code == "57P02", pe.Code == "57P03", // shutdown, crash, cannot connect now
			pe.Code == "25006": // read-only transaction: connected to a demoted primary
			return true
		}
		return false
	}
	var ce *pgconn.ConnectError
	if errors.As(err, &ce) {
		return true
	}
	var ne net.Error
	if errors.As(err, &ne) {
		return true
	}
	if pgconn.SafeToRetry(err) || pgconn.Timeout(err) {
		return true
	}
	msg := err.Error()
	for _, s := range []string{"conn closed", "connection reset", "broken pipe", "failed to connect", "unexpected EOF", "connection refused"} {
		if strings.Contains(msg, s) {
			return true
		}
	}
	return false
}

// ReadOnly reports whether q is a plain SELECT, which a replica can run.
func ReadOnly(q string) bool {
	t := strings.TrimLeft(q, " \t\r\n(")
	if len(t) < 6 || !strings.EqualFold(t[:6], "SELECT") {
		return false
	}
	u := strings.ToUpper(q)
	return !strings.Contains(u, "FOR UPDATE") && !strings.Contains(u, "FOR SHARE") &&
		!strings.Contains(u, "NEXTVAL") && !strings.Contains(u, "PG_ADVISORY") && !strings.Contains(u, "INSERT ") &&
		!strings.Contains(u, "UPDATE ") && !strings.Contains(u, "DELETE ")
}

// ParseLSN parses a PostgreSQL WAL position "16/B374D848".
func ParseLSN(s string) (uint64, error) {
	hi, lo, ok := strings.Cut(strings.TrimSpace(s), "/")
	if !ok {
		return 0, fmt.Errorf("bad LSN %q", s)
	}
	h, err := strconv.ParseUint(hi, 16, 32)
	if err != nil {
		return 0, fmt.Errorf("bad LSN %q", s)
	}
	l, err := strconv.ParseUint(lo, 16, 32)
	if err != nil {
		return 0, fmt.Errorf("bad LSN %q", s)
	}
	return h<<32 | l, nil
}

// FormatLSN is ParseLSN's inverse.
func FormatLSN(v uint64) string { return fmt.Sprintf("%X/%X", v>>32, v&0xffffffff) }

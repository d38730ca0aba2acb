package web

import (
	"context"
	"net/http"
	"strconv"
	"time"

	"hezuo/store"
)

// walCookie carries, after a user's write, the primary's WAL position then
// (hexadecimal): the user's reads go to the read replica only once it has
// replayed that far — read-your-writes across servers, with no state kept
// in any one of them.
const walCookie = "hezuo_wal"

// walCookieAge: after this long a replica within the lag limit has the
// write anyway.
const walCookieAge = 5 * time.Minute

// readRouting lets the plain reads of GET and HEAD requests go to the read
// replica (store.ReadAnywhere) when the database has one, and stamps the
// answer to any other request with the primary's WAL position.
func (s *Server) readRouting(next http.Handler) http.Handler {
	if s.db == nil || !s.db.HasReplica() { // a server without a database (tests of the middleware)
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.URL.Path == "/readyz" || r.URL.Path == "/healthz":
			next.ServeHTTP(w, r)
		case r.Method == http.MethodGet || r.Method == http.MethodHead:
			var min uint64
			if c, err := r.Cookie(walCookie); err == nil {
				min, _ = strconv.ParseUint(c.Value, 16, 64)
			}
			next.ServeHTTP(w, r.WithContext(store.ReadAnywhere(r.Context(), min)))
		default:
			next.ServeHTTP(&walStamp{ResponseWriter: w, s: s, r: r}, r)
		}
	})
}

// walStamp sets the WAL cookie just before the response's header goes out,
// after the request's writes were committed.
type walStamp struct {
	http.ResponseWriter
	s    *Server
	r    *http.Request
	done bool
}

func (w *walStamp) stamp() {
	if w.done {
		return
	}
	w.done = true
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	lsn, err := w.s.db.WALPosition(ctx)
	if err != nil || lsn == 0 {
		// Unknown: read from the primary for the cookie's life.
		lsn = ^uint64(0) >> 1
	}
	http.SetCookie(w.ResponseWriter, &http.Cookie{Name: walCookie, Value: strconv.FormatUint(lsn, 16), Path: "/",
		MaxAge: int(walCookieAge / time.Second), HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: w.s.opt.Secure})
}

func (w *walStamp) WriteHeader(code int) {
	w.stamp()
	w.ResponseWriter.WriteHeader(code)
}

func (w *walStamp) Write(b []byte) (int, error) {
	w.stamp()
	return w.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (w *walStamp) Unwrap() http.ResponseWriter { return w.ResponseWriter }

type dbLostKeyType struct{}

// dbLostKey marks a request whose session could not be read because the
// database connection was lost (a failover): it is answered 503, not sent
// to sign in again.
var dbLostKey dbLostKeyType

// dbLost returns the connection error withSession met, if any.
func dbLost(r *http.Request) error {
	err, _ := r.Context().Value(dbLostKey).(error)
	return err
}

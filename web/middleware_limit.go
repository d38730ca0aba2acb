package web

import (
	"bytes"
	"encoding/json"
	"io"
	"math"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"hezuo"
	"hezuo/store"
)

// Rate limits (ASVS 2.2.1, 11.1.4): sign-ins and imports are limited per
// client address and per user, with token buckets kept in memory. They add
// to the lockout after failed sign-ins (the store's SignIn), which holds
// across restarts; these protect against floods and guessing across users.
type Limits struct {
	LoginPerIP    Rate // sign-in attempts from one address (default 30 a minute, bursts of 10)
	LoginPerUser  Rate // sign-in attempts for one user name (default 10 a minute, bursts of 5)
	ImportPerIP   Rate // import uploads and confirmations from one address (default 30 a minute)
	ImportPerUser Rate // … by one user (default 10 a minute)
}

// Rate is a token bucket: Burst requests at once, then one every Every.
type Rate struct {
	Every time.Duration
	Burst int
}

func (l *Limits) defaults() {
	def := func(r *Rate, every time.Duration, burst int) {
		if r.Every == 0 {
			r.Every = every
		}
		if r.Burst == 0 {
			r.Burst = burst
		}
	}
	def(&l.LoginPerIP, time.Second, 60)
	def(&l.LoginPerUser, 3*time.Second, 10)
	def(&l.ImportPerIP, time.Second, 30)
	def(&l.ImportPerUser, 3*time.Second, 10)
}

// limiter holds one token bucket per key.
type limiter struct {
	mu      sync.Mutex
	buckets map[string]*bucket
	swept   time.Time
}

type bucket struct {
	tokens float64
	at     time.Time
}

// allow takes a token of key's bucket at now; when none is left it returns
// false and how long until one is.
func (l *limiter) allow(key string, rate Rate, now time.Time) (bool, time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.buckets == nil {
		l.buckets = map[string]*bucket{}
	}
	// Forget full buckets now and then, so that the map stays small.
	if now.Sub(l.swept) > time.Minute {
		for k, b := range l.buckets {
			if now.Sub(b.at) > time.Hour {
				delete(l.buckets, k)
			}
		}
		l.swept = now
	}
	b := l.buckets[key]
	if b == nil {
		b = &bucket{tokens: float64(rate.Burst), at: now}
		l.buckets[key] = b
	}
	b.tokens = math.Min(float64(rate.Burst), b.tokens+float64(now.Sub(b.at))/float64(rate.Every))
	b.at = now
	if b.tokens >= 1 {
		b.tokens--
		return true, 0
	}
	return false, time.Duration((1 - b.tokens) * float64(rate.Every))
}

// clientIP returns the client's address: the connection's, or behind a
// trusted reverse proxy (Options.TrustProxy) the one it reports in
// X-Real-IP or last in X-Forwarded-For.
func (s *Server) clientIP(r *http.Request) string {
	if s.opt.TrustProxy {
		if ip := strings.TrimSpace(r.Header.Get("X-Real-IP")); ip != "" {
			return ip
		}
		if xff := r.Header.Get("X-Forwarded-For"); xff != "" {
			parts := strings.Split(xff, ",")
			return strings.TrimSpace(parts[len(parts)-1])
		}
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// rateLimit applies Limits to the sign-in and import endpoints and answers
// 429 with Retry-After when a bucket is empty.
func (s *Server) rateLimit(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost {
			next.ServeHTTP(w, r)
			return
		}
		var perIP, perUser Rate
		var user string
		login := false
		switch r.URL.Path {
		case "/login", "/api/login":
			if r.URL.Path == "/api/login" && !isJSON(r) {
				next.ServeHTTP(w, r) // 415: the body is not even read
				return
			}
			perIP, perUser, login = s.opt.Limits.LoginPerIP, s.opt.Limits.LoginPerUser, true
			user = loginName(r)
		case "/import", "/import/confirm":
			perIP, perUser = s.opt.Limits.ImportPerIP, s.opt.Limits.ImportPerUser
			if sess := sessionOf(s.withSession(r)); sess != nil {
				user = strconv.FormatInt(sess.User.ID, 10)
			}
		default:
			next.ServeHTTP(w, r)
			return
		}
		now := s.opt.Now()
		ok, wait := s.limits.allow(r.URL.Path+"\x00ip:"+s.clientIP(r), perIP, now)
		if ok && user != "" {
			ok, wait = s.limits.allow(r.URL.Path+"\x00user:"+user, perUser, now)
		}
		if !ok {
			secs := int(math.Ceil(wait.Seconds()))
			w.Header().Set("Retry-After", strconv.Itoa(secs))
			s.refuse(w, r, http.StatusTooManyRequests, hezuo.Errorf(hezuo.ELOCKED,
				"请求过于频繁，请 %d 秒后再试", "too many requests: try again in %d seconds", secs))
			return
		}
		if login {
			// A locked account (the store's SignIn) answers 429 too: tell
			// the client the longest it may have to wait.
			w = &retryAfterWriter{ResponseWriter: w, secs: int(store.LockWindow.Seconds())}
		}
		next.ServeHTTP(w, r)
	})
}

// loginName reads the user name of a sign-in request (form or JSON) and
// leaves the body readable for the handler; "" for a name no user can have
// (its bucket would hold it: such a sign-in is refused at once anyway).
func loginName(r *http.Request) string {
	if n := rawLoginName(r); hezuo.ValidUserName(n) {
		return n
	}
	return ""
}

func rawLoginName(r *http.Request) string {
	if isJSON(r) {
		b, err := io.ReadAll(io.LimitReader(r.Body, 1<<16))
		r.Body = io.NopCloser(bytes.NewReader(b))
		if err != nil {
			return ""
		}
		var in struct {
			Username string `json:"username"`
		}
		json.Unmarshal(b, &in)
		return strings.TrimSpace(in.Username)
	}
	return strings.TrimSpace(r.PostFormValue("username"))
}

// retryAfterWriter adds Retry-After to a 429 that lacks one.
type retryAfterWriter struct {
	http.ResponseWriter
	secs int
}

func (w *retryAfterWriter) WriteHeader(code int) {
	if code == http.StatusTooManyRequests && w.Header().Get("Retry-After") == "" {
		w.Header().Set("Retry-After", strconv.Itoa(w.secs))
	}
	w.ResponseWriter.WriteHeader(code)
}

// Unwrap lets http.ResponseController reach the connection's writer.
func (w *retryAfterWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

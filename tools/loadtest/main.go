// Command loadtest drives a running hezuo server on the loopback interface
// with concurrent clients for a bounded time and reports, per endpoint,
// requests, errors, throughput and p50/p90/p99/max latency (issue 7). It
// uses the standard library only.
//
//	go run ./tools/loadtest -url http://127.0.0.1:18080 -user bench -password-file pw.txt \
//	    -clients 50 -duration 30s -paths '/,/orgs,/api/stats?scope=22,/api/orgs?scope=22&page=1'
//
// The clients share one session (logged in once through POST /api/login)
// and each requests the paths in turn, round-robin: as fast as the server
// answers (a closed loop: throughput at saturation), or with -rate, at that
// many requests per second per client (an open loop: latency at a given
// load, like users reading pages). A non-2xx status or a transport error counts as an error. The
// run stops after -duration (at most 5 minutes); the exit status is 1 when
// any request failed. scripts/loadtest.sh starts a server, runs this, and
// reports the server's peak memory.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"sort"
	"strings"
	"sync"
	"time"
)

func main() {
	base := flag.String("url", "http://127.0.0.1:18080", "server URL (loopback only)")
	user := flag.String("user", "bench", "user name")
	pwFile := flag.String("password-file", "", "file whose first line is the password (default: $HEZUO_LOADTEST_PASSWORD)")
	clients := flag.Int("clients", 50, "concurrent clients")
	duration := flag.Duration("duration", 30*time.Second, "how long to run (at most 5m)")
	paths := flag.String("paths", "/,/orgs,/api/stats,/api/orgs?page=1", "comma-separated paths, requested in turn")
	rate := flag.Float64("rate", 0, "requests per second per client (0: as fast as possible)")
	flag.Parse()
	if err := run(*base, *user, *pwFile, *clients, min(*duration, 5*time.Minute), strings.Split(*paths, ","), *rate); err != nil {
		fmt.Fprintln(os.Stderr, "loadtest:", err)
		os.Exit(1)
	}
}

func run(base, user, pwFile string, clients int, d time.Duration, paths []string, rate float64) error {
	u, err := url.Parse(base)
	if err != nil {
		return err
	}
	if ip := net.ParseIP(u.Hostname()); u.Hostname() != "localhost" && (ip == nil || !ip.IsLoopback()) {
		return fmt.Errorf("%s is not a loopback address", u.Hostname())
	}
	pw := os.Getenv("HEZUO_LOADTEST_PASSWORD")
	if pwFile != "" {
		b, err := os.ReadFile(pwFile)
		if err != nil {
			return err
		}
		pw = strings.TrimSpace(strings.SplitN(string(b), "\n", 2)[0])
	}
	tr := &http.Transport{MaxIdleConns: clients * 2, MaxIdleConnsPerHost: clients * 2}
	hc := &http.Client{Transport: tr, Timeout: 30 * time.Second}
	cookie, err := login(hc, base, user, pw)
	if err != nil {
		return err
	}
	stats := make([]*endpoint, len(paths))
	for i, p := range paths {
		stats[i] = &endpoint{path: p}
	}
	for _, e := range stats { // warm up: caches, prepared statements, summaries refreshed
		if r := request(hc, base+e.path, cookie); r.err != nil {
			return fmt.Errorf("%s: %v", e.path, r.err)
		}
	}
	deadline := time.Now().Add(d)
	var wg sync.WaitGroup
	for c := 0; c < clients; c++ {
		wg.Add(1)
		go func(c int) {
			defer wg.Done()
			next := time.Now()
			if rate > 0 { // spread the clients' first requests over one interval
				next = next.Add(time.Duration(float64(time.Second) / rate * float64(c) / float64(clients)))
			}
			for i := c; ; i++ {
				if rate > 0 {
					time.Sleep(time.Until(next))
					next = next.Add(time.Duration(float64(time.Second) / rate))
				}
				if !time.Now().Before(deadline) {
					return
				}
				e := stats[i%len(stats)]
				e.record(request(hc, base+e.path, cookie))
			}
		}(c)
	}
	wg.Wait()
	return report(stats, d, clients, rate)
}

// login posts the credentials and returns the session cookie.
func login(hc *http.Client, base, user, pw string) (string, error) {
	body, _ := json.Marshal(map[string]string{"username": user, "password": pw})
	resp, err := hc.Post(base+"/api/login", "application/json", bytes.NewReader(body))
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	io.Copy(io.Discard, resp.Body)
	if resp.StatusCode != http.StatusOK {
		return "", fmt.Errorf("login as %s: %s", user, resp.Status)
	}
	var parts []string
	for _, c := range resp.Cookies() {
		parts = append(parts, c.Name+"="+c.Value)
	}
	return strings.Join(parts, "; "), nil
}

type result struct {
	took time.Duration
	err  error
}

func request(hc *http.Client, u, cookie string) result {
	req, err := http.NewRequest(http.MethodGet, u, nil)
	if err != nil {
		return result{err: err}
	}
	req.Header.Set("Cookie", cookie)
	start := time.Now()
	resp, err := hc.Do(req)
	if err != nil {
		return result{err: err}
	}
	_, err = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	took := time.Since(start)
	if err == nil && (resp.StatusCode < 200 || resp.StatusCode > 299) {
		err = fmt.Errorf("%s", resp.Status)
	}
	return result{took, err}
}

// endpoint collects the latencies of one path.
type endpoint struct {
	path    string
	mu      sync.Mutex
	took    []time.Duration
	errors  int
	lastErr error
}

func (e *endpoint) record(r result) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if r.err != nil {
		e.errors++
		e.lastErr = r.err
		return
	}
	e.took = append(e.took, r.took)
}

func pct(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	return sorted[min(len(sorted)-1, int(p*float64(len(sorted))))]
}

func report(stats []*endpoint, d time.Duration, clients int, rate float64) error {
	pace := "as fast as possible"
	if rate > 0 {
		pace = fmt.Sprintf("%g requests/s each", rate)
	}
	fmt.Printf("%d clients, %s, %s\n%-40s %8s %6s %9s %9s %9s %9s %9s\n", clients, pace, d, "path", "requests", "errors", "req/s", "p50", "p90", "p99", "max")
	var all []time.Duration
	failed := 0
	for _, e := range stats {
		sort.Slice(e.took, func(i, j int) bool { return e.took[i] < e.took[j] })
		all = append(all, e.took...)
		failed += e.errors
		fmt.Printf("%-40s %8d %6d %9.1f %9s %9s %9s %9s\n", e.path, len(e.took)+e.errors, e.errors,
			float64(len(e.took))/d.Seconds(), ms(pct(e.took, .5)), ms(pct(e.took, .9)), ms(pct(e.took, .99)), ms(pct(e.took, 1)))
		if e.lastErr != nil {
			fmt.Printf("  last error: %v\n", e.lastErr)
		}
	}
	sort.Slice(all, func(i, j int) bool { return all[i] < all[j] })
	fmt.Printf("%-40s %8d %6d %9.1f %9s %9s %9s %9s\n", "all", len(all)+failed, failed, float64(len(all))/d.Seconds(),
		ms(pct(all, .5)), ms(pct(all, .9)), ms(pct(all, .99)), ms(pct(all, 1)))
	if failed > 0 {
		return fmt.Errorf("%d requests failed", failed)
	}
	return nil
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1fms", float64(d.Microseconds())/1000) }

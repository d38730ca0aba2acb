package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"hezuo"
)

// clusterLoad is the failover test's load: one writer adding meetings and
// readers of stats and meetings, until stop; what they saw is kept under mu.
type clusterLoad struct {
	base     string // the server's URL
	partyOrg string // the party organization the meetings are held by
	today    hezuo.Date

	stop atomic.Bool
	wg   sync.WaitGroup

	mu         sync.Mutex
	acked      []string // topics of the meetings acknowledged with 201
	attempted  int
	ackTimes   []time.Time // when each acknowledged write was sent
	ryw        int         // acknowledged meetings the writer could not read back at once
	readOK     []time.Time
	readFailed int
	fatal      []string
}

// write runs the writer until stop: meetings through POST /api/meetings,
// each checked readable by the writer at once (read-your-writes).
func (l *clusterLoad) write(writer *http.Client) {
	l.wg.Add(1)
	go func() {
		defer l.wg.Done()
		for i := 1; !l.stop.Load(); i++ {
			topic := fmt.Sprintf("failover-%d", i)
			body, _ := json.Marshal(map[string]any{"party_org": l.partyOrg, "kind": hezuo.MeetingThemeDay,
				"held_on": l.today.AddDays(-3000 - i).String(), "topic": topic})
			l.mu.Lock()
			l.attempted++
			l.mu.Unlock()
			sent := time.Now()
			resp, err := writer.Post(l.base+"/api/meetings", "application/json", bytes.NewReader(body))
			if err != nil {
				time.Sleep(100 * time.Millisecond)
				continue
			}
			resp.Body.Close()
			switch {
			case resp.StatusCode == http.StatusCreated:
				l.acknowledged(writer, topic, sent)
			case resp.StatusCode == http.StatusServiceUnavailable || resp.StatusCode >= 500:
				time.Sleep(100 * time.Millisecond)
			default:
				l.mu.Lock()
				if len(l.fatal) < 5 {
					l.fatal = append(l.fatal, fmt.Sprintf("POST /api/meetings %s: %d", topic, resp.StatusCode))
				}
				l.mu.Unlock()
				time.Sleep(100 * time.Millisecond)
			}
		}
	}()
}

// acknowledged records a write answered 201 and checks that the writer's
// next read sees it.
func (l *clusterLoad) acknowledged(writer *http.Client, topic string, sent time.Time) {
	l.mu.Lock()
	l.acked = append(l.acked, topic)
	l.ackTimes = append(l.ackTimes, sent)
	n := len(l.acked)
	l.mu.Unlock()
	var list struct {
		Total int `json:"total"`
	}
	if st := getJSONWith(writer, l.base+"/api/meetings?party_org="+l.partyOrg+"&limit=1", &list); st == http.StatusOK && list.Total < n {
		l.mu.Lock()
		l.ryw++
		l.mu.Unlock()
	}
}

// read runs reader r until stop: GET /api/stats and /api/meetings in turn.
func (l *clusterLoad) read(c *http.Client, r int) {
	l.wg.Add(1)
	go func() {
		defer l.wg.Done()
		paths := []string{"/api/stats", "/api/meetings?party_org=" + l.partyOrg}
		for i := 0; !l.stop.Load(); i++ {
			var v map[string]any
			st := getJSONWith(c, l.base+paths[(i+r)%2], &v)
			l.mu.Lock()
			if st == http.StatusOK {
				l.readOK = append(l.readOK, time.Now())
			} else {
				l.readFailed++
			}
			l.mu.Unlock()
			if st != http.StatusOK {
				time.Sleep(100 * time.Millisecond)
			}
		}
	}()
}

// halt stops the writer and the readers and waits for them.
func (l *clusterLoad) halt() {
	l.stop.Store(true)
	l.wg.Wait()
}

// failover waits up to within for a write sent after killedAt to be
// acknowledged, and returns how long after killedAt the first such write
// was sent (0: none was).
func (l *clusterLoad) failover(killedAt time.Time, within time.Duration) time.Duration {
	var failover time.Duration
	for time.Since(killedAt) < within {
		l.mu.Lock()
		if n := len(l.ackTimes); n > 0 && l.ackTimes[n-1].After(killedAt) {
			for _, at := range l.ackTimes {
				if at.After(killedAt) {
					failover = at.Sub(killedAt)
					break
				}
			}
		}
		l.mu.Unlock()
		if failover > 0 {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	return failover
}

// longestReadGap is the longest time between two answers to the readers.
func (l *clusterLoad) longestReadGap() time.Duration {
	var gap time.Duration
	for i := 1; i < len(l.readOK); i++ {
		if d := l.readOK[i].Sub(l.readOK[i-1]); d > gap {
			gap = d
		}
	}
	return gap
}

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"
)

// FuzzEvaluate runs `hezuo evaluate --format json` on arbitrary input: it
// never panics or reports a usage error; it either rejects the input (exit
// 1, a message naming the problem, nothing on stdout) or answers one result
// per input element, each with a required form and a manager level.
func FuzzEvaluate(f *testing.F) {
	for _, s := range []string{
		`[{"id":"x","kind":"cooperative","registered":true,"full_party_members":3,"villages":["222424103201"],"industry":"农机"}]`,
		`[{"id":1,"kind":"association","registered":false,"full_party_members":0,"probationary_party_members":2,"villages":["222424103201","222424104201"]}]`,
		`[{"id":"u","kind":"union","registered":true,"full_party_members":50,"villages":["222424103201"],"industry":""}]`,
		`[{"id":"x","kind":"合作社","registered":true,"full_party_members":-1,"villages":[]}]`,
		`[]`, `{}`, `[null]`, `[{"id":null}]`, `[{"id":"x","full_party_members":1e400}]`, "\xff", ``,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		var out, errb bytes.Buffer
		code := run(context.Background(), []string{"evaluate", "--format", "json"}, strings.NewReader(in), &out, &errb)
		switch code {
		case exitRejected:
			if out.Len() != 0 || errb.Len() == 0 {
				t.Errorf("rejected with stdout %q and stderr %q", out.String(), errb.String())
			}
		case exitOK:
			var res []struct {
				ID        json.RawMessage `json:"id"`
				Required  string          `json:"required"`
				ManagedBy struct {
					Level string `json:"level"`
				} `json:"managed_by"`
			}
			if err := json.Unmarshal(out.Bytes(), &res); err != nil {
				t.Fatalf("output is not a JSON array: %v %s", err, out.String())
			}
			var elems []json.RawMessage
			if err := json.Unmarshal([]byte(in), &elems); err != nil || len(elems) != len(res) {
				t.Errorf("%d results for %d inputs", len(res), len(elems))
			}
			for _, r := range res {
				if r.Required == "" || r.ManagedBy.Level == "" {
					t.Errorf("result without required form or manager: %s", out.String())
				}
			}
		default:
			t.Errorf("exit %d: %s", code, errb.String())
		}
	})
}

package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"hezuo"
	"hezuo/rules"
)

var cmdEvaluate = &command{
	name:  "evaluate",
	usage: "evaluate [--format json|text] < orgs.json",
	short: "仅按规则判定（无数据库）/ the rules alone on JSON input",
	long:  "仅按规则判定应建形式和管理组织，输入为 JSON 数组，不用数据库 / the rules alone on a JSON array of orgs, no database",
	flags: []flagGroup{formatFlags, dayFlags},
	setup: runEvaluate,
}

// evalInput is one element of `hezuo evaluate`'s input; pointers tell a
// missing field from a zero one.
type evalInput struct {
	ID           *json.RawMessage `json:"id"`
	Kind         *string          `json:"kind"`
	Registered   *bool            `json:"registered"`
	Full         *int             `json:"full_party_members"`
	Probationary *int             `json:"probationary_party_members"`
	Villages     *[]string        `json:"villages"`
	Industry     *string          `json:"industry"`
}

// evalOutput is one element of the output.
type evalOutput struct {
	ID          json.RawMessage `json:"id"`
	Required    string          `json:"required"`
	ManagedBy   evalManager     `json:"managed_by"`
	Reasons     []string        `json:"reasons"`
	Warnings    []string        `json:"warnings"`
	Suggestions []string        `json:"suggestions"`
}

type evalManager struct {
	Level string `json:"level"`
	Code  string `json:"code"`
	Name  string `json:"name"`
}

func runEvaluate(f *flags) action {
	return func(e *env, _ []string) error {
		in, err := io.ReadAll(e.stdin)
		if err != nil {
			return err
		}
		facts, err := parseEvalInput(in)
		if err != nil {
			return err
		}
		env := rules.Env{Settings: rules.Defaults(), Departments: rules.DefaultDepartments()}
		out := make([]evalOutput, len(facts))
		for i, fa := range facts {
			d := rules.Evaluate(fa.Facts, f.day, env)
			o := evalOutput{ID: fa.id, Required: d.Required, Reasons: []string{}, Warnings: []string{}, Suggestions: []string{},
				ManagedBy: evalManager{Level: d.ManagedBy.Level, Code: d.ManagedBy.Code, Name: d.ManagedBy.Name}}
			for _, r := range d.Reasons {
				// Without a database nothing covers the org: reasons about the
				// actual form and status would only say so.
				if r.Rule != rules.RuleCoverage && r.Rule != rules.RuleInstructorDeveloped {
					o.Reasons = append(o.Reasons, r.Text(e.lang))
				}
			}
			// Warnings and suggestions as `check` gives them, less those about
			// what covers the org, which the input cannot say.
			for _, r := range d.Warnings {
				if r.Rule != rules.RuleSecretary && r.Rule != rules.RuleCoverage {
					o.Warnings = append(o.Warnings, r.Text(e.lang))
				}
			}
			for _, r := range d.Suggestions {
				o.Suggestions = append(o.Suggestions, r.Text(e.lang))
			}
			out[i] = o
		}
		return f.output(e, out, func(w io.Writer) {
			for _, o := range out {
				fmt.Fprintln(w, strings.TrimSpace(fmt.Sprintf("%s: %s, %s %s", o.ID, o.Required, o.ManagedBy.Level, o.ManagedBy.Code)))
				printNotes(w, o.Reasons, o.Warnings, o.Suggestions)
			}
		})
	}
}

type evalFacts struct {
	id json.RawMessage
	rules.Facts
}

// parseEvalInput decodes and validates the input array; an error names the
// element (1-based) and the field.
func parseEvalInput(in []byte) ([]evalFacts, error) {
	var elems []json.RawMessage
	if err := json.Unmarshal(in, &elems); err != nil {
		return nil, hezuo.Errorf(hezuo.EINVALID, "输入应为 JSON 数组：%v", "input must be a JSON array: %v", err)
	}
	out := make([]evalFacts, 0, len(elems))
	for i, raw := range elems {
		rec := fmt.Sprintf("第 %d 个元素", i+1)
		var x evalInput
		dec := json.NewDecoder(bytes.NewReader(raw))
		if err := dec.Decode(&x); err != nil {
			return nil, hezuo.Invalid(rec, "", "格式错误："+err.Error(), "malformed: "+err.Error())
		}
		bad := func(field, zh, en string) error {
			e := hezuo.Invalid(rec, field, zh, en)
			if x.ID != nil {
				e.Record += " (id " + string(*x.ID) + ")"
			}
			return e
		}
		if x.ID == nil || len(*x.ID) == 0 || string(*x.ID) == "null" || string(*x.ID) == `""` {
			return nil, bad("id", "缺少 id", "id missing")
		}
		if x.Kind == nil {
			return nil, bad("kind", "缺少 kind", "kind missing")
		}
		kind, ok := hezuo.ParseKind(*x.Kind)
		if !ok {
			return nil, bad("kind", "kind 应为 cooperative、association 或 union", "kind must be cooperative, association or union")
		}
		if x.Registered == nil {
			return nil, bad("registered", "缺少 registered（true 或 false）", "registered (true or false) missing")
		}
		if x.Full == nil || *x.Full < 0 {
			return nil, bad("full_party_members", "full_party_members 应为非负整数", "full_party_members must be a non-negative integer")
		}
		prob := 0
		if x.Probationary != nil {
			if *x.Probationary < 0 {
				return nil, bad("probationary_party_members", "probationary_party_members 应为非负整数", "probationary_party_members must be a non-negative integer")
			}
			prob = *x.Probationary
		}
		if x.Villages == nil || len(*x.Villages) == 0 {
			return nil, bad("villages", "至少需要一个村（12 位区划代码）", "at least one village (12-digit code) is required")
		}
		for _, v := range *x.Villages {
			if len(v) != 12 || hezuo.LevelOf(v) != hezuo.LevelVillage {
				return nil, bad("villages", fmt.Sprintf("%q 不是 12 位村级区划代码", v), fmt.Sprintf("%q is not a 12-digit village code", v))
			}
		}
		industry := ""
		if x.Industry != nil {
			industry = *x.Industry
		}
		vs := *x.Villages
		out = append(out, evalFacts{id: *x.ID, Facts: rules.Facts{
			OrgID: string(*x.ID), Kind: kind, Active: true, Registered: *x.Registered,
			FullMembers: *x.Full, ProbationaryMembers: prob, Village: vs[0], Villages: vs, Industry: industry,
		}})
	}
	return out, nil
}

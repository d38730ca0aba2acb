package main

import (
	"bufio"
	"flag"
	"os"
	"strings"
)

// Every flag of every command can also come from a configuration file
// (--config FILE, else $HEZUO_CONFIG) and from the environment
// (HEZUO_<FLAG>, upper case with - as _: --as-of ← HEZUO_AS_OF). A flag
// on the command line overrides the environment, which overrides the file.
//
// The file holds `name = value` lines (# starts a comment); lines before
// any [section] apply to every command that has the flag, lines under
// [COMMAND] (serve, backup, user…) only to that command. Keys a command
// does not have are ignored, so one file serves every command.

// configEnv is the environment variable naming the configuration file.
const configEnv = "HEZUO_CONFIG"

// config is a parsed configuration file: section ("" for the top) → name → value.
type config map[string]map[string]string

// readConfig parses the configuration file name.
func readConfig(name string) (config, error) {
	fh, err := os.Open(name)
	if err != nil {
		return nil, usagef("无法读取配置文件 / cannot read the configuration file: %v", err)
	}
	defer fh.Close()
	c := config{"": {}}
	section := ""
	sc := bufio.NewScanner(fh)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") || strings.HasPrefix(line, ";") {
			continue
		}
		if strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]") {
			section = strings.TrimSpace(line[1 : len(line)-1])
			if c[section] == nil {
				c[section] = map[string]string{}
			}
			continue
		}
		k, v, ok := strings.Cut(line, "=")
		if !ok {
			return nil, usagef("配置文件 %s 第 %d 行应为 名称 = 值 / %s line %d: want name = value", name, n, name, n)
		}
		v = strings.TrimSpace(v)
		if len(v) >= 2 && v[0] == '"' && v[len(v)-1] == '"' {
			v = v[1 : len(v)-1]
		}
		c[section][strings.TrimLeft(strings.TrimSpace(k), "-")] = v
	}
	if err := sc.Err(); err != nil {
		return nil, usagef("无法读取配置文件 / cannot read the configuration file: %v", err)
	}
	return c, nil
}

// envName returns the environment variable of a flag: HEZUO_AS_OF for as-of.
func envName(flagName string) string {
	return "HEZUO_" + strings.ToUpper(strings.ReplaceAll(flagName, "-", "_"))
}

// configPath returns --config from args (it may stand anywhere), else
// $HEZUO_CONFIG, else "".
func configPath(args []string) string {
	for i, a := range args {
		if v, ok := strings.CutPrefix(a, "--config="); ok {
			return v
		}
		if v, ok := strings.CutPrefix(a, "-config="); ok {
			return v
		}
		if (a == "--config" || a == "-config") && i+1 < len(args) {
			return args[i+1]
		}
		if a == "--" {
			break
		}
	}
	return os.Getenv(configEnv)
}

// applyConfig sets f's flags from the configuration file and then from the
// environment, before the command line is parsed over them.
func (f *flags) applyConfig(e *env, args []string) error {
	var c config
	if p := configPath(args); p != "" {
		var err error
		if c, err = readConfig(p); err != nil {
			return err
		}
	}
	var err error
	f.VisitAll(func(fl *flag.Flag) {
		if err != nil || fl.Name == "config" {
			return
		}
		set := func(v, from string) {
			if e := fl.Value.Set(v); e != nil && err == nil {
				err = usagef("%s 中 %s 的值 %q 无效 / invalid value %q for %s in %s: %v", from, fl.Name, v, v, fl.Name, from, e)
			}
		}
		for _, section := range []string{"", e.cmd} {
			if v, ok := c[section][fl.Name]; ok {
				set(v, "配置文件 / the configuration file")
			}
		}
		if v := os.Getenv(envName(fl.Name)); v != "" { // set and not empty
			set(v, envName(fl.Name))
		}
	})
	return err
}

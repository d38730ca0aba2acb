package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
)

// command is one sub-command, after cmd/go's base.Command: its name, its
// help, the flags it takes and what it runs are one value, so `hezuo help
// NAME`, `hezuo NAME -h` and the run itself cannot drift apart.
type command struct {
	name  string
	usage string // the usage line after "hezuo ", flags included
	short string // its line in `hezuo help`: 中文 / English
	long  string // the paragraph of `hezuo help NAME` and `hezuo NAME -h`
	// flags are the shared flag groups it takes; --lang and --config come
	// with every command.
	flags []flagGroup
	// args is how many positional arguments it takes, or anyArgs when its
	// action checks them (sub-command words, optional ones).
	args int
	// setup defines the command's own flags on f and returns the action
	// that runs once f is parsed. It is called afresh for every run, so
	// runs in one process (the tests, a server beside a command) share no
	// flag state.
	setup func(f *flags) action
	// subs are the sub-commands of a command such as user: the first
	// argument picks one, which takes the rest.
	subs []*command
}

// action runs a command with its positional arguments, once its flags are
// parsed and checked.
type action func(e *env, pos []string) error

// anyArgs is command.args of a command whose action checks its positional
// arguments itself.
const anyArgs = -1

// exec runs c with the arguments after its name.
func (c *command) exec(e *env, args []string) error {
	if c.subs != nil {
		return c.dispatch(e, args)
	}
	f := newFlags(e, c)
	act := c.setup(f)
	pos, err := f.parse(e, args)
	if err != nil {
		return err
	}
	return act(e, pos)
}

// dispatch runs the sub-command args[0] names.
func (c *command) dispatch(e *env, args []string) error {
	switch {
	case len(args) > 0 && isHelpFlag(args[0]):
		c.printHelp(e, e.stderr)
		return flag.ErrHelp
	case len(args) == 0 || strings.HasPrefix(args[0], "-"):
		return c.usageErr()
	}
	if sub := find(c.subs, args[0]); sub != nil {
		return sub.exec(e, args[1:])
	}
	return usagef("未知的子命令 %q / unknown sub-command %q", args[0], args[0])
}

// usageErr is the usage error that shows c's usage line.
func (c *command) usageErr() error {
	if c.subs != nil {
		return usagef("用法 / usage: hezuo %s\n%s", c.usage, c.long)
	}
	return usagef("用法 / usage: hezuo %s", c.usage)
}

// printHelp writes c's usage, its help and its flags to w.
func (c *command) printHelp(e *env, w io.Writer) {
	if c.subs != nil {
		fmt.Fprintf(w, "用法 / usage: hezuo %s\n%s\n", c.usage, c.long)
		return
	}
	f := newFlags(e, c)
	c.setup(f)
	c.printUsage(w, f.FlagSet)
}

func (c *command) printUsage(w io.Writer, fs *flag.FlagSet) {
	fmt.Fprintf(w, "用法 / usage: hezuo %s\n%s\n\n参数 / flags:\n", c.usage, c.long)
	fs.SetOutput(w)
	fs.PrintDefaults()
}

// parse parses args allowing flags before and after positional arguments,
// checks the shared flags and the number of positional arguments, and
// returns the positional arguments.
func (f *flags) parse(e *env, args []string) ([]string, error) {
	if err := f.applyConfig(e, args); err != nil {
		return nil, err
	}
	var pos []string
	for {
		if err := f.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, usageError{err.Error()}
		}
		rest := f.Args()
		if len(rest) == 0 {
			break
		}
		if rest[0] == "--" {
			pos = append(pos, rest[1:]...)
			break
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
	if *f.lang != "zh" && *f.lang != "en" {
		return nil, usagef("--lang 应为 zh 或 en / --lang must be zh or en")
	}
	e.lang = *f.lang
	if err := f.checkArgs(pos); err != nil {
		return nil, err
	}
	for _, g := range f.cmd.flags {
		if g.check == nil {
			continue
		}
		if err := g.check(f); err != nil {
			return nil, err
		}
	}
	return pos, nil
}

// checkArgs checks the number of positional arguments.
func (f *flags) checkArgs(pos []string) error {
	switch n := f.cmd.args; {
	case n == 0:
		return noArgs(pos)
	case n != anyArgs && len(pos) != n:
		return f.cmd.usageErr()
	}
	return nil
}

// noArgs rejects positional arguments.
func noArgs(pos []string) error {
	if len(pos) > 0 {
		return usagef("多余的参数 / unexpected arguments: %s", strings.Join(pos, " "))
	}
	return nil
}

// verb returns the sub-command word of a command whose first positional
// argument is one of words, words[0] when there is none.
func verb(pos []string, words ...string) (string, error) {
	switch {
	case len(pos) > 1:
		return "", noArgs(pos[1:])
	case len(pos) == 0:
		return words[0], nil
	}
	for _, w := range words {
		if pos[0] == w {
			return w, nil
		}
	}
	last := len(words) - 1
	zh := strings.Join(words[:last], "、") + " 或 " + words[last]
	en := strings.Join(words[:last], ", ") + " or " + words[last]
	return "", usagef("未知的子命令 %q（%s）/ unknown sub-command %q (%s)", pos[0], zh, pos[0], en)
}

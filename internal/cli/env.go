package cli

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/pflag"

	"github.com/sfguard/sfguard/internal/config"
)

// envBools are the spellings a SFGUARD_* variable may use for a boolean
// flag. CI systems and shells write yes/no and on/off as often as
// true/false, so all are read, in any case.
var envBools = map[string]string{
	"1": "true", "true": "true", "yes": "true", "on": "true",
	"0": "false", "false": "false", "no": "false", "off": "false",
}

// applyEnv fills flags the user did not set from SFGUARD_<FLAG> variables.
// Repeatable flags take a comma-separated list. It returns the names of the
// flags it set, so later errors about their values can name the variable
// rather than a flag the user never typed.
func applyEnv(fs *pflag.FlagSet, getenv func(string) string) (map[string]bool, error) {
	var errs []error
	fromEnv := map[string]bool{}
	fs.VisitAll(func(fl *pflag.Flag) {
		if fl.Changed {
			return
		}
		name := config.EnvVar(fl.Name)
		v := getenv(name)
		if v == "" {
			return
		}
		if err := setFromEnv(fs, fl, v); err != nil {
			errs = append(errs, fmt.Errorf("%s=%q: %w", name, v, err))
			return
		}
		fromEnv[fl.Name] = true
	})
	return fromEnv, errors.Join(errs...)
}

func setFromEnv(fs *pflag.FlagSet, fl *pflag.Flag, v string) error {
	switch fl.Value.Type() {
	case "bool":
		b, ok := envBools[strings.ToLower(strings.TrimSpace(v))]
		if !ok {
			return errors.New("want true or false (also 1/0, yes/no, on/off)")
		}
		return fs.Set(fl.Name, b)
	case "int", "int64":
		if _, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64); err != nil {
			return errors.New("want a whole number")
		}
		return fs.Set(fl.Name, strings.TrimSpace(v))
	case "stringArray":
		for _, x := range strings.Split(v, ",") {
			if err := fs.Set(fl.Name, strings.TrimSpace(x)); err != nil {
				return err
			}
		}
		return nil
	}
	return fs.Set(fl.Name, strings.TrimSpace(v))
}

// origin names where a flag's value came from, for error messages:
// "--fail-on" or "SFGUARD_FAIL_ON".
func origin(fromEnv map[string]bool, flag string) string {
	if fromEnv[flag] {
		return config.EnvVar(flag)
	}
	return "--" + flag
}

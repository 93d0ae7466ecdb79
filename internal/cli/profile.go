package cli

import (
	"errors"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"runtime/trace"

	"github.com/spf13/pflag"
)

// profileFlags are hidden debug flags for finding where a scan spends its
// time and memory on a real org (issue 14): the files they write are read
// with `go tool pprof` and `go tool trace`. Hidden because they are for
// whoever works on sfguard, not for the people who run it.
type profileFlags struct {
	cpu, mem, trace string
}

func addProfileFlags(fs *pflag.FlagSet, p *profileFlags) {
	fs.StringVar(&p.cpu, "cpuprofile", "", "write a CPU profile to `FILE` (go tool pprof)")
	fs.StringVar(&p.mem, "memprofile", "", "write an allocation profile to `FILE` when the run ends (go tool pprof)")
	fs.StringVar(&p.trace, "trace", "", "write an execution trace to `FILE` (go tool trace)")
	for _, name := range []string{"cpuprofile", "memprofile", "trace"} {
		_ = fs.MarkHidden(name) // the names are the ones just defined
	}
}

// start begins the CPU profile and the trace; the returned stop ends them
// and writes the allocation profile. stop is never nil.
func (p *profileFlags) start() (stop func() error, err error) {
	var stops []func() error
	stop = func() error {
		var errs []error
		for i := len(stops) - 1; i >= 0; i-- {
			errs = append(errs, stops[i]())
		}
		if p.mem != "" {
			errs = append(errs, writeHeapProfile(p.mem))
		}
		return errors.Join(errs...)
	}
	if p.cpu != "" {
		f, err := os.Create(p.cpu)
		if err != nil {
			return func() error { return nil }, fmt.Errorf("--cpuprofile: %w", err)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			f.Close()
			return func() error { return nil }, fmt.Errorf("--cpuprofile: %w", err)
		}
		stops = append(stops, func() error { pprof.StopCPUProfile(); return f.Close() })
	}
	if p.trace != "" {
		f, err := os.Create(p.trace)
		if err == nil {
			err = trace.Start(f)
			if err != nil {
				f.Close()
			}
		}
		if err != nil {
			_ = stop()
			return func() error { return nil }, fmt.Errorf("--trace: %w", err)
		}
		stops = append(stops, func() error { trace.Stop(); return f.Close() })
	}
	return stop, nil
}

// writeHeapProfile writes the allocation profile (alloc_space and
// inuse_space) after a GC, so in-use figures are those of live data.
func writeHeapProfile(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("--memprofile: %w", err)
	}
	runtime.GC()
	if err := pprof.Lookup("allocs").WriteTo(f, 0); err != nil {
		f.Close()
		return fmt.Errorf("--memprofile: %w", err)
	}
	return f.Close()
}

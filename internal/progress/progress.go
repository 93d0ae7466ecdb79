// Package progress counts the work of a scan and, on a terminal, shows it.
//
// The scan only updates a Counter (two atomic adds per file); whether and
// how anything is drawn is decided by the command line, which starts a
// Meter when stderr is a terminal and the output is meant for a person.
package progress

import (
	"fmt"
	"io"
	"sync"
	"sync/atomic"
	"time"

	"github.com/schollz/progressbar/v3"
)

// Counter is the hook a scan updates: files and bytes done in the current
// phase. Safe for concurrent use; a nil *Counter ignores everything, so
// the scan needs no checks.
type Counter struct {
	mu    sync.Mutex
	phase string
	files atomic.Int64
	bytes atomic.Int64
}

// Phase starts a new phase ("metadata", "credentials") and resets the
// counts, so each half of a scan shows its own rate.
func (c *Counter) Phase(name string) {
	if c == nil {
		return
	}
	c.mu.Lock()
	c.phase = name
	c.files.Store(0)
	c.bytes.Store(0)
	c.mu.Unlock()
}

// Add counts one file of n bytes done.
func (c *Counter) Add(n int64) {
	if c == nil {
		return
	}
	c.files.Add(1)
	c.bytes.Add(n)
}

// Snapshot returns the current phase and its counts.
func (c *Counter) Snapshot() (phase string, files, bytes int64) {
	if c == nil {
		return "", 0, 0
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.phase, c.files.Load(), c.bytes.Load()
}

// Meter draws a Counter on a terminal: one line on w, redrawn in place,
// with the phase, files and bytes done, the byte rate and the time spent. It stays silent
// for the first Delay so that a scan that finishes quickly (a pre-commit
// hook) prints nothing, and it erases its line when stopped.
type Meter struct {
	c     *Counter
	w     io.Writer
	tick  time.Duration
	delay time.Duration
	stop  chan struct{}
	done  chan struct{}
}

// Delay is how long a scan runs before its progress line appears.
const Delay = time.Second

// Start begins drawing c on w after Delay.
func Start(w io.Writer, c *Counter) *Meter {
	m := &Meter{c: c, w: w, tick: 150 * time.Millisecond, delay: Delay, stop: make(chan struct{}), done: make(chan struct{})}
	go m.run()
	return m
}

// Stop erases the line (if one was drawn) and returns once the meter has
// stopped writing, so later output starts on a clean line.
func (m *Meter) Stop() {
	if m == nil {
		return
	}
	close(m.stop)
	<-m.done
}

func (m *Meter) run() {
	defer close(m.done)
	select {
	case <-m.stop:
		return
	case <-time.After(m.delay):
	}
	var bar *progressbar.ProgressBar
	var shown string
	var base int64 // bytes done before the bar was made: not part of its rate
	t := time.NewTicker(m.tick)
	defer t.Stop()
	for {
		phase, files, bytes := m.c.Snapshot()
		if bar == nil || phase != shown {
			if bar != nil {
				_ = bar.Clear()
			}
			bar = newBar(m.w, describe(phase, files, bytes))
			shown, base = phase, bytes
		}
		bar.Describe(describe(phase, files, bytes))
		_ = bar.Set64(bytes - base)
		select {
		case <-m.stop:
			_ = bar.Clear()
			return
		case <-t.C:
		}
	}
}

// newBar is an open-ended bar (the total is not known while the walk
// streams files) that shows the byte rate and the time spent; the counts
// are in the description.
func newBar(w io.Writer, desc string) *progressbar.ProgressBar {
	return progressbar.NewOptions64(-1,
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetDescription(desc),
		progressbar.OptionShowBytes(true),
		progressbar.OptionShowTotalBytes(true),
		progressbar.OptionSetWidth(10),
		progressbar.OptionSpinnerType(14),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionSetElapsedTime(true),
		progressbar.OptionSetPredictTime(false),
		// No spinner goroutine of the bar's own: it would keep drawing
		// after Stop. The meter's ticker redraws.
		progressbar.OptionSetSpinnerChangeInterval(0),
	)
}

func describe(phase string, files, bytes int64) string {
	switch {
	case phase == "":
		return "sfguard: starting"
	case files == 0:
		return "sfguard: " + phase
	}
	return fmt.Sprintf("sfguard: %s: %d %s, %s", phase, files, plural(files), size(bytes))
}

func size(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.0f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}

func plural(n int64) string {
	if n == 1 {
		return "file"
	}
	return "files"
}

package progress

import (
	"bytes"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestCounter(t *testing.T) {
	var nilCounter *Counter
	nilCounter.Phase("x")
	nilCounter.Add(5) // must not panic
	if p, f, b := nilCounter.Snapshot(); p != "" || f != 0 || b != 0 {
		t.Errorf("nil counter counted: %q %d %d", p, f, b)
	}

	c := &Counter{}
	c.Phase("checking metadata")
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 100; j++ {
				c.Add(10)
			}
		}()
	}
	wg.Wait()
	type snap struct {
		Phase        string
		Files, Bytes int64
	}
	get := func() snap { p, f, b := c.Snapshot(); return snap{p, f, b} }
	if d := cmp.Diff(snap{"checking metadata", 800, 8000}, get()); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
	c.Phase("scanning for credentials")
	if d := cmp.Diff(snap{"scanning for credentials", 0, 0}, get()); d != "" {
		t.Errorf("a new phase starts from zero (-want +got):\n%s", d)
	}
}

// syncBuffer is a writer the meter and the test share.
type syncBuffer struct {
	mu     sync.Mutex
	b      bytes.Buffer
	wrote  chan struct{}
	signal sync.Once
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	n, err := s.b.Write(p)
	if all := s.b.String(); strings.Contains(all, "2 files, 3.0 MiB") {
		s.signal.Do(func() { close(s.wrote) })
	}
	return n, err
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestMeterSilentWhenQuick: a scan that ends within the delay prints
// nothing at all.
func TestMeterSilentWhenQuick(t *testing.T) {
	w := &syncBuffer{wrote: make(chan struct{})}
	c := &Counter{}
	m := &Meter{c: c, w: w, tick: time.Millisecond, delay: time.Hour, stop: make(chan struct{}), done: make(chan struct{})}
	go m.run()
	c.Add(100)
	m.Stop()
	if got := w.String(); got != "" {
		t.Errorf("wrote %q before the delay", got)
	}
}

// TestMeterDraws: after the delay the line names the phase and the files
// done, and stopping erases it (ends with a carriage return, no newline).
func TestMeterDraws(t *testing.T) {
	w := &syncBuffer{wrote: make(chan struct{})}
	c := &Counter{}
	c.Phase("checking metadata")
	c.Add(2 << 20)
	c.Add(1 << 20)
	m := &Meter{c: c, w: w, tick: time.Millisecond, delay: 0, stop: make(chan struct{}), done: make(chan struct{})}
	go m.run()
	select {
	case <-w.wrote:
	case <-time.After(time.Minute): // a hang guard, not a timing assertion
		t.Error("no complete progress line drawn")
	}
	m.Stop()
	out := w.String()
	if !strings.Contains(out, "sfguard: checking metadata: 2 files, 3.0 MiB") {
		t.Errorf("progress line %q lacks the phase, file count or bytes", out)
	}
	if strings.Contains(out, "\n") || !strings.HasSuffix(out, "\r") {
		t.Errorf("the line is not erased in place: %q", out)
	}
}

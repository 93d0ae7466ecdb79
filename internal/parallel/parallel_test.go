package parallel

import (
	"errors"
	"sync/atomic"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestForEach(t *testing.T) {
	for _, tc := range []struct{ n, jobs int }{{0, 4}, {1, 4}, {10, 1}, {10, 0}, {100, 3}, {5, 50}} {
		got := make([]int, tc.n)
		var calls atomic.Int64
		ForEach(tc.n, tc.jobs, func(i int) {
			calls.Add(1)
			got[i] = i * i
		})
		want := make([]int, tc.n)
		for i := range want {
			want[i] = i * i
		}
		if diff := cmp.Diff(want, got); diff != "" || calls.Load() != int64(tc.n) {
			t.Errorf("n=%d jobs=%d: %d calls, slots (-want +got):\n%s", tc.n, tc.jobs, calls.Load(), diff)
		}
	}
}

func TestGo(t *testing.T) {
	release := make(chan struct{})
	wait := Go(func() (int, error) {
		<-release
		return 42, errors.New("late")
	})
	close(release)
	for i := 0; i < 2; i++ { // waiting twice gives the same result
		v, err := wait()
		if v != 42 || err == nil || err.Error() != "late" {
			t.Errorf("wait() = %d, %v; want 42, late", v, err)
		}
	}
}

package parallel

import (
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

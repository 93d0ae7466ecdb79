// Package parallel runs indexed work on a fixed number of workers. Callers
// write results into slots indexed by i, which keeps output independent of
// scheduling and so deterministic whatever the worker count.
package parallel

import "sync"

// ForEach calls fn(i) for every i in [0, n) on at most jobs goroutines and
// returns when all calls have returned. jobs < 1 means one worker.
func ForEach(n, jobs int, fn func(i int)) {
	if jobs < 1 {
		jobs = 1
	}
	if jobs > n {
		jobs = n
	}
	if jobs <= 1 {
		for i := 0; i < n; i++ {
			fn(i)
		}
		return
	}
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < jobs; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				fn(i)
			}
		}()
	}
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
}

// Go runs f on a goroutine of its own and returns a function that waits
// for its result: two slow steps that do not depend on each other (a git
// process and compiling the rules) overlap without a channel and a result
// type written out at each place.
func Go[T any](f func() (T, error)) (wait func() (T, error)) {
	var v T
	var err error
	done := make(chan struct{})
	go func() {
		defer close(done)
		v, err = f()
	}()
	return func() (T, error) {
		<-done
		return v, err
	}
}

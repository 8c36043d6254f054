//go:build unix

package dedup

import (
	"syscall"
	"time"
)

// processCPU returns the CPU time (user and system) the test process has
// used, so benchmarks can report throughput per CPU second beside wall
// time on a machine shared with other work.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

//go:build !unix

package dedup

import "time"

// processCPU is unknown here; benchmarks then omit per-CPU-second figures.
func processCPU() time.Duration { return 0 }

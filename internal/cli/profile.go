package cli

import (
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
)

// sampleEvery is the runtime's default heap sampling rate: an
// allocation sampled per this many bytes.
const sampleEvery = 512 << 10

// startProfiles starts a CPU profile written to cpu and arranges a heap
// profile written to mem (either may be empty); the returned stop ends
// them. The flags are hidden: they are for measuring edlint itself
// (scripts/bench.sh, README "Speed").
func startProfiles(cpu, mem string) (stop func() error, err error) {
	if mem != "" && runtime.MemProfileRate == 0 {
		runtime.MemProfileRate = sampleEvery // the command starts with sampling off
	}
	var cpuFile *os.File
	if cpu != "" {
		cpuFile, err = os.Create(cpu)
		if err != nil {
			return nil, fmt.Errorf("--cpuprofile: %w", err)
		}
		if err := pprof.StartCPUProfile(cpuFile); err != nil {
			_ = cpuFile.Close()
			return nil, fmt.Errorf("--cpuprofile: %w", err)
		}
	}
	return func() error {
		if cpuFile != nil {
			pprof.StopCPUProfile()
			if err := cpuFile.Close(); err != nil {
				return fmt.Errorf("--cpuprofile: %w", err)
			}
		}
		if mem == "" {
			return nil
		}
		f, err := os.Create(mem)
		if err != nil {
			return fmt.Errorf("--memprofile: %w", err)
		}
		runtime.GC()
		if err := pprof.Lookup("allocs").WriteTo(f, 0); err != nil {
			_ = f.Close()
			return fmt.Errorf("--memprofile: %w", err)
		}
		return f.Close()
	}, nil
}

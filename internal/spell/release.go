package spell

import (
	"os"
	"unsafe"
)

// ReleaseBuiltin hands the built-in dictionary's memory back to the
// operating system where it can (Linux): the compact dictionary is part of
// the executable, read-only and mapped from its file, so its pages are the
// kernel's page cache, counted in the process's resident set once touched.
// A large draft's word judgement touches nearly all of it (the kernel maps
// 64 KB around each fault; MADV_RANDOM does not stop that), 12 MB of a
// 20 MB draft's peak; released, a later lookup reads its pages back from the
// page cache (a minor fault each). Lookups stay correct whatever the timing,
// so a caller may release while another goroutine still looks words up.
func ReleaseBuiltin() {
	if compactBlob == "" {
		return
	}
	page := os.Getpagesize()
	base := unsafe.StringData(compactBlob)
	lead := (page - int(uintptr(unsafe.Pointer(base))%uintptr(page))) % page
	n := (len(compactBlob) - lead) &^ (page - 1)
	if n <= 0 {
		return
	}
	// Only read, never written: the slice is for the system call.
	dontNeed(unsafe.Slice((*byte)(unsafe.Add(unsafe.Pointer(base), lead)), n))
}

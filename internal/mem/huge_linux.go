package mem

import (
	"runtime"
	"syscall"
	"unsafe"
)

// hugePage is the size of a transparent huge page with 4 KB base pages
// (x86-64; arm64 with 4 KB pages).
const hugePage = 2 << 20

// adviseHuge asks the kernel to back the 2 MB-aligned blocks around
// [p, p+n) with huge pages, where the system allows them on request
// (/sys/kernel/mm/transparent_hugepage/enabled set to "madvise" or
// "always"). It is only advice: where the kernel cannot or will not,
// nothing changes, so its error is ignored.
func adviseHuge(p unsafe.Pointer, n uintptr) {
	start := uintptr(p) &^ (hugePage - 1)
	end := (uintptr(p) + n + hugePage - 1) &^ (hugePage - 1)
	_, _, _ = syscall.Syscall(syscall.SYS_MADVISE, start, end-start, syscall.MADV_HUGEPAGE)
	runtime.KeepAlive(p)
}

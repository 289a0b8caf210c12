package spell

import "syscall"

// dontNeed tells the kernel the pages of b (page-aligned, read-only,
// file-backed) are not needed for now: they leave the resident set, and
// are read back from the file's pages in the page cache when next touched.
// An error (none is expected) leaves them resident: nothing to do.
func dontNeed(b []byte) { _ = syscall.Madvise(b, syscall.MADV_DONTNEED) }

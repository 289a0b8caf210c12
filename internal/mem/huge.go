package mem

import "unsafe"

// hugeMin is the size from which Huge gives its advice: below it, a huge
// page would hold more than the buffer itself, and there are too few
// faults to save.
const hugeMin = 2 << 20

// Huge advises the kernel to back s's whole capacity with huge pages: for
// a large buffer about to be filled from start to end (a draft's source,
// its token array). Each first write to a 4 KB page of fresh memory is a
// page fault, a few microseconds in a virtual machine; with 2 MB pages, a
// 20 MB buffer takes 10 faults instead of 5,120. The blocks are rounded
// out to 2 MB, so a block shared with the heap around s is advised too:
// that memory is the heap's next to use, and where part of a block is
// already in use the kernel keeps its small pages.
//
// Call it on memory not yet written, straight after make: it changes
// nothing for pages already in use. Elsewhere than on Linux, and where
// the system turns huge pages off, it does nothing.
func Huge[T any](s []T) {
	var zero T
	n := uintptr(cap(s)) * unsafe.Sizeof(zero)
	if n < hugeMin {
		return
	}
	adviseHuge(unsafe.Pointer(unsafe.SliceData(s)), n)
}

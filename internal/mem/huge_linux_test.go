package mem

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"testing"
	"unsafe"
)

// TestHugeAdvice checks that Huge marks a large buffer's memory for huge
// pages: the kernel then reports the mapping holding it as eligible
// (THPeligible in /proc/self/smaps), which it does not for the Go heap
// otherwise when the system setting is "madvise".
func TestHugeAdvice(t *testing.T) {
	mode, err := os.ReadFile("/sys/kernel/mm/transparent_hugepage/enabled")
	if err != nil || strings.Contains(string(mode), "[never]") {
		t.Skip("transparent huge pages are not available here")
	}
	buf := make([]byte, 8<<20)
	Huge(buf)
	addr := uintptr(unsafe.Pointer(&buf[len(buf)/2]))
	eligible, ok := thpEligible(t, addr)
	if !ok {
		t.Skip("this kernel does not report THPeligible in /proc/self/smaps")
	}
	if !eligible {
		t.Errorf("the buffer's mapping is not eligible for huge pages after Huge")
	}
	buf[0], buf[len(buf)-1] = 1, 2 // still ordinary memory
	if buf[0]+buf[len(buf)-1] != 3 {
		t.Fatal("buffer not writable")
	}
}

// thpEligible reads THPeligible for the mapping that holds addr.
func thpEligible(t *testing.T, addr uintptr) (eligible, found bool) {
	t.Helper()
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		t.Skip(err)
	}
	defer func() { _ = f.Close() }() // read only
	in := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if lo, hi, ok := mappingRange(line); ok {
			in = lo <= addr && addr < hi
			continue
		}
		if in && strings.HasPrefix(line, "THPeligible:") {
			return strings.TrimSpace(strings.TrimPrefix(line, "THPeligible:")) == "1", true
		}
	}
	return false, false
}

// mappingRange parses the "lo-hi perms ..." header of a smaps entry.
func mappingRange(line string) (lo, hi uintptr, ok bool) {
	span, _, found := strings.Cut(line, " ")
	a, b, dash := strings.Cut(span, "-")
	if !found || !dash {
		return 0, 0, false
	}
	l, err1 := strconv.ParseUint(a, 16, 64)
	h, err2 := strconv.ParseUint(b, 16, 64)
	if err1 != nil || err2 != nil {
		return 0, 0, false
	}
	return uintptr(l), uintptr(h), true
}

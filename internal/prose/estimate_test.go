package prose

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// estimateCorpus is the prose the estimate tests cut their pieces from:
// the repository's Markdown drafts and, when at hand, the clean corpora.
func estimateCorpus(t *testing.T) []byte {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "*.md"))
	if shared := sharedDir(); shared != "" {
		m, _ := filepath.Glob(filepath.Join(shared, "corpora", "clean", "*"))
		files = append(files, m...)
	}
	var src []byte
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		src = append(src, b...)
	}
	return src
}

// TestEstimateTokens checks estimateTokens against the tokens a parse
// makes, on pieces of real prose from 8 KB (counted whole) to 1 MB
// (sampled), as plain text and as Markdown: the estimate may fall a
// little short of a sampled piece (that costs one growth of the token
// slice) but never far, and is a few percent over at the median (more
// would waste memory).
func TestEstimateTokens(t *testing.T) {
	src := estimateCorpus(t)
	if len(src) < 64<<10 {
		t.Skip("too little prose for the estimate's statistics")
	}
	src = src[:min(len(src), 4<<20)]
	for _, format := range []Format{Plain, Markdown} {
		for _, size := range []int{8 << 10, 20 << 10, 32 << 10, 100 << 10, 1 << 20} {
			var ratios []float64
			for off := 0; off+size <= len(src); off += size {
				d := Parse("piece", src[off:off+size], format)
				if len(d.Tokens) < size/64 {
					continue // mostly not prose (code, tables): the estimate counts all text
				}
				r := float64(d.estimateTokens()) / float64(len(d.Tokens))
				if r < 0.9 {
					t.Errorf("format %d, %d bytes at %d: estimate %d for %d tokens (%.3f)", format, size, off, d.estimateTokens(), len(d.Tokens), r)
				}
				ratios = append(ratios, r)
			}
			if len(ratios) == 0 {
				continue
			}
			slices.Sort(ratios)
			if med := ratios[len(ratios)/2]; med < 1 || med > 1.12 {
				t.Errorf("format %d, %d-byte pieces: median estimate/tokens %.3f, want 1 to 1.12", format, size, med)
			}
		}
	}
}

// TestEstimateTinyTokens checks the estimate of texts too small to read
// (tinyText bytes of prose or fewer) as TestEstimateTokens checks the
// others: never short of a piece of prose by more than a tenth, and at
// most twice its tokens at the median.
func TestEstimateTinyTokens(t *testing.T) {
	src := estimateCorpus(t)
	src = src[:min(len(src), 1<<20)]
	for _, format := range []Format{Plain, Markdown} {
		for _, size := range []int{256, 1 << 10, tinyText} {
			var ratios []float64
			for off := 0; off+size <= len(src); off += size {
				d := Parse("piece", src[off:off+size], format)
				if len(d.Tokens) < size/64 || d.proseBytes() > tinyText {
					continue // mostly not prose, or read (format 1: size is not its prose's)
				}
				r := float64(d.estimateTokens()) / float64(len(d.Tokens))
				if r < 0.9 {
					t.Errorf("format %d, %d bytes at %d: estimate %d for %d tokens (%.3f)", format, size, off, d.estimateTokens(), len(d.Tokens), r)
				}
				ratios = append(ratios, r)
			}
			if len(ratios) < 10 {
				t.Fatalf("format %d, %d-byte pieces: only %d of prose", format, size, len(ratios))
			}
			slices.Sort(ratios)
			if med := ratios[len(ratios)/2]; med < 1 || med > 2 {
				t.Errorf("format %d, %d-byte pieces: median estimate/tokens %.3f, want 1 to 2", format, size, med)
			}
			t.Logf("format %d, %d-byte pieces: estimate/tokens %.3f to %.3f, median %.3f", format, size, ratios[0], ratios[len(ratios)-1], ratios[len(ratios)/2])
		}
	}
}

// TestSampling checks the sampling plan: a window inside every stride,
// at least minSamples strides for a text of more than smallText bytes
// until the stride reaches maxStride, and the large-text plan (512
// bytes every 64 KB) and those of 100 and 32 KB unchanged.
func TestSampling(t *testing.T) {
	for size := smallText + 1; size < 256<<20; size = size*5/4 + 7 {
		stride, window := sampling(size)
		if window <= 0 || window > stride || stride > maxStride || window > maxWindow {
			t.Fatalf("sampling(%d) = %d, %d", size, stride, window)
		}
		if stride < maxStride && stride > minStride && size/stride < minSamples {
			t.Fatalf("sampling(%d): stride %d gives %d samples", size, stride, size/stride)
		}
	}
	if s, w := sampling(20 << 20); s != 64<<10 || w != 512 {
		t.Fatalf("sampling(20 MiB) = %d, %d, want 65536, 512", s, w)
	}
	if s, w := sampling(100 << 10); s != 2<<10 || w != 64 {
		t.Fatalf("sampling(100 KiB) = %d, %d, want 2048, 64", s, w)
	}
	if s, w := sampling(32 << 10); s != 2<<10 || w != 256 {
		t.Fatalf("sampling(32 KiB) = %d, %d, want 2048, 256", s, w)
	}
}

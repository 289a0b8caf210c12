package spell

import (
	"flag"
	"reflect"
	"testing"
)

var tune = flag.Bool("tune", false, "search the suggestion weights on the training split (slow)")

// TestTuneWeights is a coordinate search over the model's weights that
// maximizes top-1 on the training split only; it prints the best weights
// for defaultWeights. Run with -run TuneWeights -args -tune.
func TestTuneWeights(t *testing.T) {
	if !*tune {
		t.Skip("run with -args -tune")
	}
	train, test := loadTypos(t)
	d := Builtin()
	best := defaultWeights
	eval := func(w weights) int { return scoreTypos(t, d, &w, train).top1 }
	bestScore := eval(best)
	t.Logf("start: %d/%d", bestScore, len(train))
	steps := []float64{0.7, 1.4}
	for round := 0; round < 3; round++ {
		improved := false
		v := reflect.ValueOf(&best).Elem()
		for f := 0; f < v.NumField(); f++ {
			name := v.Type().Field(f).Name
			for _, m := range steps {
				cand := best
				cv := reflect.ValueOf(&cand).Elem().Field(f)
				switch cv.Kind() {
				case reflect.Float32, reflect.Float64:
					x := cv.Float()
					if x == 0 {
						x = 0.1 / m
					}
					cv.SetFloat(x * m)
				case reflect.Int:
					cv.SetInt(int64(float64(cv.Int()) * m))
				}
				if sc := eval(cand); sc > bestScore {
					t.Logf("round %d: %s -> %v: %d", round, name, cv.Interface(), sc)
					best, bestScore, improved = cand, sc, true
				}
			}
		}
		if !improved {
			break
		}
		steps = []float64{0.85, 1.15}
	}
	ts := scoreTypos(t, d, &best, test)
	t.Logf("best train %d/%d, test top-1 %.2f%%\n%#v", bestScore, len(train), ts.pct(ts.top1), best)
}

package rules

import (
	"strings"
	"testing"
)

// TestConnectorSwitch keeps isConnector's switch and the connectors map
// one list.
func TestConnectorSwitch(t *testing.T) {
	for w := range connectors {
		if !isConnector(w) || !isConnector(strings.ToUpper(w)) {
			t.Errorf("isConnector(%q) = false", w)
		}
	}
	for _, w := range []string{"off", "then", "dell", "a", "xx", "bins", "Thee"} {
		if isConnector(w) {
			t.Errorf("isConnector(%q) = true", w)
		}
	}
}

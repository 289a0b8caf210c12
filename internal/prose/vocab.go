package prose

import "strings"

// intern numbers the distinct token texts (Token.ID, Types), counts them
// and links each to its lower-case form. Rules index per-word verdicts by
// ID, so that a word used a thousand times is judged once.
func (d *Document) intern() {
	ids := make(map[string]uint32, len(d.Tokens)/16+16)
	for i := range d.Tokens {
		t := &d.Tokens[i]
		text := d.Text[t.Start:t.End]
		id, ok := ids[text]
		if !ok {
			id = uint32(len(d.Types))
			ids[text] = id
			d.Types = append(d.Types, text)
			d.counts = append(d.counts, 0)
		}
		d.counts[id]++
		t.ID = id
	}
	n := len(d.Types)
	d.lower = make([]uint32, n)
	for id := 0; id < n; id++ {
		text := d.Types[id]
		low := strings.ToLower(text)
		if low == text {
			d.lower[id] = uint32(id)
			continue
		}
		lid, ok := ids[low]
		if !ok {
			lid = uint32(len(d.Types))
			ids[low] = lid
			d.Types = append(d.Types, low)
			d.counts = append(d.counts, 0)
			d.lower = append(d.lower, lid)
		}
		d.lower[id] = lid
	}
}

// TypeCount is the number of tokens whose ID is id (0 for a lower-case
// form no token spells).
func (d *Document) TypeCount(id uint32) int { return int(d.counts[id]) }

// Lower returns the ID of the lower-case form of Types[id] (id itself when
// it has no upper-case letter). The form may be spelt by no token.
func (d *Document) Lower(id uint32) uint32 { return d.lower[id] }

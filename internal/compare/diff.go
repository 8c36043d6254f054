package compare

import "strings"

// op is one step of a word diff from a to b: '=' keeps a word (a and b may
// differ in spelling), '-' drops a's word, '+' adds b's word.
type op struct {
	kind byte
	a, b string
}

// diffWords aligns a and b by their longest common subsequence of words
// (sameWord), in time len(a)·len(b).
func diffWords(a, b []string) []op {
	var d differ
	return d.diff(a, b)
}

// differ runs word diffs with one table and one list of steps reused from
// call to call.
type differ struct {
	cells []int32
	rows  [][]int32
	ops   []op
}

// diff is diffWords; the steps it returns hold until the next call.
func (d *differ) diff(a, b []string) []op {
	n, m := len(a), len(b)
	// One backing array for the whole table: rows of m+1 cells.
	size := (n + 1) * (m + 1)
	if cap(d.cells) < size {
		d.cells = make([]int32, size)
	}
	cells := d.cells[:size]
	clear(cells)
	l := d.rows[:0]
	for i := 0; i <= n; i++ {
		l = append(l, cells[i*(m+1):(i+1)*(m+1):(i+1)*(m+1)])
	}
	d.rows = l
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if sameWord(a[i], b[j]) {
				l[i][j] = l[i+1][j+1] + 1
			} else if l[i+1][j] >= l[i][j+1] {
				l[i][j] = l[i+1][j]
			} else {
				l[i][j] = l[i][j+1]
			}
		}
	}
	ops := d.ops[:0]
	i, j := 0, 0
	for i < n && j < m {
		switch {
		case sameWord(a[i], b[j]) && l[i][j] == l[i+1][j+1]+1:
			ops = append(ops, op{'=', a[i], b[j]})
			i++
			j++
		case l[i+1][j] >= l[i][j+1]:
			ops = append(ops, op{'-', a[i], ""})
			i++
		default:
			ops = append(ops, op{'+', "", b[j]})
			j++
		}
	}
	for ; i < n; i++ {
		ops = append(ops, op{'-', a[i], ""})
	}
	for ; j < m; j++ {
		ops = append(ops, op{'+', "", b[j]})
	}
	d.ops = ops
	return ops
}

// fragmentEdge is the fewest words cut from the ends of a quotation for the
// shorter one to count as a fragment of it rather than a reworded
// variant: "severe consequences" against "very severe consequences" is a
// variant, "strong resolve" against a whole sentence is a fragment.
const fragmentEdge = 3

// wordDiff writes how variant differs from main, "[+very] severe
// consequences", and whether it differs in substance: words only cut from
// the ends (a fragment), dropped function words or folded spellings of
// apostrophes do not count.
func wordDiff(main, variant []string) (string, bool) {
	ops := trimFragment(diffWords(main, variant))
	changed := false
	shared, own := 0, 0
	for _, o := range ops {
		switch {
		case o.kind == '=':
			shared++
			own++
			changed = changed || o.a != o.b
		case o.kind == '+':
			own++
			changed = changed || content(o.b)
		default:
			changed = changed || content(o.a)
		}
	}
	// a wording that shares less than half its words with the main one is
	// a neighbouring quote, not a variant of it
	if 2*shared < own {
		changed = false
	}
	var sb strings.Builder
	for k := 0; k < len(ops); {
		o := ops[k]
		if sb.Len() > 0 {
			sb.WriteByte(' ')
		}
		if o.kind == '=' && o.a == o.b {
			sb.WriteString(o.a)
			k++
			continue
		}
		if o.kind == '=' {
			sb.WriteString("[-" + o.a + " +" + o.b + "]")
			k++
			continue
		}
		var run []string
		for k < len(ops) && ops[k].kind == o.kind {
			run = append(run, ops[k].a+ops[k].b)
			k++
		}
		sb.WriteString("[" + string(o.kind) + strings.Join(run, " ") + "]")
	}
	return sb.String(), changed
}

// trimFragment drops the main words the variant lacks at both ends when
// one of the two runs is at least fragmentEdge long: the variant quotes a
// piece of the main wording.
func trimFragment(ops []op) []op {
	lo := 0
	for lo < len(ops) && ops[lo].kind == '-' {
		lo++
	}
	hi := len(ops)
	for hi > lo && ops[hi-1].kind == '-' {
		hi--
	}
	// one long cut makes it a fragment, and then a short cut at the other
	// end is part of the same cutting
	if lo < fragmentEdge && len(ops)-hi < fragmentEdge {
		return ops
	}
	return ops[lo:hi]
}

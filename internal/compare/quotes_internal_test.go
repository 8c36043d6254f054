package compare

import "testing"

// TestQuoteOverlapByWording: the diff of two wordings is done once and
// read again for other quotes of the same words, and never for quotes of
// other words. Quotes written from a port strike, not the seeds.
func TestQuoteOverlapByWording(t *testing.T) {
	q := func(wording int, text string) *quoted {
		return &quoted{words: quoteWords(text), wording: wording}
	}
	short := q(0, "we will not accept this offer")
	again := q(0, "we will not accept this offer")
	long := q(1, "we will not accept this offer from the port authority")
	other := q(2, "the dockers will strike on monday")
	d := quoteDiffer{overlaps: map[[2]int]overlap{}}
	first := d.overlap(short, long)
	if first.shared != 6 || first.sharedContent == 0 {
		t.Fatalf("overlap = %+v, want 6 shared words", first)
	}
	if got := d.overlap(again, long); got != first || len(d.overlaps) != 1 {
		t.Errorf("same wordings: overlap %+v and %d diffs, want %+v and 1", got, len(d.overlaps), first)
	}
	if got := d.overlap(other, long); got.shared == first.shared || len(d.overlaps) != 2 {
		t.Errorf("other wording: overlap %+v and %d diffs, want its own diff", got, len(d.overlaps))
	}
}

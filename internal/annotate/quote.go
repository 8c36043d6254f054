package annotate

// Quotes finds direct quotations and their speakers.
type Quotes struct {
	// MaxBytes is the longest quotation in bytes; 0 means 4000.
	MaxBytes int
}

// Annotate implements Annotator.
func (q Quotes) Annotate(d *Doc) {}

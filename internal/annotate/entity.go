package annotate

// Mention is an entity mention inside the chain, in byte offsets.
type Mention struct {
	Segment
	// Entity indexes Doc.Entities.
	Entity int
	// Form is "name", "partial", "title+name", "nominal", "abbreviation".
	Form string
	// Head is the byte range of the name without title or role words.
	Head Segment
}

// Entities finds entity mentions and groups them into document entities.
type Entities struct {
	// ResolveRoles links role mentions to the person holding the role.
	ResolveRoles bool
}

// Annotate implements Annotator.
func (e Entities) Annotate(d *Doc) {}

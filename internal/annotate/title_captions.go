package annotate

import (
	"strings"
	"unicode"
)

// TitleAndCaptions appends the article's headline and its photo and video
// captions to Doc.Text, after the body, so that the annotators after it
// read the names there too: a headline's "UK's Starmer", a caption's
// "Volodymyr Zelenskiy, Ukraine's president" or "ITV News Correspondent
// Robert Moore". Each part is a paragraph of its own. Doc.Annotations
// reports only what lies in the body, so every span still indexes
// Article.Text; entities keep the aliases read in the title and captions,
// and an entity named only there has aliases but no mentions.
//
// A headline in title case ("Zelensky Meets With UK's Starmer") is left
// out: with every word capitalised it reads as one long name.
//
// It must run first, before Sentences.
type TitleAndCaptions struct{}

// Annotate implements Annotator.
func (TitleAndCaptions) Annotate(d *Doc) {
	if d.Appended > 0 || len(d.Sentences) > 0 {
		return // already extended, or run after the text was read
	}
	var b strings.Builder
	add := func(s string) {
		s = strings.TrimSpace(strings.ToValidUTF8(s, "\uFFFD"))
		if s == "" || strings.Contains(d.Text, s) {
			return // an article that repeats its headline in the body
		}
		if b.Len() == 0 {
			b.WriteString(d.Text)
		}
		b.WriteString("\n\n")
		b.WriteString(s)
	}
	if !titleCase(d.Article.Title) {
		add(d.Article.Title)
	}
	for _, c := range d.Article.Captions {
		add(c)
	}
	if b.Len() == 0 {
		return
	}
	d.Appended = b.Len() - len(d.Text)
	d.Text = b.String()
	d.buildRuneIndex()
}

// titleCase reports a headline of four or more words in which all but the
// short function words are capitalised.
func titleCase(s string) bool {
	words, lower := 0, 0
	for _, w := range strings.Fields(s) {
		r := []rune(w)
		if !unicode.IsLetter(r[0]) {
			continue
		}
		words++
		if unicode.IsLower(r[0]) && len(r) > 3 {
			lower++
		}
	}
	return words >= 4 && lower == 0
}

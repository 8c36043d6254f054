package extract

import (
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/storydesk/storydesk/internal/model"
)

// Text extracts the articles of a plain-text dump: a page copied as text,
// one paragraph per line, with its furniture. The first article is the
// document's own; any others were carried inside it (a "Related Articles"
// block) and have EmbeddedIn set by the caller to the first one's ID.
//
// For the input
//
//	 date 2025-08-14 Zelensky arrived in London on Thursday.
//	Follow Daily News on WhatsApp
//	15:21
//	Starmer greeted him on the steps of Downing Street.
//	- Agence France-Presse
//
// Text returns one article published 2025-08-14, outlet "Agence
// France-Presse", whose Text is the two sentences as two paragraphs.
//
// Each line is judged by its features (length, punctuation, capitalisation,
// addresses, calls to action, chrome words, repetition, position); see
// text_lines.go. A headline is a short title-like line without a full stop
// before the first paragraph; date, byline and credit lines become
// metadata; captions go to Captions; furniture is dropped; lines repeated
// from an excerpt at the top are kept once.
//
// An embedded article is recognised by a relative age on its own line
// ("5 hours ago"), with an optional outlet line before it and "- Outlet"
// credit after it, then a title line and its body (an outlet and age on
// one line, or a date followed by a credit, also anchor one). Its Published
// is the age resolved against the page's own date, or opts.Reference when
// the page gives none or gives its own date as an age too (a Reference at
// midnight UTC counts as a date), and is left zero when neither is known
// (see dumpAge.resolve). The page's own Published comes from its date
// prefix or date lines, else a dateline's month and day in the Reference's
// year, else its own relative age against the Reference; Reference itself
// is never taken as the page's date.
//
// When nothing precedes the first teaser, the page's own article has the
// teaser layout: that first one is the page's article.
//
// The error is ErrNoText when the page's own article has no text, or has
// less than opts.MinTextChars and carries no embedded articles.
func Text(text string, opts Options) ([]model.Article, error) {
	lines := dumpSplitLines(text)
	items, mainEnd := dumpFindEmbedded(lines)
	page, meta := dumpReadArticle(lines[:mainEnd], true)
	ref := dumpReference(opts.Reference)
	// Ages on a page count back from when it was read, so when the page's
	// own date is itself an age, the teasers' ages resolve against the
	// Reference too.
	relative := false
	if page.Text == "" && len(items) > 0 {
		// The page's own article is laid out like a teaser (outlet, age,
		// credit, title): it is the first item, not something it carries.
		page, relative = dumpItemArticle(items[0], ref), items[0].anchor.date.IsZero()
		items = items[1:]
	}
	n := utf8.RuneCountInString(page.Text)
	if n == 0 || (len(items) == 0 && n < opts.MinTextChars) {
		return nil, fmt.Errorf("text dump (%d lines, %d body characters): %w", len(lines), n, ErrNoText)
	}
	if page.Published.IsZero() {
		page.Published = dumpYearFor(meta.datelineMonth, meta.datelineDay, opts.Reference)
	}
	if page.Published.IsZero() && meta.hasAge {
		page.Published, relative = meta.age.resolve(ref), true // "Published 2 hours ago"
	}
	arts := []model.Article{page}
	base := page.Published
	if base.IsZero() || relative {
		base = ref
	}
	for _, it := range items {
		if a := dumpItemArticle(it, base); a.Text != "" {
			arts = append(arts, a)
		}
	}
	return arts, nil
}

// dumpItemArticle reads an item's body and fills in what its anchor says.
func dumpItemArticle(it dumpItem, base model.Time) model.Article {
	a, _ := dumpReadArticle(it.body, false)
	a.Title = it.title
	if it.anchor.outlet != "" {
		a.Outlet = it.anchor.outlet // the teaser's own credit, not the page's plugs
	}
	if a.Published.IsZero() {
		a.Published = it.anchor.published(base)
	}
	return a
}

// dumpReference reads Options.Reference as a model.Time: a Reference at
// midnight UTC is taken as a calendar date (what the CLI's --date gives),
// so that "5 hours ago" does not move a page to the day before.
func dumpReference(r time.Time) model.Time {
	switch {
	case r.IsZero():
		return model.Time{}
	case r.Location() == time.UTC && r.Hour() == 0 && r.Minute() == 0 && r.Second() == 0 && r.Nanosecond() == 0:
		return model.Date(r.Year(), r.Month(), r.Day())
	}
	return model.At(r)
}

// dumpLine is one non-blank line of a dump, trimmed, with its 1-based
// line number.
type dumpLine struct {
	text string
	no   int
}

// dumpSplitLines splits a dump into its non-blank lines, trimmed. A dump
// hard-wrapped at a fixed width (see dumpWrapWidth) has the lines of each
// paragraph joined back with a space.
func dumpSplitLines(text string) []dumpLine {
	raw := strings.Split(strings.TrimPrefix(text, "\uFEFF"), "\n")
	for i := range raw {
		raw[i] = strings.TrimSpace(raw[i])
	}
	width := dumpWrapWidth(raw)
	var out []dumpLine
	for i := 0; i < len(raw); i++ {
		if raw[i] == "" {
			continue
		}
		l := dumpLine{text: raw[i], no: i + 1}
		if width > 0 && i+1 < len(raw) && raw[i+1] != "" && dumpWrapped(raw[i], raw[i+1], width) {
			var b strings.Builder
			b.WriteString(raw[i])
			for i+1 < len(raw) && raw[i+1] != "" && dumpWrapped(raw[i], raw[i+1], width) {
				i++
				b.WriteString(" ")
				b.WriteString(raw[i])
			}
			l.text = b.String()
		}
		out = append(out, l)
	}
	return out
}

// dumpWrapWidth finds the width a dump was hard-wrapped at, or 0 when it
// was not: paragraphs separated by blank lines, no line over 100
// characters, and many lines close to the longest (a wrapped paragraph
// fills its lines but the last). Pages copied from a browser put each
// paragraph on one long line and are left alone.
func dumpWrapWidth(raw []string) int {
	widest, lines, blocks, multi := 0, 0, 0, 0
	inBlock := 0
	for _, l := range raw {
		if l == "" {
			inBlock = 0
			continue
		}
		lines++
		if inBlock == 0 {
			blocks++
		} else if inBlock == 1 {
			multi++
		}
		inBlock++
		widest = max(widest, utf8.RuneCountInString(l))
	}
	if widest > 100 || widest < 40 || lines < 6 || multi < 2 || blocks < 2 {
		return 0
	}
	full := 0
	for _, l := range raw {
		if n := utf8.RuneCountInString(l); n > 0 && n >= widest-20 {
			full++
		}
	}
	if full*10 < lines*4 {
		return 0
	}
	return widest
}

// dumpWrapped reports whether next continues line: the first word of next
// would not have fitted on line within width, so a wrap put it below.
func dumpWrapped(line, next string, width int) bool {
	first, _, _ := strings.Cut(next, " ")
	return utf8.RuneCountInString(line)+1+utf8.RuneCountInString(first) > width-2
}

// dumpItem is an article found inside the page.
type dumpItem struct {
	start     int // index of its first line (outlet line or anchor)
	bodyStart int
	bodyEnd   int
	title     string
	anchor    dumpAnchor
	body      []dumpLine
}

// dumpAnchor is the line an embedded article is recognised by: a relative
// age ("5 hours ago"), an outlet with an age ("France 24 · 5 hours ago"),
// an outlet line over its own credit line, or a date followed by a credit
// line.
type dumpAnchor struct {
	age    dumpAge
	hasAge bool
	date   model.Time
	outlet string
}

// published resolves the anchor's date against base.
func (a dumpAnchor) published(base model.Time) model.Time {
	switch {
	case !a.date.IsZero():
		return a.date
	case !a.hasAge:
		return model.Time{} // an outlet and credit only: no date shown
	}
	return a.age.resolve(base)
}

func dumpReadAnchor(lines []dumpLine, i int) (dumpAnchor, bool) {
	s := lines[i].text
	if age, ok := dumpParseAge(s); ok {
		return dumpAnchor{age: age, hasAge: true}, true
	}
	if len(s) <= 80 && strings.ContainsAny(s, "|·•-") {
		pieces := dumpAnchorSepRe.Split(s, -1)
		if age, ok := dumpParseAge(pieces[len(pieces)-1]); ok && len(pieces) == 2 && dumpNameLike(pieces[0], 5) {
			return dumpAnchor{age: age, hasAge: true, outlet: pieces[0]}, true
		}
	}
	if i+1 < len(lines) && len(s) <= 60 {
		// "France 24" over "- France 24": an outlet and its credit, no age.
		if name, ok := dumpCredit(lines[i+1].text); ok && name == s {
			return dumpAnchor{outlet: name}, true
		}
	}
	if i+1 < len(lines) {
		if t, updated, ok := dumpDateLine(s); ok && !updated {
			if _, ok := dumpCredit(lines[i+1].text); ok {
				return dumpAnchor{date: t}, true
			}
		}
	}
	return dumpAnchor{}, false
}

var dumpAnchorSepRe = regexp.MustCompile(`\s+[|·•–—-]\s+`)

// dumpFindEmbedded finds the embedded articles and where the page's own
// article ends (the first item's first line, or len(lines)). Each item's
// body runs to the next item; the last one's ends at the first gap of two
// or more blank lines, where the page's footer begins.
func dumpFindEmbedded(lines []dumpLine) ([]dumpItem, int) {
	var items []dumpItem
	for i := 0; i < len(lines); i++ {
		anchor, ok := dumpReadAnchor(lines, i)
		if !ok {
			continue
		}
		it, ok := dumpReadItem(lines, i, anchor)
		if !ok {
			continue
		}
		if len(items) > 0 {
			items[len(items)-1].bodyEnd = it.start
		}
		items = append(items, it)
		i = it.bodyStart - 1
	}
	if n := len(items); n > 0 {
		last := &items[n-1]
		for k := last.bodyStart + 1; k < last.bodyEnd; k++ {
			if lines[k].no-lines[k-1].no >= 3 {
				last.bodyEnd = k
				break
			}
		}
	}
	valid := items[:0]
	for _, it := range items {
		if it.bodyEnd > it.bodyStart {
			it.body = lines[it.bodyStart:it.bodyEnd]
			valid = append(valid, it)
		}
	}
	if len(valid) == 0 {
		return nil, len(lines)
	}
	return valid, valid[0].start
}

// dumpReadItem reads an item around the age line at i: an optional outlet
// line before, an optional credit line after, the title line, and the body
// up to the end (cut later at the next item's start).
func dumpReadItem(lines []dumpLine, i int, anchor dumpAnchor) (dumpItem, bool) {
	it := dumpItem{start: i, anchor: anchor}
	if i > 0 && anchor.outlet == "" {
		prev := lines[i-1].text
		f := dumpLineFeatures(prev)
		if dumpNameLike(prev, 5) && dumpFurnitureScore(f) < 3 && !f.terminal {
			it.start, it.anchor.outlet = i-1, prev
		}
	}
	j := i + 1
	if j < len(lines) {
		if name, ok := dumpCredit(lines[j].text); ok {
			it.anchor.outlet = name
			j++
		}
	}
	if j >= len(lines) {
		return it, false
	}
	// A teaser's title may run longer than a heading inside an article.
	f := dumpLineFeatures(lines[j].text)
	if f.stop || f.words < 2 || f.words > 30 || f.chars > 200 || dumpFurnitureScore(f) >= 3 {
		return it, false
	}
	it.title = lines[j].text
	it.bodyStart, it.bodyEnd = j+1, len(lines)
	return it, true
}

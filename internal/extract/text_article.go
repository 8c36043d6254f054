package extract

import (
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/storydesk/storydesk/internal/model"
)

// dumpRole is what a line of a dump turns out to be.
type dumpRole int

const (
	dumpContent   dumpRole = iota // a paragraph or a heading, decided later
	dumpFurniture                 // page furniture, dropped
	dumpMeta                      // date, byline or credit, read into fields
	dumpCaption                   // photo or video caption
	dumpTitle                     // the headline
	dumpDropped                   // a repeat, or a fragment heading nothing
	dumpEndCredit                 // a credit that closes the article
)

// dumpEditCreditRe matches the staff credits that close agency copy
// ("Reporting by …; Editing by …").
var dumpEditCreditRe = regexp.MustCompile(`(?i)^\(?(reporting|writing|editing|additional reporting|compiled|produced|graphics) by\b`)

// dumpMetaFound gathers what metadata lines say, best source first.
type dumpMetaFound struct {
	published, updated, dateline model.Time
	credit, agency, bylineOrg    string
	site                         string
	byline                       string
	authors                      []string
	// age is the page's own relative age ("2 hours ago"), if it shows one.
	age    dumpAge
	hasAge bool
	// datelineMonth and datelineDay are a dateline's date without a year
	// ("LONDON, Aug 14 (Reuters)"); the year comes from Options.Reference.
	datelineMonth time.Month
	datelineDay   int
	bodySeen      bool // a paragraph was read: no dateline after it
}

// dumpReadArticle reads one article's lines: the page's own (findTitle
// set) or an embedded article's body (its title is already known).
func dumpReadArticle(lines []dumpLine, findTitle bool) (model.Article, dumpMetaFound) {
	texts := make([]string, len(lines))
	for i, l := range lines {
		texts[i] = l.text
	}
	var meta dumpMetaFound
	if len(texts) > 0 {
		if t, rest, ok := dumpDatePrefix(texts[0]); ok {
			meta.published, texts[0] = t, rest
		}
	}
	roles := dumpRepeats(texts)
	feats := make([]dumpFeatures, len(texts))
	for i, s := range texts {
		feats[i] = dumpLineFeatures(s)
		if roles[i] == dumpContent {
			roles[i] = dumpClassify(&texts[i], &feats[i], &meta)
		}
	}
	dumpMarkNameRole(texts, feats, roles, &meta)
	if findTitle {
		dumpMarkTitle(texts, feats, roles)
	}
	dumpMarkTail(feats, roles)
	dumpMarkPageTail(feats, roles)
	dumpMarkFragments(feats, roles)
	return dumpAssemble(texts, roles, meta), meta
}

// dumpRepeats marks lines that a later line repeats, in full or as an
// excerpt ("The president said…" before "The president said on Thursday
// that …"), so that a dump that opens with a teaser of the article (its
// headline and first lines, then the whole article) does not double its
// body. The last copy is kept: it stands where the full article puts it.
// Short lines that repeat and do not read as a headline are furniture
// ("Advertisement" between paragraphs) and are dropped everywhere.
func dumpRepeats(texts []string) []dumpRole {
	roles := make([]dumpRole, len(texts))
	count := make(map[string]int, len(texts))
	for _, s := range texts {
		count[s]++
	}
	byPrefix := make(map[string][]int)
	for i, s := range texts {
		if len(s) >= dumpExcerptMin {
			k := s[:dumpExcerptMin]
			byPrefix[k] = append(byPrefix[k], i)
		}
	}
	seen := make(map[string]bool, len(texts))
	for i := len(texts) - 1; i >= 0; i-- {
		s := texts[i]
		switch {
		case s == "" || seen[s]:
			roles[i] = dumpDropped
		case count[s] > 1 && len(strings.Fields(s)) <= 6 && !dumpIsTitleLike(dumpLineFeatures(s), s):
			roles[i] = dumpFurniture
		case dumpIsExcerpt(texts, byPrefix, i):
			roles[i] = dumpDropped
		}
		seen[s] = true
	}
	return roles
}

// dumpExcerptMin is the shortest line, in bytes, checked for being an
// excerpt of a later line; shorter prefixes match by chance.
const dumpExcerptMin = 24

func dumpIsExcerpt(texts []string, byPrefix map[string][]int, i int) bool {
	s := texts[i]
	if len(s) < dumpExcerptMin {
		return false
	}
	stem := strings.TrimRight(strings.TrimSuffix(strings.TrimSuffix(s, "…"), "..."), " ")
	if len(stem) < dumpExcerptMin {
		return false
	}
	for _, j := range byPrefix[s[:dumpExcerptMin]] {
		if j > i && len(texts[j]) > len(stem) && strings.HasPrefix(texts[j], stem) {
			return true
		}
	}
	return false
}

// dumpClassify gives a line its role and reads its metadata into meta. It
// may shorten *s (a wire dateline is cut off the paragraph it opens).
func dumpClassify(s *string, f *dumpFeatures, meta *dumpMetaFound) dumpRole {
	if age, ok := dumpParseAge(*s); ok {
		if !meta.hasAge {
			meta.age, meta.hasAge = age, true
		}
		return dumpFurniture
	}
	if f.timestamp {
		return dumpFurniture
	}
	if dumpMetaPieces(*s, meta) {
		return dumpMeta
	}
	if t, updated, ok := dumpDateLine(*s); ok {
		switch {
		case updated && meta.updated.IsZero():
			meta.updated = t
		case !updated && meta.published.IsZero():
			meta.published = t
		}
		return dumpMeta
	}
	if byline, authors, org, ok := dumpByline(*s); ok {
		if meta.byline == "" {
			meta.byline, meta.authors, meta.bylineOrg = byline, authors, org
		}
		return dumpMeta
	}
	if name, ok := dumpCredit(*s); ok {
		if meta.credit == "" {
			meta.credit = name
		}
		return dumpEndCredit
	}
	if dumpEditCreditRe.MatchString(dumpHead(*s, 40)) {
		return dumpEndCredit
	}
	if f.chars < 400 && dumpIsCaption(*s) {
		return dumpCaption
	}
	if dumpFurnitureScore(*f) >= 3 {
		if meta.site == "" {
			meta.site = dumpSiteName(*s)
		}
		return dumpFurniture
	}
	if agency, detail, n, ok := dumpDateline(*s); ok && !meta.bodySeen {
		meta.agency = agency
		if t, _, _, ok := dumpFindDate(detail); ok {
			meta.dateline = t
		} else if mo, d, ok := dumpMonthDay(detail); ok {
			meta.datelineMonth, meta.datelineDay = mo, d
		}
		*s = (*s)[n:]
		*f = dumpLineFeatures(*s)
	}
	meta.bodySeen = meta.bodySeen || dumpIsBodyLike(*f)
	return dumpContent
}

// dumpPieceSepRe separates the fields of a metadata line ("By Jane Doe |
// 14 August 2025 | 3 min read").
var dumpPieceSepRe = regexp.MustCompile(`\s+[|·•]\s+`)

// dumpMetaPieces reads a line of several metadata fields; it reports false,
// reading nothing, unless every field is a byline, a date, an age or a
// reading time.
func dumpMetaPieces(s string, meta *dumpMetaFound) bool {
	if len(s) > 200 || !strings.ContainsAny(s, "|·•") {
		return false
	}
	pieces := dumpPieceSepRe.Split(s, -1)
	if len(pieces) < 2 {
		return false
	}
	var m dumpMetaFound
	for _, p := range pieces {
		if t, updated, ok := dumpDateLine(p); ok {
			if updated {
				m.updated = t
			} else if m.published.IsZero() {
				m.published = t
			}
			continue
		}
		if age, ok := dumpParseAge(p); ok {
			m.age, m.hasAge = age, true
			continue
		}
		if byline, authors, org, ok := dumpByline(p); ok {
			m.byline, m.authors, m.bylineOrg = byline, authors, org
			continue
		}
		if dumpReadTimeRe.MatchString(p) {
			continue
		}
		return false
	}
	if meta.published.IsZero() {
		meta.published = m.published
	}
	if meta.updated.IsZero() {
		meta.updated = m.updated
	}
	if !meta.hasAge {
		meta.age, meta.hasAge = m.age, m.hasAge
	}
	if meta.byline == "" {
		meta.byline, meta.authors, meta.bylineOrg = m.byline, m.authors, m.bylineOrg
	}
	return true
}

// dumpReadTimeRe matches a reading-time label ("3 min read").
var dumpReadTimeRe = regexp.MustCompile(`(?i)^\d{1,3}\s*(min|mins|minutes?)\s+read$`)

// dumpFirstBody is the index of the first paragraph-like content line, or
// len(roles).
func dumpFirstBody(texts []string, feats []dumpFeatures, roles []dumpRole) int {
	for i := range roles {
		if roles[i] == dumpContent && dumpIsBodyLike(feats[i]) && !dumpIsTitleLike(feats[i], texts[i]) {
			return i
		}
	}
	return len(roles)
}

// dumpMarkTitle finds the headline among the title-like content lines
// before the first paragraph: the last of four words or more (a masthead
// or section label above it is shorter), else the last one, but never a
// short line with every word capitalised (a masthead). A first line
// that is a sentence (a lede) or a caption is not a title.
func dumpMarkTitle(texts []string, feats []dumpFeatures, roles []dumpRole) {
	first := dumpFirstBody(texts, feats, roles)
	best, long := -1, false
	for i := 0; i < len(roles) && i <= first; i++ {
		if roles[i] != dumpContent || !dumpIsTitleLike(feats[i], texts[i]) || dumpNextContent(roles, i) < 0 {
			continue
		}
		if feats[i].words < 4 && feats[i].capRatio == 1 {
			continue // "The Coastal Times": a masthead, not a headline
		}
		if feats[i].words >= 4 || !long {
			best, long = i, feats[i].words >= 4
		}
	}
	if best >= 0 {
		roles[best] = dumpTitle
	}
}

// dumpMarkNameRole reads a byline given as a name line over a role line
// ("Jane Doe" / "Political Editor") above the first paragraph.
func dumpMarkNameRole(texts []string, feats []dumpFeatures, roles []dumpRole, meta *dumpMetaFound) {
	first := dumpFirstBody(texts, feats, roles)
	for i := 0; i+1 < first; i++ {
		if roles[i] != dumpContent || roles[i+1] != dumpContent || feats[i].words < 2 ||
			!dumpNameLike(texts[i], 4) || feats[i+1].words > 5 || !dumpAnyWord(dumpWords(texts[i+1]), dumpRoleWords) {
			continue
		}
		roles[i], roles[i+1] = dumpMeta, dumpMeta
		if meta.byline == "" {
			meta.byline, meta.authors = texts[i], []string{texts[i]}
		}
		return
	}
}

func dumpNextContent(roles []dumpRole, i int) int {
	for j := i + 1; j < len(roles); j++ {
		if roles[j] == dumpContent {
			return j
		}
	}
	return -1
}

// dumpMarkTail drops what follows a closing credit, unless it is a full
// paragraph: after "- Agency" or "Editing by …" a page has its own notices
// ("Our Standards: …"), not more of the article. A credit counts as closing
// only after two paragraphs.
func dumpMarkTail(feats []dumpFeatures, roles []dumpRole) {
	body := 0
	for i, r := range roles {
		switch {
		case r == dumpContent && dumpIsBodyLike(feats[i]):
			body++
		case r == dumpEndCredit && body >= 2:
			for j := i + 1; j < len(roles); j++ {
				if roles[j] == dumpContent && (feats[j].chars < 80 || feats[j].words < 10) {
					roles[j] = dumpFurniture
				}
			}
			return
		}
	}
}

// dumpMarkPageTail drops what follows a page-section heading ("Related
// Articles", "Most Read", "More on this story") once the article is behind
// it: at least two paragraphs before, and less paragraph text after than
// before. Teasers under such a heading are whole sentences and would
// otherwise pass as paragraphs; a "Related" box in the middle of an
// article has more of the article after it and is left to the line rules.
func dumpMarkPageTail(feats []dumpFeatures, roles []dumpRole) {
	total := 0
	for i, r := range roles {
		if r == dumpContent && dumpIsBodyLike(feats[i]) {
			total += feats[i].chars
		}
	}
	before, paras := 0, 0
	for i, r := range roles {
		f := feats[i]
		if r == dumpContent && dumpIsBodyLike(f) {
			before += f.chars
			paras++
			continue
		}
		heading := r == dumpFurniture && f.words <= 5 && !f.terminal && (f.section && f.chrome == f.words || f.ctaOpener)
		if !heading || paras < 2 || total-before >= before {
			continue
		}
		for j := i + 1; j < len(roles); j++ {
			if roles[j] == dumpContent {
				roles[j] = dumpFurniture
			}
		}
		return
	}
}

// dumpMarkFragments drops content lines that are neither paragraphs nor
// headings of one: a short line without a closing full stop is kept only
// when a paragraph follows it ("High stakes" before its section), so labels
// and widget names left at the end of a page go.
//
// Above the first paragraph, where a page has its masthead, section labels
// and sharing buttons, such a line is dropped even when a paragraph follows.
func dumpMarkFragments(feats []dumpFeatures, roles []dumpRole) {
	first := len(roles)
	for i := range roles {
		if roles[i] == dumpContent && (dumpIsBodyLike(feats[i]) || feats[i].stop) {
			first = i
			break
		}
	}
	for i := len(roles) - 1; i >= 0; i-- {
		if roles[i] != dumpContent || dumpIsBodyLike(feats[i]) || feats[i].stop || feats[i].listItem && i > first {
			continue
		}
		next := dumpNextContent(roles, i)
		if i < first || next < 0 || !dumpIsBodyLike(feats[next]) && !feats[next].stop {
			roles[i] = dumpDropped
		}
	}
}

// dumpAssemble builds the article from the roles: paragraphs joined by a
// blank line, captions apart, metadata by precedence (a credit line over a
// wire dateline over a byline's organisation over the site's furniture).
func dumpAssemble(texts []string, roles []dumpRole, meta dumpMetaFound) model.Article {
	var a model.Article
	var paras []string
	for i, s := range texts {
		switch roles[i] {
		case dumpContent:
			paras = append(paras, s)
		case dumpTitle:
			a.Title = s
		case dumpCaption:
			a.Captions = append(a.Captions, s)
		}
	}
	a.Text = strings.Join(paras, "\n\n")
	a.Language = dumpLanguage(a.Text)
	a.Byline, a.Authors = meta.byline, meta.authors
	for _, o := range []string{meta.credit, meta.agency, meta.bylineOrg, meta.site} {
		if o != "" {
			a.Outlet = o
			break
		}
	}
	for _, t := range []model.Time{meta.published, meta.dateline, meta.updated} {
		if !t.IsZero() {
			a.Published = t
			break
		}
	}
	if a.Title != "" && utf8.RuneCountInString(a.Text) == 0 {
		a.Title = "" // a lone line is a fragment, not a headline over nothing
	}
	return a
}

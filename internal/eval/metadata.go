package eval

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"

	"github.com/storydesk/storydesk/internal/model"
)

// The metadata metric (the set's README) scores three fields per page:
//
//   - title: exact match and token F1 after normalisation (NFC, typographic
//     quotes made plain, whitespace collapsed, case kept);
//   - authors, over pages whose gold list is not null: per-page precision,
//     recall and F1 of the sets of normalised names, and exact-set share;
//   - published: exact instant to the second, same calendar day, coverage.

// titleQuotes maps typographic quotes to the plain ones the metric compares.
var titleQuotes = strings.NewReplacer(
	"“", `"`, "”", `"`, "„", `"`, "‟", `"`, "«", `"`, "»", `"`, "″", `"`,
	"‘", "'", "’", "'", "‚", "'", "‛", "'", "‹", "'", "›", "'", "′", "'",
)

// MetadataPage is one page of a metadata set with its gold fields.
type MetadataPage struct {
	ID   string
	URL  string
	HTML []byte
	// Title is the gold headline.
	Title string
	// Authors is the gold author list; nil when the page is not scored for
	// authors.
	Authors []string
	// Published is the gold time as written (ISO 8601).
	Published string
}

// MetadataPageScore is how one page scored, for reading failures.
type MetadataPageScore struct {
	ID string
	// Gold and predicted values as compared.
	GoldTitle, Title         string
	GoldAuthors, Authors     []string
	GoldPublished, Published string
	TitleExact               bool
	TitleF1                  float64
	// AuthorsScored is false when the gold has no author list.
	AuthorsScored    bool
	AuthorP, AuthorR float64
	AuthorF1         float64
	AuthorsExact     bool
	PublishedExact   bool
	PublishedSameDay bool
	PublishedCovered bool
	Err              error
}

// MetadataReport is the metadata metric over a set of pages.
type MetadataReport struct {
	// Pages is the number of pages scored; AuthorPages how many of them
	// have a gold author list; Errors how many extract calls failed.
	Pages, AuthorPages, Errors int
	TitleExact, TitleF1        float64
	// AuthorP is the mean precision over pages with a non-empty prediction;
	// AuthorR, AuthorF1 and AuthorExact are means over AuthorPages.
	AuthorP, AuthorR, AuthorF1, AuthorExact             float64
	PublishedExact, PublishedSameDay, PublishedCoverage float64
	// PagesPerSec counts only the time spent inside the extract calls.
	PagesPerSec float64
	// PerPage holds each page's score in set order.
	PerPage []MetadataPageScore
}

// LoadMetadata reads a metadata set: dir/pages.jsonl, one
// {"id","file","url","title","authors","published",...} object per line,
// and the gzip-compressed HTML each names relative to dir.
func LoadMetadata(dir string) ([]MetadataPage, error) {
	type record struct {
		ID, File, URL, Title, Published string
		Authors                         []string
	}
	var pages []MetadataPage
	err := readPageSet(dir, func(rec record) string { return rec.File }, func(rec record, page []byte) {
		pages = append(pages, MetadataPage{
			ID: rec.ID, URL: rec.URL, HTML: page,
			Title: rec.Title, Authors: rec.Authors, Published: rec.Published,
		})
	})
	if err != nil {
		return nil, fmt.Errorf("load metadata set: %w", err)
	}
	return pages, nil
}

// Metadata loads the set in dir and scores extract on it. Only the calls to
// extract are timed. An error from extract counts as an empty prediction
// (the article it returns beside the error is ignored); ctx cancels between
// pages.
func Metadata(ctx context.Context, dir string, extract func(page []byte, url string) (model.Article, error)) (MetadataReport, error) {
	pages, err := LoadMetadata(dir)
	if err != nil {
		return MetadataReport{}, err
	}
	return MetadataPages(ctx, pages, extract)
}

// MetadataPages scores extract on pages already loaded; see Metadata.
func MetadataPages(ctx context.Context, pages []MetadataPage, extract func(page []byte, url string) (model.Article, error)) (MetadataReport, error) {
	var rep MetadataReport
	var spent time.Duration
	var pPages int
	for _, p := range pages {
		if err := ctx.Err(); err != nil {
			return MetadataReport{}, fmt.Errorf("metadata eval at page %s: %w", p.ID, err)
		}
		start := time.Now()
		a, err := extract(p.HTML, p.URL)
		spent += time.Since(start)
		if err != nil {
			rep.Errors++
			a = model.Article{}
		}
		s := ScoreMetadata(p, a)
		s.Err = err
		rep.PerPage = append(rep.PerPage, s)
		rep.Pages++
		rep.TitleExact += b2f(s.TitleExact)
		rep.TitleF1 += s.TitleF1
		if s.AuthorsScored {
			rep.AuthorPages++
			rep.AuthorR += s.AuthorR
			rep.AuthorF1 += s.AuthorF1
			rep.AuthorExact += b2f(s.AuthorsExact)
			if len(s.Authors) > 0 {
				pPages++
				rep.AuthorP += s.AuthorP
			}
		}
		rep.PublishedExact += b2f(s.PublishedExact)
		rep.PublishedSameDay += b2f(s.PublishedSameDay)
		rep.PublishedCoverage += b2f(s.PublishedCovered)
	}
	if rep.Pages > 0 {
		n := float64(rep.Pages)
		rep.TitleExact /= n
		rep.TitleF1 /= n
		rep.PublishedExact /= n
		rep.PublishedSameDay /= n
		rep.PublishedCoverage /= n
	}
	if rep.AuthorPages > 0 {
		n := float64(rep.AuthorPages)
		rep.AuthorR /= n
		rep.AuthorF1 /= n
		rep.AuthorExact /= n
	}
	if pPages > 0 {
		rep.AuthorP /= float64(pPages)
	}
	if spent > 0 {
		rep.PagesPerSec = float64(rep.Pages) / spent.Seconds()
	}
	return rep, nil
}

// ScoreMetadata scores one prediction against one page's gold fields.
func ScoreMetadata(gold MetadataPage, pred model.Article) MetadataPageScore {
	s := MetadataPageScore{
		ID:        gold.ID,
		GoldTitle: gold.Title, Title: pred.Title,
		GoldAuthors: gold.Authors, Authors: pred.Authors,
		GoldPublished: gold.Published, Published: pred.Published.String(),
	}
	gt, pt := NormalizeTitle(gold.Title), NormalizeTitle(pred.Title)
	s.TitleExact = gt == pt
	s.TitleF1 = tokenF1(titleTokens(gt), titleTokens(pt))
	if gold.Authors != nil {
		s.AuthorsScored = true
		s.AuthorP, s.AuthorR, s.AuthorF1, s.AuthorsExact = AuthorScore(gold.Authors, pred.Authors)
	}
	s.PublishedExact, s.PublishedSameDay, s.PublishedCovered = PublishedScore(gold.Published, s.Published)
	return s
}

// NormalizeTitle applies the metric's title normalisation.
func NormalizeTitle(s string) string {
	s = titleQuotes.Replace(norm.NFC.String(s))
	return strings.Join(strings.Fields(s), " ")
}

// titleTokens returns the lower-cased \w+ runs of s: letters, numbers
// and '_' (combining marks end a token, as in Python's re).
func titleTokens(s string) []string {
	s = strings.ToLower(s)
	return strings.FieldsFunc(s, func(r rune) bool {
		return !(r == '_' || unicode.IsLetter(r) || unicode.IsNumber(r))
	})
}

// tokenF1 is the F1 of two token multisets; two empty ones score 1.
func tokenF1(gold, pred []string) float64 {
	if len(gold) == 0 && len(pred) == 0 {
		return 1
	}
	if len(gold) == 0 || len(pred) == 0 {
		return 0
	}
	count := make(map[string]int, len(gold))
	for _, t := range gold {
		count[t]++
	}
	common := 0
	for _, t := range pred {
		if count[t] > 0 {
			count[t]--
			common++
		}
	}
	if common == 0 {
		return 0
	}
	p := float64(common) / float64(len(pred))
	r := float64(common) / float64(len(gold))
	return 2 * p * r / (p + r)
}

// NormalizeName applies the metric's author-name normalisation: NFC, case
// folding, whitespace collapsed.
func NormalizeName(s string) string {
	s = cases.Fold().String(norm.NFC.String(s))
	return strings.Join(strings.Fields(s), " ")
}

// AuthorScore compares two author lists as sets of normalised names. F1 is
// 0 when the prediction is empty; an empty gold matched by an empty
// prediction is exact with recall 1.
func AuthorScore(gold, pred []string) (p, r, f1 float64, exact bool) {
	gs, ps := nameSet(gold), nameSet(pred)
	common := 0
	for n := range ps {
		if gs[n] {
			common++
		}
	}
	exact = len(gs) == len(ps) && common == len(gs)
	if len(ps) > 0 {
		p = float64(common) / float64(len(ps))
	}
	if len(gs) > 0 {
		r = float64(common) / float64(len(gs))
	} else if len(ps) == 0 {
		r = 1
	}
	if len(ps) > 0 && p+r > 0 {
		f1 = 2 * p * r / (p + r)
	}
	return p, r, f1, exact
}

func nameSet(names []string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		if n = NormalizeName(n); n != "" {
			m[n] = true
		}
	}
	return m
}

// isoTime is an ISO 8601 date with optional time of day and UTC offset:
// YYYY-MM-DD[(T| )HH:MM[:SS[.f+]][Z|±HH[:]MM]].
var isoTime = regexp.MustCompile(`^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$`)

// isoStamp is a parsed ISO 8601 value: the written local date and time, and
// whether it carries a time of day and an offset.
type isoStamp struct {
	local     time.Time // written fields, in UTC as a container
	offset    int       // seconds east of UTC, when hasOffset
	hasTime   bool
	hasOffset bool
}

func parseISO(s string) (isoStamp, bool) {
	m := isoTime.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return isoStamp{}, false
	}
	var st isoStamp
	num := func(x string) int {
		n := 0
		for _, c := range x {
			n = n*10 + int(c-'0')
		}
		return n
	}
	y, mo, d := num(m[1]), num(m[2]), num(m[3])
	h, mi, sec := num(m[4]), num(m[5]), num(m[6])
	if mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 60 {
		return isoStamp{}, false
	}
	st.local = time.Date(y, time.Month(mo), d, h, mi, sec, 0, time.UTC)
	if st.local.Day() != d {
		return isoStamp{}, false
	}
	st.hasTime = m[4] != ""
	if z := m[7]; z != "" {
		st.hasOffset = true
		if z != "Z" {
			z = strings.ReplaceAll(z, ":", "")
			off := num(z[1:3])*3600 + num(z[3:5])*60
			if z[0] == '-' {
				off = -off
			}
			st.offset = off
		}
	}
	return st, true
}

// instant is the UTC moment of a stamp with an offset.
func (st isoStamp) instant() time.Time {
	return st.local.Add(-time.Duration(st.offset) * time.Second)
}

// PublishedScore applies the metric's published-time rules to a gold and a
// predicted ISO 8601 string.
func PublishedScore(gold, pred string) (exact, sameDay, covered bool) {
	p, ok := parseISO(pred)
	if !ok {
		return false, false, false
	}
	covered = true
	g, ok := parseISO(gold)
	if !ok {
		return false, false, covered
	}
	if p.hasTime {
		if p.hasOffset && g.hasOffset {
			exact = p.instant().Equal(g.instant())
		} else {
			exact = p.local.Equal(g.local)
		}
	}
	day := p.local
	if p.hasOffset && g.hasOffset {
		day = p.instant().Add(time.Duration(g.offset) * time.Second)
	}
	sameDay = day.Format(time.DateOnly) == g.local.Format(time.DateOnly)
	return exact, sameDay, covered
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

package eval

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode"
)

// ExtractionReport scores main-text extraction over a set of pages with the
// article-extraction-benchmark metric (see ExtractionScore).
type ExtractionReport struct {
	// Pages is the number of pages scored; Empty how many of them gave an
	// empty prediction (those do not count in P).
	Pages, Empty int
	// P is mean shingle precision over pages with a non-empty prediction,
	// R mean shingle recall over all pages, F1 their harmonic mean.
	P, R, F1 float64
	// Accuracy is the share of pages whose token sequence equals the gold.
	Accuracy float64
	// PagesPerSec counts only the time spent inside the extract calls.
	PagesPerSec float64
}

// ExtractionPage is one page of an extraction set: its HTML and gold body.
type ExtractionPage struct {
	ID   string
	URL  string
	HTML []byte
	Gold string
}

// PageScore is the score of one page.
type PageScore struct {
	// TP, FP and FN are shingle counts divided by TP+FP+FN.
	TP, FP, FN float64
	// Precision and Recall follow the metric's per-page rules.
	Precision, Recall float64
	// Empty is true when the prediction holds no token.
	Empty bool
	// Exact is true when the token sequences are equal.
	Exact bool
}

// LoadExtraction reads an extraction set: dir/pages.jsonl, one
// {"id","file","url","body"} object per line, and the gzip-compressed HTML
// each names relative to dir.
func LoadExtraction(dir string) ([]ExtractionPage, error) {
	var pages []ExtractionPage
	err := readPageSet(dir, func(rec struct{ ID, File, URL, Body string }) string { return rec.File },
		func(rec struct{ ID, File, URL, Body string }, page []byte) {
			pages = append(pages, ExtractionPage{ID: rec.ID, URL: rec.URL, HTML: page, Gold: rec.Body})
		})
	if err != nil {
		return nil, fmt.Errorf("load extraction set: %w", err)
	}
	return pages, nil
}

// readPageSet reads dir/pages.jsonl, decoding each line into a T, and calls
// each with the record and the HTML of the page file it names (relative to
// dir, gunzipped when it ends in .gz).
func readPageSet[T any](dir string, file func(T) string, each func(T, []byte)) error {
	name := filepath.Join(dir, "pages.jsonl")
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 64<<20)
	line := 0
	for sc.Scan() {
		line++
		if len(bytes.TrimSpace(sc.Bytes())) == 0 {
			continue
		}
		var rec T
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			return fmt.Errorf("%s:%d: %w", name, line, err)
		}
		page, err := readPageHTML(filepath.Join(dir, filepath.FromSlash(file(rec))))
		if err != nil {
			return fmt.Errorf("%s:%d: %w", name, line, err)
		}
		each(rec, page)
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read %s: %w", name, err)
	}
	return nil
}

// readPageHTML reads a page, gunzipping it when its name ends in .gz.
func readPageHTML(name string) ([]byte, error) {
	raw, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	if !strings.HasSuffix(name, ".gz") {
		return raw, nil
	}
	zr, err := gzip.NewReader(bytes.NewReader(raw))
	if err != nil {
		return nil, fmt.Errorf("gunzip %s: %w", name, err)
	}
	defer zr.Close()
	out, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("gunzip %s: %w", name, err)
	}
	return out, nil
}

// Extraction loads the set in dir and scores extract on it. Only the calls
// to extract are timed. An error from extract counts as an empty prediction;
// ctx cancels between pages.
func Extraction(ctx context.Context, dir string, extract func(page []byte, url string) (string, error)) (ExtractionReport, error) {
	pages, err := LoadExtraction(dir)
	if err != nil {
		return ExtractionReport{}, err
	}
	return ExtractionPages(ctx, pages, extract)
}

// ExtractionPages scores extract on pages already loaded; see Extraction.
func ExtractionPages(ctx context.Context, pages []ExtractionPage, extract func(page []byte, url string) (string, error)) (ExtractionReport, error) {
	preds := make([]string, len(pages))
	var spent time.Duration
	for i, p := range pages {
		if err := ctx.Err(); err != nil {
			return ExtractionReport{}, fmt.Errorf("extraction eval at page %s: %w", p.ID, err)
		}
		start := time.Now()
		text, err := extract(p.HTML, p.URL)
		spent += time.Since(start)
		if err == nil {
			preds[i] = text
		}
	}
	golds := make([]string, len(pages))
	for i, p := range pages {
		golds[i] = p.Gold
	}
	rep := ScoreExtraction(golds, preds)
	if spent > 0 {
		rep.PagesPerSec = float64(len(pages)) / spent.Seconds()
	}
	return rep, nil
}

// ScoreExtraction averages ExtractionScore over pages: golds[i] against
// preds[i]. PagesPerSec is left zero.
func ScoreExtraction(golds, preds []string) ExtractionReport {
	var rep ExtractionReport
	var sumP, sumR float64
	var nonEmpty, exact int
	for i := range golds {
		pred := ""
		if i < len(preds) {
			pred = preds[i]
		}
		s := ExtractionScore(golds[i], pred)
		rep.Pages++
		if s.Empty {
			rep.Empty++
		} else {
			nonEmpty++
			sumP += s.Precision
		}
		sumR += s.Recall
		if s.Exact {
			exact++
		}
	}
	if nonEmpty > 0 {
		rep.P = sumP / float64(nonEmpty)
	}
	if rep.Pages > 0 {
		rep.R = sumR / float64(rep.Pages)
		rep.Accuracy = float64(exact) / float64(rep.Pages)
	}
	if rep.P+rep.R > 0 {
		rep.F1 = 2 * rep.P * rep.R / (rep.P + rep.R)
	}
	return rep
}

// ExtractionScore scores one prediction against its gold text:
// soft hyphens removed, Unicode \w+ tokens, multisets of 4-token shingles
// (a text of 1–3 tokens is one shingle), counts normalised per page.
func ExtractionScore(gold, pred string) PageScore {
	gt := wordTokens(gold)
	pt := wordTokens(pred)
	gs := shingles(gt)
	ps := shingles(pt)
	var tp, fp, fn int
	for k, pc := range ps {
		gc := gs[k]
		tp += min(gc, pc)
		if pc > gc {
			fp += pc - gc
		}
	}
	for k, gc := range gs {
		if pc := ps[k]; gc > pc {
			fn += gc - pc
		}
	}
	s := PageScore{Empty: tp+fp == 0, Exact: equalTokens(gt, pt)}
	if total := float64(tp + fp + fn); total > 0 {
		s.TP, s.FP, s.FN = float64(tp)/total, float64(fp)/total, float64(fn)/total
	}
	if fp == 0 && fn == 0 {
		s.Precision, s.Recall = 1, 1
		return s
	}
	if tp+fp > 0 {
		s.Precision = s.TP / (s.TP + s.FP)
	}
	if tp+fn > 0 {
		s.Recall = s.TP / (s.TP + s.FN)
	}
	return s
}

// wordTokens splits s into maximal runs of letters, numbers and '_' after
// dropping soft hyphens (U+00AD), which would otherwise split words.
func wordTokens(s string) []string {
	s = strings.ReplaceAll(s, "\u00ad", "")
	var toks []string
	start := -1
	for i, r := range s {
		word := r == '_' || unicode.IsLetter(r) || unicode.IsNumber(r)
		switch {
		case word && start < 0:
			start = i
		case !word && start >= 0:
			toks = append(toks, s[start:i])
			start = -1
		}
	}
	if start >= 0 {
		toks = append(toks, s[start:])
	}
	return toks
}

// shingles counts the 4-token windows of toks; 1–3 tokens make one shingle.
func shingles(toks []string) map[string]int {
	m := make(map[string]int)
	if len(toks) == 0 {
		return m
	}
	if len(toks) < 4 {
		m[strings.Join(toks, "\x00")]++
		return m
	}
	for i := 0; i+4 <= len(toks); i++ {
		m[strings.Join(toks[i:i+4], "\x00")]++
	}
	return m
}

func equalTokens(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

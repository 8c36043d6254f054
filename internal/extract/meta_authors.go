package extract

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A byline names one or more authors among words that are not names:
//
//	"By Anna Fink, Jan Marchart and Birgit Baumann"   → three names
//	"Von Felix Schröder | 16.05.2024, 11:26 Uhr"      → one name
//	"John Smith, Senior Correspondent"                → one name
//	"Par Anne Dupont et AFP"                          → "Anne Dupont", "AFP"
//
// splitAuthors drops the lead-in word ("By", "Von", "Par"...), cuts at
// separators and dates, splits at commas and the languages' "and", and
// drops parts made only of role words, e-mail addresses or numbers. A part
// that is itself a credit ("dpa", "Associated Press", "MND Staff") stays.

// bylineLead matches the words that introduce a byline.
var bylineLead = regexp.MustCompile(`(?i)^(?-i:\p{Ll}\S*\s+){0,2}?(?:(?:written|reported|reporting|text|texto|story|words|photos?|ein (?:kommentar|gastbeitrag|interview|bericht|essay)|eine (?:kolumne|analyse|reportage)|verfasst)\s+)?(?:by|von|vom|par|por|door|av|af|od|di|от|автор|autor(?:in|en)?|author(?:s)?|auteur|text|texto|redaktion)\b\s*[:\-–]?\s*`)

// bylineCut ends the names part of a byline: a separator followed by
// anything, or words that start a date line.
var bylineCut = regexp.MustCompile(`(?i)\s*(?:[|•·]|\s[–—-]\s|\b(?:published|updated|posted|veröffentlicht|aktualisiert|stand|publié|mis à jour|publicado|actualizado|pubblicato|aggiornato|opdateret|uppdaterad|publisert|oppdatert)\b|\b(?:images?|photos?|fotos?|bild|bilder|pictures?)\s*:|\d).*$`)

// parenthetical matches a bracketed aside: initials, a desk, a photo credit.
var parenthetical = regexp.MustCompile(`\s*[(\[][^)\]]*[)\]]?`)

// authorSplit separates names: commas, semicolons, slashes, ampersands and
// the word for "and" in the languages we read.
var authorSplit = regexp.MustCompile(`(?i)\s*(?:[,;/&+]|\n|\s(?:and|und|et|y|e|og|och|i|a|ve|en|oraz|и|та|és|ja|und)\s)\s*`)

// roleWords are words of job titles and desk names. A part made only of
// them (and of small words) is a role, not a credit.
var roleWords = map[string]bool{
	"staff": false, "senior": true, "chief": true, "deputy": true, "writer": true, "reporter": true,
	"correspondent": true, "editor": true, "editors": true, "contributor": true, "contributing": true,
	"columnist": true, "political": true, "business": true, "sports": true, "sport": true,
	"news": false, "international": true, "foreign": true, "science": true, "health": true,
	"redakteur": true, "redakteurin": true, "korrespondent": true, "korrespondentin": true,
	"autor": true, "autorin": true, "journalist": true, "journalistin": true, "reporterin": true,
	"fotos": true, "foto": true, "photo": true, "photos": true, "video": true, "grafik": true,
	"journaliste": true, "rédacteur": true, "envoyé": true, "spécial": true, "periodista": true,
	"redactor": true, "redactora": true, "giornalista": true, "reportér": true, "redaktør": true,
	"journalisten": true, "reportrar": true, "the": true, "of": true, "for": true, "at": true,
	"in": true, "und": true, "der": true, "die": true, "das": true, "de": true, "du": true,
	"updated": true, "published": true, "min": true, "read": true, "lesezeit": true,
	"minuten": true, "minutes": true, "share": true, "follow": true, "teilen": true, "mehr": true,
	"more": true, "about": true, "über": true, "email": true, "e-mail": true, "twitter": true,
	"opinion": true, "analysis": true, "meinung": true, "kommentar": true, "am": true, "on": true,
	"profile": true, "profil": true, "view": true, "all": true, "posts": true, "articles": true,
	"artikel": true, "stories": true, "von": true, "by": true, "기자": true, "記者": true,
	"특파원": true, "特派員": true, "watch": true, "live": true, "comments": true,
	"subscribe": true, "newsletter": true, "us": true, "me": true, "podcast": true,
}

// splitAuthors returns the names in a byline or author field.
func splitAuthors(s string) []string {
	s = cleanSpace(s)
	if s == "" {
		return nil
	}
	s = parenthetical.ReplaceAllString(s, "")
	s = stripLabelLead(s)
	s = bylineLead.ReplaceAllString(s, "")
	if loc := bylineCut.FindStringIndex(s); loc != nil && loc[0] > 0 {
		s = s[:loc[0]]
	} else if loc != nil && loc[0] == 0 {
		return nil
	}
	var out []string
	for _, part := range authorSplit.Split(s, -1) {
		part = bylineLead.ReplaceAllString(strings.TrimSpace(part), "")
		part = strings.Trim(part, " .:-–—()[]\"'“”„")
		part = dropTrailingRole(part)
		if _, month := monthNames[strings.ToLower(strings.TrimSuffix(part, "."))]; month || !plausibleName(part) {
			continue
		}
		out = append(out, part)
	}
	return out
}

// leadWords introduce a byline; a label may stand before them
// ("News By Lance Ulanoff") and they may be glued to the name
// ("bySauli Giliard").
var leadWords = map[string]bool{"by": true, "von": true, "par": true, "por": true, "door": true, "av": true, "af": true, "od": true}

// stripLabelLead drops up to two label words and a lead word before a
// capitalised name, and splits a lead word glued to one.
func stripLabelLead(s string) string {
	words := strings.Fields(s)
	for i := 0; i < len(words) && i <= 2; i++ {
		w := words[i]
		if leadWords[strings.ToLower(w)] && i+1 < len(words) && startsUpper(words[i+1]) {
			return strings.Join(words[i+1:], " ")
		}
		for lead := range leadWords {
			if len(w) > len(lead)+1 && strings.HasPrefix(w, lead) && startsUpper(w[len(lead):]) {
				return strings.Join(append([]string{w[len(lead):]}, words[i+1:]...), " ")
			}
		}
	}
	return s
}

func startsUpper(s string) bool {
	for _, r := range s {
		return unicode.IsUpper(r)
	}
	return false
}

// dropTrailingRole removes a role word written after a name
// ("신현주 기자", "Jane Doe Reporter").
func dropTrailingRole(part string) string {
	words := strings.Fields(part)
	if len(words) > 1 && roleWords[strings.ToLower(words[len(words)-1])] {
		return strings.Join(words[:len(words)-1], " ")
	}
	return part
}

// plausibleName reports whether part can be a person's or a credit's name.
func plausibleName(part string) bool {
	n := utf8.RuneCountInString(part)
	if n < 2 || n > 60 || strings.Contains(part, "@") || strings.Contains(part, "://") {
		return false
	}
	words := strings.Fields(part)
	if len(words) > 5 {
		return false
	}
	letters, digits := 0, 0
	for _, r := range part {
		switch {
		case unicode.IsLetter(r):
			letters++
		case unicode.IsDigit(r):
			digits++
		}
	}
	if letters < 2 || digits > 0 {
		return false
	}
	roles := 0
	for _, w := range words {
		if roleWords[strings.ToLower(strings.Trim(w, ".,:"))] {
			roles++
		}
	}
	return roles < len(words)
}

// dedupeNames keeps the first of names equal up to case and spacing.
func dedupeNames(names []string) []string {
	seen := make(map[string]bool, len(names))
	var out []string
	for _, n := range names {
		k := strings.ToLower(cleanSpace(n))
		if k == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, cleanSpace(n))
	}
	return out
}

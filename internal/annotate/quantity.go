package annotate

import (
	"github.com/storydesk/storydesk/internal/model"
)

// QuantityOptions tunes FindQuantities and the Quantities annotator.
type QuantityOptions struct {
	// AllOrdinals marks every ordinal ("the first meeting", "Second, ...").
	// false marks only ordinals of periods ("its fourth year") and written
	// with digits ("the 4th"), as the gold does: word ordinals are mostly
	// discourse order, not quantities. Cost: none.
	AllOrdinals bool
	// BareNumbers marks numbers with no unit and no counted noun ("rate it
	// a 10"). false leaves them out. Cost: none.
	BareNumbers bool
}

// DefaultQuantityOptions returns the options the CLI uses.
func DefaultQuantityOptions() QuantityOptions { return QuantityOptions{} }

// Quantities is the annotator for numbers with units; it fills
// Doc.Quantities.
type Quantities struct {
	Options QuantityOptions
}

// Annotate finds the quantities of d.Text.
func (q Quantities) Annotate(d *Doc) {
	for _, h := range findQuantities(d.scanned(), q.Options) {
		d.Quantities = append(d.Quantities, h.quantity(d.Span(h.start, h.end), d.Text))
	}
}

// FindQuantities returns the quantities in text with spans in runes:
// "25% chance" → {Value: 25, Unit: "percent", Of: "chance"}; "84
// prisoners" → {Value: 84, Of: "prisoners"}; "up to 10 kilometres" →
// {Value: 10, Unit: "km", Precision: "upper bound"}; "dozens of drones" →
// {Value: nil, Of: "drones", Precision: "vague"}; "$1.5 billion" →
// {Value: 1.5e9, Unit: "USD"}; "its fourth year" → {Value: 4, Unit:
// "ordinal", Of: "year"}.
//
// Numbers that belong to dates, clock times, years, addresses and names
// ("10 Downing Street", "Article 5", "F-16", "G7") are not quantities.
func FindQuantities(text string, opts QuantityOptions) []model.Quantity {
	hits := findQuantities(txScanText(text), opts)
	pos := make([]int, 0, 2*len(hits))
	for _, h := range hits {
		pos = append(pos, h.start, h.end)
	}
	txRunes(text, pos)
	out := make([]model.Quantity, len(hits))
	for k, h := range hits {
		out[k] = h.quantity(model.Span{Start: pos[2*k], End: pos[2*k+1]}, text)
	}
	return out
}

// qtyHit is one quantity in byte offsets.
type qtyHit struct {
	start, end int
	value      float64
	vague      bool
	unit, of   string
	precision  string
	first      int // token index where it starts
}

func (h qtyHit) quantity(span model.Span, text string) model.Quantity {
	q := model.Quantity{Span: span, Text: text[h.start:h.end], Unit: h.unit, Of: h.of, Precision: h.precision}
	if !h.vague {
		v := h.value
		q.Value = &v
	}
	return q
}

// Units after a number, by canonical name.
var qtyUnits = map[string]string{
	"km": "km", "kilometre": "km", "kilometres": "km", "kilometer": "km", "kilometers": "km",
	"mile": "mile", "miles": "mile", "mi": "mile",
	"metre": "m", "metres": "m", "meter": "m", "meters": "m",
	"cm": "cm", "mm": "mm", "ft": "ft", "foot": "ft", "feet": "ft",
	"kg": "kg", "kilogram": "kg", "kilograms": "kg", "kilo": "kg", "kilos": "kg",
	"tonne": "tonne", "tonnes": "tonne", "ton": "tonne", "tons": "tonne",
	"pound": "", "litre": "litre", "litres": "litre", "liter": "litre", "liters": "litre",
	"barrel": "barrel", "barrels": "barrel", "acre": "acre", "acres": "acre",
	"hectare": "hectare", "hectares": "hectare", "degree": "degree", "degrees": "degree",
	"percent": "percent", "pc": "percent", "percentage": "percent",
	"second": "second", "seconds": "second", "minute": "minute", "minutes": "minute",
	"hour": "hour", "hours": "hour", "day": "day", "days": "day",
	"week": "week", "weeks": "week", "fortnight": "fortnight", "month": "month",
	"months": "month", "year": "year", "years": "year", "decade": "decade",
	"decades": "decade", "century": "century", "centuries": "century",
}

// Currencies before or after a number.
var qtyCurrencySymbols = map[string]string{
	"$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "₽": "RUB", "₴": "UAH",
	"usd": "USD", "us$": "USD", "eur": "EUR", "gbp": "GBP", "rub": "RUB",
}

var qtyCurrencyWords = map[string]string{
	"dollar": "USD", "dollars": "USD", "pound": "GBP", "pounds": "GBP",
	"euro": "EUR", "euros": "EUR", "rouble": "RUB", "roubles": "RUB",
	"ruble": "RUB", "rubles": "RUB", "hryvnia": "UAH", "yen": "JPY",
}

// Vague amounts: "dozens of drones", "hundreds of people".
var qtyVague = map[string]bool{
	"dozens": true, "hundreds": true, "thousands": true, "millions": true,
	"billions": true, "scores": true, "tens": true,
}

// Bounds before a number and the precision they give.
var qtyBounds = map[string]struct{ precision, need string }{
	"up": {"upper bound", "to"}, "under": {"upper bound", ""}, "less": {"upper bound", "than"},
	"fewer": {"upper bound", "than"}, "within": {"upper bound", ""}, "below": {"upper bound", ""},
	"over": {"lower bound", ""}, "more": {"lower bound", "than"}, "at": {"lower bound", "least"},
	"above": {"lower bound", ""}, "nearly": {"approximate", ""}, "almost": {"approximate", ""},
	"around": {"approximate", ""}, "about": {"approximate", ""}, "some": {"approximate", ""},
	"roughly": {"approximate", ""}, "approximately": {"approximate", ""},
	"estimated": {"approximate", ""}, "an": {"approximate", "estimated"},
}

// Words that end the noun phrase after a number.
var qtyStops = map[string]bool{
	"of": true, "in": true, "on": true, "at": true, "to": true, "from": true,
	"for": true, "with": true, "by": true, "as": true, "than": true, "into": true,
	"over": true, "under": true, "after": true, "before": true, "that": true,
	"which": true, "who": true, "whom": true, "whose": true, "and": true,
	"or": true, "but": true, "the": true, "a": true, "an": true, "this": true,
	"these": true, "those": true, "their": true, "his": true, "her": true,
	"its": true, "our": true, "we": true, "they": true, "he": true, "she": true,
	"it": true, "i": true, "you": true, "is": true, "are": true, "was": true,
	"were": true, "be": true, "been": true, "has": true, "have": true,
	"had": true, "will": true, "would": true, "could": true, "should": true,
	"may": true, "might": true, "must": true, "can": true, "said": true,
	"says": true, "more": true, "each": true, "per": true, "earlier": true,
	"later": true, "ago": true, "when": true, "where": true, "while": true,
	"since": true, "across": true, "including": true, "between": true,
	"among": true, "against": true, "during": true, "out": true, "up": true,
	"without": true, "within": true, "through": true, "via": true, "about": true,
	"around": true, "like": true, "near": true, "any": true, "no": true,
	"every": true, "if": true, "so": true, "then": true, "there": true,
	"last": true, "next": true, "today": true, "yesterday": true, "tomorrow": true,
	"tonight": true, "above": true, "below": true, "higher": true, "lower": true,
	"down": true, "late": true, "early": true,
}

// Words before a number that make it part of a name: "Article 5".
var qtyNamePrefixes = map[string]bool{"no": true, "number": true, "#": true}

// Nouns that an ordinal counts as a quantity by default: "its fourth year".
var qtyOrdinalPeriods = map[string]bool{
	"year": true, "month": true, "week": true, "day": true, "decade": true,
	"century": true, "hour": true, "term": true, "round": true, "anniversary": true,
}

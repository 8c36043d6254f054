package annotate

import (
	"strconv"
	"strings"
)

// Spelled-out numbers, shared by the time and quantity annotators.
var numberWordValues = map[string]float64{
	"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
	"six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
	"twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
	"sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
	"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
	"seventy": 70, "eighty": 80, "ninety": 90,
}

// Multipliers that follow a number: "3 million", "two hundred", "£20m".
var numberScales = map[string]float64{
	"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9,
	"trillion": 1e12, "m": 1e6, "mn": 1e6, "bn": 1e9, "k": 1e3, "tn": 1e12,
}

var ordinalValues = map[string]float64{
	"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5,
	"sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
	"eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
	"fifteenth": 15, "twentieth": 20, "thirtieth": 30, "fiftieth": 50,
	"hundredth": 100,
}

var vulgarFractions = map[string]float64{
	"¼": 0.25, "½": 0.5, "¾": 0.75, "⅓": 1.0 / 3, "⅔": 2.0 / 3, "⅕": 0.2,
	"⅛": 0.125,
}

// numDigits parses a digit token: "1,500" → 1500, "8.5" → 8.5, "1/2" → 0.5,
// "½" → 0.5. Clock-like tokens ("11:30") are not numbers.
func numDigits(s string) (float64, bool) {
	if v, ok := vulgarFractions[s]; ok {
		return v, true
	}
	if strings.IndexByte(s, ':') >= 0 {
		return 0, false
	}
	if i := strings.IndexByte(s, '/'); i > 0 {
		a, err1 := strconv.ParseFloat(s[:i], 64)
		b, err2 := strconv.ParseFloat(s[i+1:], 64)
		// Only small fractions: "9/11" and "8/14" are names and dates.
		if err1 != nil || err2 != nil || b < 2 || b > 10 || a >= b || strings.IndexByte(s[i+1:], '/') >= 0 {
			return 0, false
		}
		return a / b, true
	}
	if strings.IndexByte(s, ',') >= 0 {
		s = strings.ReplaceAll(s, ",", "")
	}
	v, err := strconv.ParseFloat(s, 64)
	return v, err == nil
}

// numParse reads a number starting at toks[i]: digits with an optional
// fraction ("3 1/2", "3½"), spelled words ("twenty-five", "two hundred",
// "a dozen"), each with an optional scale ("1.5 billion", "20m").
// It returns the value and the index after the number.
func numParse(toks []txTok, i int) (float64, int, bool) {
	if i >= len(toks) {
		return 0, i, false
	}
	t := toks[i]
	var v float64
	j := i + 1
	switch t.kind {
	case txNum:
		x, ok := numDigits(t.text)
		if !ok {
			return 0, i, false
		}
		v = x
		// "3 1/2", "3½"
		if j < len(toks) && toks[j].kind == txNum && (strings.IndexByte(toks[j].text, '/') > 0 || vulgarFractions[toks[j].text] > 0) && x == float64(int64(x)) {
			if f, ok := numDigits(toks[j].text); ok && f < 1 {
				v += f
				j++
			}
		}
	case txWord:
		x, ok := numberWordValues[t.low]
		switch {
		case ok:
			v = x
			// "twenty-five"
			if x >= 20 && x < 100 && j+1 < len(toks) && toks[j].text == "-" && !toks[j].gap && !toks[j+1].gap {
				if y, ok := numberWordValues[toks[j+1].low]; ok && y < 10 && y > 0 {
					v += y
					j += 2
				}
			}
		case t.low == "dozen":
			v = 12
		case t.low == "half":
			v = 0.5
		default:
			return 0, i, false
		}
	default:
		return 0, i, false
	}
	// Scales: "3 million", "two hundred thousand", "a dozen".
	for j < len(toks) && toks[j].kind == txWord {
		s, ok := numberScales[toks[j].low]
		if !ok {
			if toks[j].low == "dozen" {
				v *= 12
				j++
				continue
			}
			break
		}
		// Bare letters ("m", "bn", "k") only straight after digits: "£20m".
		if len(toks[j].low) <= 2 && (toks[j].gap || t.kind != txNum) {
			break
		}
		v *= s
		j++
	}
	return v, j, true
}

// numOrdinal parses "first", "fourth", "4th", "21st" at toks[i].
func numOrdinal(toks []txTok, i int) (float64, bool) {
	t := toks[i]
	if t.kind == txWord {
		v, ok := ordinalValues[t.low]
		return v, ok
	}
	if t.kind == txNum && i+1 < len(toks) && !toks[i+1].gap && toks[i+1].kind == txWord {
		switch toks[i+1].low {
		case "st", "nd", "rd", "th":
			v, ok := numDigits(t.text)
			return v, ok && v == float64(int64(v))
		}
	}
	return 0, false
}

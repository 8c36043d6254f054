package annotate

import (
	"fmt"
	"strings"
	"testing"
)

// Cases written from wire copy (not the seeds).
func TestFindQuantities(t *testing.T) {
	cases := []struct {
		name string
		in   string
		want []string // "text|value|unit|of|precision"
	}{
		{"percent", "Turnout was 88 percent, officials said.", []string{"88 percent|88|percent||"}},
		{"per cent", "Support rose to 65 per cent among voters.", []string{"65 per cent|65|percent||"}},
		{"percent sign", "There is a 40% chance of rain.", []string{"40%|40|percent|chance|"}},
		{"dollars", "The fund is worth $1.5 billion.", []string{"$1.5 billion|1.5e+09|USD||"}},
		{"pounds suffix", "The club paid £20m for the striker.", []string{"£20m|2e+07|GBP||"}},
		{"euros", "The EU pledged €3bn in aid.", []string{"€3bn|3e+09|EUR||"}},
		{"currency code", "a loan of USD 5 million", []string{"USD 5 million|5e+06|USD||"}},
		{"km glued", "Troops advanced 10km overnight.", []string{"10km|10|km||"}},
		{"approx miles", "The convoy travelled about 5 miles.", []string{"about 5 miles|5|mile||approximate"}},
		{"vague dozens", "Police arrested dozens of protesters on Sunday.", []string{"dozens of protesters|nil||protesters|vague"}},
		{"vague hundreds", "Hundreds of people gathered.", []string{"Hundreds of people|nil||people|vague"}},
		{"lower bound", "At least 12 people were killed.", []string{"At least 12 people|12||people|lower bound"}},
		{"upper bound", "Up to 300 troops may deploy.", []string{"Up to 300 troops|300||troops|upper bound"}},
		{"spelled compound", "Seventy-five delegates voted in favour.", []string{"Seventy-five delegates|75||delegates|"}},
		{"adjectives skipped", "Rebels seized three small border towns.", []string{"three small border towns|3||towns|"}},
		{"thousands", "The plant employs 1,200 workers.", []string{"1,200 workers|1200||workers|"}},
		{"digit ordinal", "The 4th round of talks ended.", []string{"4th round|4|ordinal|round|ordinal"}},
		{"period ordinal", "The war, now in its third year, goes on.", []string{"third year|3|ordinal|year|ordinal"}},
		{"age", "John Smith, 45, was arrested.", []string{"45|45|year|age|"}},
		{"age after role", "The chairman, 62, will retire.", []string{"62|62|year|age|"}},
		{"not a fraction", "The 9/11 attacks changed everything.", nil},
		{"sentence-initial capital", "Only 5 people came.", []string{"5 people|5||people|"}},
		{"singular head", "Only one state proposing a deal.", []string{"one state|1||state|"}},
		{"n-way", "It is a three-way race.", []string{"three-way race|3||parties|"}},
		{"duration", "The siege lasted 36 hours.", []string{"36 hours|36|hour||"}},
		{"hyphen fraction", "a 2 1/2-year-old boy", []string{"2 1/2-year-old boy|2.5|year||"}},
		{"implied", "They freed 40 prisoners in exchange for an equal number of soldiers.", []string{"40 prisoners|40||prisoners|", "an equal number of soldiers|40||soldiers|implied"}},
		{"name numbers", "Article 5 binds the G7 and F-16 pilots.", nil},
		{"definite group", "The two leaders embraced.", nil},
		{"year", "In 2024, sales rose.", nil},
		{"date parts", "It happened on Aug. 14 and 15 August at 11:30am.", nil},
		{"address", "He lives at 10 Downing Street with his family.", nil},
		{"one of", "It is one of the last towns.", nil},
		{"one-on-one", "They held a one-on-one meeting.", nil},
		{"discourse ordinals", "First, the talks. The second meeting follows.", nil},
		{"bare number", "The number on his shirt was 10.", nil},
		{"vague several", "The blast injured several bystanders.", []string{"several bystanders|nil||bystanders|vague"}},
		{"vague a few", "Police detained a few protesters overnight.", []string{"a few protesters|nil||protesters|vague"}},
		{"vague handful", "Only a handful of voters turned out.", []string{"a handful of voters|nil||voters|vague"}},
		{"several names a group", "Several large banks failed.", nil},
		{"rating", "The coach said he would rate the season a 7, all things considered.", []string{"7|7|points|rating|"}},
		{"rating out of", "Critics gave it a 9 out of 10.", []string{"9 out of 10|9|points|rating|"}},
		{"rated count", "Judges rated 12 films.", []string{"12 films|12||films|"}},
		{"country list", "The bloc has 12 member nations, and Brazil, Argentina, Mexico and the United States signed first.",
			[]string{"12 member nations|12||nations|", "Brazil, Argentina, Mexico and the United States|4||countries|implied"}},
		{"country list no count", "Leaders from France, Germany and Italy met in Rome.", nil},
		{"two countries", "The deal covers 40 countries, from Canada and Mexico to Japan.", []string{"40 countries|40||countries|"}},
		{"heading noun named later", "Three things to know about the strike\nUnion leaders set out three demands on Monday:",
			[]string{"Three things|3||demands|", "three demands|3||demands|"}},
		{"heading noun, later count of something else", "Three things to know about the storm\nThree people died on Monday.",
			[]string{"Three things|3||things|", "Three people|3||people|"}},
		{"heading noun alone", "Ten things to know about the budget.", []string{"Ten things|10||things|"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := FindQuantities(c.in, DefaultQuantityOptions())
			r := []rune(c.in)
			var gs []string
			for _, x := range got {
				if x.Start < 0 || x.End > len(r) || string(r[x.Start:x.End]) != x.Text {
					t.Fatalf("span %d-%d does not hold %q", x.Start, x.End, x.Text)
				}
				v := "nil"
				if x.Value != nil {
					v = fmt.Sprint(*x.Value)
				}
				gs = append(gs, fmt.Sprintf("%s|%s|%s|%s|%s", x.Text, v, x.Unit, x.Of, x.Precision))
			}
			if strings.Join(gs, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("FindQuantities(%q)\n got: %q\nwant: %q", c.in, gs, c.want)
			}
		})
	}
}

func TestFindQuantitiesOptions(t *testing.T) {
	opts := DefaultQuantityOptions()
	opts.AllOrdinals, opts.BareNumbers = true, true
	got := FindQuantities("The second meeting. He rated it a 10.", opts)
	if len(got) != 2 || got[0].Unit != "ordinal" || *got[1].Value != 10 {
		t.Errorf("got %+v, want the ordinal and the bare 10", got)
	}
}

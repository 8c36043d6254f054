package annotate

import (
	"fmt"
	"time"
)

func ExampleFindTimes() {
	ref := time.Date(2025, 8, 14, 0, 0, 0, 0, time.UTC) // a Thursday
	text := "The talks in Anchorage, Alaska will start at 11:30am local time on Friday. " +
		"Russia's gains on Tuesday were the biggest in the past 24 hours."
	for _, x := range FindTimes(text, ref, DefaultTimeOptions()) {
		fmt.Printf("%s\t%s\t%s\n", x.Text, x.Type, x.Value)
	}
	// Output:
	// 11:30am local time on Friday	TIME	2025-08-15T11:30-08:00
	// on Tuesday	DATE	2025-08-12
	// the past 24 hours	DURATION	PT24H
}

func ExampleFindQuantities() {
	text := "Russia returned 84 prisoners, advanced up to 10 kilometres and fired dozens of drones."
	for _, q := range FindQuantities(text, DefaultQuantityOptions()) {
		v := "vague"
		if q.Value != nil {
			v = fmt.Sprint(*q.Value)
		}
		p := q.Precision
		if p == "" {
			p = "exact"
		}
		fmt.Printf("%s\t%s\t%s\t%s\t%s\n", q.Text, v, q.Unit, q.Of, p)
	}
	// Output:
	// 84 prisoners	84		prisoners	exact
	// up to 10 kilometres	10	km		upper bound
	// dozens of drones	vague		drones	vague
}

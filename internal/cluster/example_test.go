package cluster_test

import (
	"fmt"
	"time"

	"github.com/storydesk/storydesk/internal/cluster"
)

func ExampleOnline() {
	c := cluster.New(cluster.DefaultOptions())
	at := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	for _, it := range []cluster.Item{
		{ID: "a", Outlet: "wire", Published: at, Title: "Quake kills 40 in Indonesia",
			Text: "A magnitude 7.2 earthquake struck near Padang in Indonesia, killing 40 people. Rescue teams searched the rubble in Padang."},
		{ID: "b", Outlet: "daily", Published: at.Add(3 * time.Hour), Title: "Survivors pulled from rubble in Padang",
			Text: "Rescuers in Padang pulled survivors from the rubble after the magnitude 7.2 earthquake that killed 40 people in Indonesia."},
		{ID: "c", Outlet: "daily", Published: at.Add(4 * time.Hour), Title: "Norway votes",
			Text: "Voters in Norway elect a new parliament; the Labour Party of Jonas Gahr Store leads the polls."},
	} {
		a := c.Add(it)
		fmt.Println(it.ID, a.Story, a.New)
	}
	for _, s := range c.Stories() {
		fmt.Println(s.ID, len(s.Articles), s.Outlets, s.Label)
	}
	// Output:
	// a s1 true
	// b s1 false
	// c s2 true
	// s1 2 [wire daily] Survivors pulled from rubble in Padang
	// s2 1 [daily] Norway votes
}

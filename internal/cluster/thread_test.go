package cluster_test

import (
	"testing"
	"time"

	"github.com/storydesk/storydesk/internal/cluster"
)

// floods is a flood story and a later story about rebuilding after it,
// whose first article names none of the flood story's names.
var floods = []cluster.Item{
	{ID: "flood1", Published: day(1), Title: "Floods in Rio Grande do Sul",
		Text: "Heavy rain flooded Porto Alegre, and the Guaiba river rose to a record level, forcing thousands from their homes. Governor Eduardo Leite asked for federal help."},
	{ID: "flood2", Published: day(1).Add(6 * time.Hour), Title: "Guaiba river at a record level",
		Text: "The Guaiba river in Porto Alegre reached a record level after days of heavy rain; Governor Eduardo Leite said thousands had left their homes in Rio Grande do Sul."},
	{ID: "rebuild1", Published: day(3), Title: "Government to pay for new homes",
		Text: "The federal government will pay for new homes for families who lost theirs to the rain, Finance Minister Fernando Haddad said."},
	{ID: "rebuild2", Published: day(3).Add(2 * time.Hour), Title: "New homes for flood families",
		Text: "Families in Porto Alegre who lost their homes to the floods will get new homes paid by the federal government, Finance Minister Fernando Haddad said, as Governor Eduardo Leite asked for more help."},
}

// TestThreadLaterEvidence checks that a story whose first article gave no
// reason to continue an earlier story's thread joins that thread once its
// later articles do, at the next correction pass; the earlier thread keeps
// its ID and the later one's redirects.
func TestThreadLaterEvidence(t *testing.T) {
	c := cluster.New(cluster.DefaultOptions())
	var got []cluster.Assignment
	for _, it := range floods {
		got = append(got, c.Add(it))
	}
	flood, rebuild := got[0], got[2]
	if c.Resolve(got[1].Story) != flood.Story || c.Resolve(got[3].Story) != rebuild.Story || flood.Story == rebuild.Story {
		t.Fatalf("stories %+v: want the flood articles in one story and the rebuilding ones in another", got)
	}
	if rebuild.Thread == flood.Thread {
		t.Fatalf("rebuilding story started in the flood thread %s: the case needs it to start apart", flood.Thread)
	}
	c.Correct()
	for _, s := range c.Stories() {
		if s.Thread != flood.Thread {
			t.Errorf("story %s (%s): thread %s, want the flood thread %s", s.ID, s.Label, s.Thread, flood.Thread)
		}
	}
	if got := c.ResolveThread(rebuild.Thread); got != flood.Thread {
		t.Errorf("ResolveThread(%s) = %s, want %s", rebuild.Thread, got, flood.Thread)
	}
	if got := c.ResolveThread(flood.Thread); got != flood.Thread {
		t.Errorf("ResolveThread(%s) = %s, want it unchanged", flood.Thread, got)
	}
}

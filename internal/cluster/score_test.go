package cluster

import "testing"

// TestDateConflicts checks that dates compare by kind: the year with the
// year, the day with the day, so that two events of the same year on
// different days conflict and a bare year never conflicts with a day.
func TestDateConflicts(t *testing.T) {
	tests := []struct {
		name           string
		article, story []string
		agree          bool
		conflict       bool
	}{
		{"same day", []string{"2024-05-03"}, []string{"2024-05-03"}, true, false},
		{"same year, other day", []string{"2024-05-03"}, []string{"2024-06-21"}, true, true},
		{"other year", []string{"2019"}, []string{"2024-06-21"}, false, true},
		{"bare year against a day", []string{"2024"}, []string{"2024-06-21"}, true, false},
		{"month and day match a full date", []string{"06-21"}, []string{"2024-06-21"}, true, false},
		{"month and day against another", []string{"06-22"}, []string{"2024-06-21"}, false, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := New(DefaultOptions())
			a := c.keyed(dateKeys(tc.article), kindDate)
			s := c.keyed(dateKeys(tc.story), kindDate)
			agree, conflict := c.compareDetails(a, 1, s, 1, true)
			if (agree > 0) != tc.agree || (conflict > 0) != tc.conflict {
				t.Errorf("dates %v against story %v: agree %.2f conflict %.0f, want agree %v conflict %v",
					tc.article, tc.story, agree, conflict, tc.agree, tc.conflict)
			}
		})
	}
}

// TestCountConflicts checks that counts conflict only when no count of the
// article agrees with the story: a death toll that matches outweighs an
// injured count that differs, which later reports often revise.
func TestCountConflicts(t *testing.T) {
	tests := []struct {
		name           string
		article, story []string
		conflict       bool
	}{
		{"same toll", []string{"12|dead"}, []string{"12|dead"}, false},
		{"other toll", []string{"40|dead"}, []string{"12|dead"}, true},
		{"other noun", []string{"3|injured"}, []string{"12|dead"}, false},
		{"one agrees, one differs", []string{"12|dead", "5|injured"}, []string{"12|dead", "9|injured"}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := New(DefaultOptions())
			a := c.keyed(tc.article, kindNoun)
			s := c.keyed(tc.story, kindNoun)
			if _, conflict := c.compareDetails(a, 1, s, 1, false); (conflict > 0) != tc.conflict {
				t.Errorf("counts %v against story %v: conflict %.0f, want %v", tc.article, tc.story, conflict, tc.conflict)
			}
		})
	}
}

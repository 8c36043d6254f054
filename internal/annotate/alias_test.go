package annotate

import "testing"

func TestSurnameKey(t *testing.T) {
	same := [][]string{
		{"Zelensky", "Zelenskyy", "Zelenskiy", "ZELENSKY"},
		{"Kharkiv", "Harkiv"},
		{"Sergey", "Sergei"},
		{"Medvedev", "Medvedyev"},
		{"Erdoğan", "Erdogan"},
		{"Zelens’kyi", "Zelenskyi"},
	}
	for _, group := range same {
		t.Run(group[0], func(t *testing.T) {
			want := surnameKey(group[0])
			for _, s := range group[1:] {
				if got := surnameKey(s); got != want {
					t.Errorf("surnameKey(%q) = %q, want %q (as %q)", s, got, want, group[0])
				}
			}
		})
	}
	differ := [][2]string{{"Trump", "Truman"}, {"Putin", "Puttnam"}, {"Merz", "Marx"}}
	for _, p := range differ {
		if surnameKey(p[0]) == surnameKey(p[1]) {
			t.Errorf("%q and %q share key %q", p[0], p[1], surnameKey(p[0]))
		}
	}
}

package store

import "fmt"

// CheckStories returns an error wrapping ErrInvalid for what
// Stories.PutStories refuses, so that a backend can refuse it before it
// writes anything, and resolves each redirect to the live story it ends at.
func CheckStories(stories []StoryRecord, redirects map[string]string) (map[string]string, error) {
	live := make(map[string]bool, len(stories))
	inStory := make(map[string]string)
	for i, s := range stories {
		if s.ID == "" {
			return nil, fmt.Errorf("story #%d: empty id: %w", i+1, ErrInvalid)
		}
		if live[s.ID] {
			return nil, fmt.Errorf("story %s: id repeated: %w", s.ID, ErrInvalid)
		}
		live[s.ID] = true
		if !s.FirstSeen.IsZero() && !s.LastSeen.IsZero() && s.LastSeen.Before(s.FirstSeen) {
			return nil, fmt.Errorf("story %s: last seen %v before first seen %v: %w", s.ID, s.LastSeen, s.FirstSeen, ErrInvalid)
		}
		for _, a := range s.Articles {
			if a == "" {
				return nil, fmt.Errorf("story %s: empty article id: %w", s.ID, ErrInvalid)
			}
			if other, ok := inStory[a]; ok {
				return nil, fmt.Errorf("article %s in stories %s and %s: %w", a, other, s.ID, ErrInvalid)
			}
			inStory[a] = s.ID
		}
	}
	final := make(map[string]string, len(redirects))
	for from, to := range redirects {
		if from == "" || to == "" {
			return nil, fmt.Errorf("redirect %q → %q: empty id: %w", from, to, ErrInvalid)
		}
		if live[from] {
			return nil, fmt.Errorf("redirect from %s: it is a story being stored: %w", from, ErrInvalid)
		}
		end := to
		for hops := 0; !live[end]; hops++ {
			next, ok := redirects[end]
			if !ok {
				return nil, fmt.Errorf("redirect %s → %s: %s is not a story being stored: %w", from, to, end, ErrInvalid)
			}
			if hops > len(redirects) {
				return nil, fmt.Errorf("redirect %s → %s: cycle: %w", from, to, ErrInvalid)
			}
			end = next
		}
		final[from] = end
	}
	return final, nil
}

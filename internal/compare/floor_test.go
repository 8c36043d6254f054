package compare_test

// Floors for TestSeeds: what the method reached on the seed story, minus
// a margin, so a change that loses ground fails.
const (
	minExact          = 0.60
	minAny            = 0.95
	minConflicts      = 0.83
	minUnique         = 0.78
	maxFalseConflicts = 1
)

package compare_test

// Floors for TestSeeds: what the method reached on the seed story, minus
// a margin, so a change that loses ground fails.
const (
	minExact          = 0.0
	minAny            = 0.0
	minConflicts      = 0.0
	minUnique         = 0.0
	maxFalseConflicts = 100
)

package compare_test

// Floors for TestSeeds: what the method reached on the seed story, minus
// a margin, so a change that loses ground fails. Reached: exact 0.93,
// any 1.00, multi-source precision 0.70, conflicts 6/6 with none false,
// unique 0.86.
const (
	minExact          = 0.90
	minAny            = 0.95
	minMultiPrecision = 0.65
	minConflicts      = 0.95
	minUnique         = 0.80
	maxFalseConflicts = 1
)

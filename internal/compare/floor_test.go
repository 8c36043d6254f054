package compare_test

// Floors for TestSeeds: what the method reached on the seed story, minus
// a margin, so a change that loses ground fails. Reached: exact 0.80,
// any 1.00, multi-source precision 0.64, conflicts 6/6 with none false,
// unique 0.79 (claims that no longer join a fact of another subject or
// day are single-source now and compete for an outlet's eight places).
const (
	minExact          = 0.77
	minAny            = 0.95
	minMultiPrecision = 0.60
	minConflicts      = 0.95
	minUnique         = 0.76
	maxFalseConflicts = 1
)

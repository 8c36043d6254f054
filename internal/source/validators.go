package source

import "sync"

// Validator is what a server said identifies a response, for a
// conditional GET.
type Validator struct {
	ETag         string
	LastModified string
}

// Validators remembers the validators of fetched URLs so that fetching a
// URL again sends If-None-Match / If-Modified-Since. Implementations must
// be safe for concurrent use; Get reports false for an unknown URL. A
// store may implement it to keep validators between runs.
type Validators interface {
	Get(url string) (Validator, bool)
	Put(url string, v Validator)
}

// MemoryValidators keeps validators in memory for one run.
type MemoryValidators struct {
	mu sync.Mutex
	m  map[string]Validator
}

var _ Validators = (*MemoryValidators)(nil)

// NewMemoryValidators returns an empty in-memory Validators.
func NewMemoryValidators() *MemoryValidators {
	return &MemoryValidators{m: make(map[string]Validator)}
}

// Get returns the validator stored for url.
func (v *MemoryValidators) Get(url string) (Validator, bool) {
	v.mu.Lock()
	defer v.mu.Unlock()
	val, ok := v.m[url]
	return val, ok
}

// Put stores val for url.
func (v *MemoryValidators) Put(url string, val Validator) {
	v.mu.Lock()
	defer v.mu.Unlock()
	v.m[url] = val
}

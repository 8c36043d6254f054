package store

import (
	"encoding/json"
	"fmt"

	"github.com/storydesk/storydesk/internal/model"
)

// EncodeAnnotations is how every backend keeps annotations: their JSON.
// It refuses, with ErrInvalid, what Annotations.PutAnnotations refuses
// before anything is written: an empty ArticleID, or annotations that do
// not encode (a NaN quantity).
func EncodeAnnotations(a model.Annotations) ([]byte, error) {
	if a.ArticleID == "" {
		return nil, fmt.Errorf("empty article id: %w", ErrInvalid)
	}
	data, err := json.Marshal(a)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrInvalid, err)
	}
	return data, nil
}

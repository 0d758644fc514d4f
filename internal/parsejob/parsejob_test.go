package parsejob

import (
	"errors"
	"testing"
)

// TestDecodeRefusesGarbage checks a body that is not an article's JSON is an internal error.
func TestDecodeRefusesGarbage(t *testing.T) {
	_, err := Decode([]byte("<html>"))
	var e *Error
	if !errors.As(err, &e) || e.Kind != KindInternal {
		t.Errorf("Decode(garbage) = %v", err)
	}
}

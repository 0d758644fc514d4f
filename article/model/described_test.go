package model

import (
	"maps"
	"testing"
)

// TestDescribedIDs: the ids of the described speakers only, and nil when there are none.
func TestDescribedIDs(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name     string
		speakers []Speaker
		want     map[SpeakerID]bool
	}{
		{"none", nil, nil},
		{"named only", []Speaker{{ID: "s1", Name: "Dmitry Peskov"}}, nil},
		{"mixed", []Speaker{{ID: "s1", Name: "Dmitry Peskov"}, {ID: "s2", Name: "The spokesman", Described: true}, {ID: "s3", Name: "Sprecher", Described: true}},
			map[SpeakerID]bool{"s2": true, "s3": true}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got := DescribedIDs(tc.speakers)
			if !maps.Equal(got, tc.want) || (got == nil) != (tc.want == nil) {
				t.Errorf("DescribedIDs = %v, want %v", got, tc.want)
			}
		})
	}
}

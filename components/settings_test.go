package components

import "testing"

func TestSettingsValid(t *testing.T) {
	for _, tt := range []struct{ in, want Settings }{
		{Settings{}, DefaultSettings()},
		{Settings{Theme: "sepia", Font: "legible", Size: 7, Width: "wide", Leading: "loose"}, Settings{Theme: "sepia", Font: "legible", Size: 7, Width: "wide", Leading: "loose"}},
		{Settings{Theme: `dark" onload="x`, Font: "comic", Size: 99, Width: "huge", Leading: "0"}, DefaultSettings()},
		{Settings{Theme: "dark", Size: 0}, Settings{Theme: "dark", Font: "serif", Size: defaultSize, Width: "medium", Leading: "normal"}},
	} {
		if got := tt.in.valid(); got != tt.want {
			t.Errorf("%+v.valid() = %+v, want %+v", tt.in, got, tt.want)
		}
	}
}

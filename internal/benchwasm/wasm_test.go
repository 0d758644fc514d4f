package benchwasm

import (
	"reflect"
	"testing"
)

// module returns a wasm module with only a name section naming functions 0 and 1.
func module(names ...string) []byte {
	var sub []byte
	sub = append(sub, byte(len(names)))
	for i, n := range names {
		sub = append(sub, byte(i), byte(len(n)))
		sub = append(sub, n...)
	}
	body := append([]byte{4}, "name"...)
	body = append(body, 1, byte(len(sub)))
	body = append(body, sub...)
	m := []byte("\x00asm\x01\x00\x00\x00")
	m = append(m, 0, byte(len(body)))
	return append(m, body...)
}

func TestFuncs(t *testing.T) {
	got, err := Funcs(module("github.com_yuin_goldmark.New", "main.main"))
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"github.com_yuin_goldmark.New", "main.main"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Funcs = %q, want %q", got, want)
	}
	if Mangle("codeberg.org/readeck/go-readability/v2") != "codeberg.org_readeck_go_readability_v2" {
		t.Errorf("Mangle = %q", Mangle("codeberg.org/readeck/go-readability/v2"))
	}
	if _, err := Funcs([]byte("not wasm")); err == nil {
		t.Error("Funcs accepted a file that is not wasm")
	}
	if _, err := Funcs(append(module("a.b"), 0, 99)); err == nil {
		t.Error("Funcs accepted a truncated section")
	}
}

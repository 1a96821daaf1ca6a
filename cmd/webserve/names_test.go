package main

import (
	"strings"
	"testing"
)

func TestRequestName(t *testing.T) {
	tests := []struct {
		path, want string
		ok         bool
	}{
		{"/", "index.html", true},
		{"/bigthree.wasm", "bigthree.wasm", true},
		{"/bigthree.wasm.gz", "bigthree.wasm.gz", true},
		{"/game/", "game/index.html", true},
		{"/game/wasm_exec.js", "game/wasm_exec.js", true},
		{"/Élèves (2e)/notes-2025_v1+final,[a].html", "Élèves (2e)/notes-2025_v1+final,[a].html", true},
		{"", "", false},
		{"index.html", "", false},
		{"*", "", false},
		{"/..", "", false},
		{"/../x", "", false},
		{"/a/../x", "", false},
		{"/./x", "", false},
		{"/.git/config", "", false},
		{"/a/.hidden", "", false},
		{"//x", "", false},
		{"/a//x", "", false},
		{`/..\x`, "", false},
		{`/a\b`, "", false},
		{"/C:", "", false},
		{"/C:x", "", false},
		{`/\\host\share`, "", false},
		{"/x::$DATA", "", false},
		{"/PROGRA~1", "", false},
		{"/x.", "", false},
		{"/x ", "", false},
		{"/x\x00y", "", false},
		{"/x\ny", "", false},
		{"/x\x7fy", "", false},
		{"/x\xffy", "", false},
		{"/a*b", "", false},
		{"/a?b", "", false},
		{"/a|b", "", false},
		{`/a"b`, "", false},
		{"/a<b>", "", false},
		{"/a%2fb", "", false},
		{"/nul", "", false},
		{"/Con.html", "", false},
		{"/aux .txt", "", false},
		{"/lpt9", "", false},
		{"/com0.js", "", false},
		{"/console.html", "console.html", true},
		{"/com10", "com10", true},
		{"/" + strings.Repeat("a", 256), "", false},
	}
	for _, tt := range tests {
		got, ok := requestName(tt.path)
		if got != tt.want || ok != tt.ok {
			t.Errorf("requestName(%q) = %q, %v; want %q, %v", tt.path, got, ok, tt.want, tt.ok)
		}
	}
}

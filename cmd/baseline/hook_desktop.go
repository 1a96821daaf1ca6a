//go:build !js

package main

import (
	"encoding/json"
	"log"
	"os"
	"path/filepath"
)

func benchMode() string { return os.Getenv("BIGTHREE_BENCH") }

// fileHook rewrites the BIGTHREE_STATE file atomically when something changed and once a second.
type fileHook struct {
	path string
}

func newHook() hook { return &fileHook{path: os.Getenv("BIGTHREE_STATE")} }

func (h *fileHook) publish(st *state, changed bool) {
	if h.path == "" || (!changed && st.Ticks%60 != 1) {
		return
	}
	data, err := json.Marshal(st)
	if err != nil {
		log.Fatal(err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(h.path), ".state-*")
	if err != nil {
		log.Printf("state hook: %v", err)
		return
	}
	_, err = tmp.Write(data)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), h.path)
	}
	if err != nil {
		os.Remove(tmp.Name())
		log.Printf("state hook: %v", err)
	}
}

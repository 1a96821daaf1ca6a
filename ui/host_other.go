//go:build !js

package ui

// The desktop game has no page around it: nothing to read, no one to tell.

func readHostStart() (hostStart, bool) { return hostStart{}, false }

func hostListens() bool { return false }

func sendProgress(string) {}

//go:build !race && !js

package ui

const raceOn = false

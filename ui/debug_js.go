//go:build js

package ui

import "github.com/hajimehoshi/ebiten/v2"

type shooter struct{}

func (*shooter) init()                    {}
func (*shooter) update(*App)              {}
func (*shooter) draw(*App, *ebiten.Image) {}

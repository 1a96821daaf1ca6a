//go:build unix

package main

import (
	"os"
	"syscall"
)

// openFlags opens named pipes without waiting for a writer; regular files ignore O_NONBLOCK.
const openFlags = os.O_RDONLY | syscall.O_NONBLOCK

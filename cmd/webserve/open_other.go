//go:build !unix

package main

import "os"

// openFlags: outside Unix there are no named pipes that an open would wait on.
const openFlags = os.O_RDONLY

// Command studioperf measures the Studio in headless Chromium and prints the figures: the size of
// its first load after gzip, how long after an edit of the campaign its diagnostics and the
// exploration's findings are shown, and whether typing stays responsive in a 10,000-event
// scenario. Timings are not tests: scripts/studio-perf runs it.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"

	"bigthree/e2e/harness"
)

func main() {
	edits := flag.Int("edits", 21, "edits of the campaign to time")
	flag.Parse()
	root, err := harness.Root()
	if err != nil {
		log.Fatal(err)
	}
	work, err := os.MkdirTemp("", "bigthree-studioperf-")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(work)
	web := filepath.Join(work, "web")
	if err := harness.BuildWeb(root, web, false); err != nil {
		log.Fatal(err)
	}
	if err := measure(root, work, web, *edits); err != nil {
		log.Fatal(err)
	}
	fmt.Println("\nFigures of one run on this machine; run again to see how much they vary.")
}

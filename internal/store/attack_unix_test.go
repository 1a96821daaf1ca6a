//go:build unix

package store

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"bigthree/internal/rules"
)

// attackWriter is the child process of TestAttackSaves: it writes the save
// of the same game again and again, one reply longer each time, and prints
// the number of replies of each save once it is written.
func attackWriter(dir string, start int) {
	s := New(Dir{Path: dir}, "")
	o := Origin{Embedded: "example.yaml"}
	sv := rules.Save{Format: rules.SaveFormat, Scenario: "attack", Hash: "h"}
	for i := 0; i < start; i++ {
		sv.Choices = append(sv.Choices, rules.SavedStep{Event: "e" + strconv.Itoa(i), Choice: strings.Repeat("c", 200)})
	}
	for n := start; ; n++ {
		if err := s.WriteAutosave(o, sv, Progress{Document: n}); err != nil {
			fmt.Println("error", err)
			os.Exit(1)
		}
		fmt.Println("saved", n)
		sv.Choices = append(sv.Choices, rules.SavedStep{Event: "e" + strconv.Itoa(n), Choice: strings.Repeat("c", 200)})
	}
}

// TestAttackSaves kills a save writer with SIGKILL in the middle of its
// writes, again and again (BIGTHREE_ATTACK_KILLS times, 20 by default;
// scripts/attack-saves runs 200), and checks after each kill that the save
// is whole: the last one reported written, or the one after it, never a
// mixture or nothing. A restart (OpenDir) then leaves no temporary file.
func TestAttackSaves(t *testing.T) {
	if dir := os.Getenv("BIGTHREE_ATTACK_CHILD"); dir != "" {
		start, _ := strconv.Atoi(os.Getenv("BIGTHREE_ATTACK_START"))
		attackWriter(dir, start)
		return
	}
	kills := 20
	if n, err := strconv.Atoi(os.Getenv("BIGTHREE_ATTACK_KILLS")); err == nil && n > 0 {
		kills = n
	}
	dir := t.TempDir()
	o := Origin{Embedded: "example.yaml"}
	last := 0 // replies of the last save known written
	temps, oldCount, newCount := 0, 0, 0
	for k := 0; k < kills; k++ {
		cmd := exec.Command(os.Args[0], "-test.run=^TestAttackSaves$")
		cmd.Env = append(os.Environ(), "BIGTHREE_ATTACK_CHILD="+dir, "BIGTHREE_ATTACK_START="+strconv.Itoa(last))
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		lines := bufio.NewScanner(out)
		wait := rand.IntN(8) // saves to let through before the kill
		written := last
		for i := 0; i <= wait && lines.Scan(); i++ {
			if n, ok := strings.CutPrefix(lines.Text(), "saved "); ok {
				written, _ = strconv.Atoi(n)
			} else {
				t.Fatalf("writer: %s", lines.Text())
			}
		}
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		// Saves printed after the line read may have been written too: the
		// save on disk is the last one seen or a later one, whole.
		a, problem := New(Dir{Path: dir}, "").Autosave(o)
		if a == nil || problem != "" {
			t.Fatalf("kill %d: the save is lost or damaged: %q", k+1, problem)
		}
		got := a.Progress.Document
		if got < written || len(a.Save.Choices) != got {
			t.Fatalf("kill %d: save of %d replies (%d in it), the last written had %d", k+1, got, len(a.Save.Choices), written)
		}
		if got == written {
			oldCount++
		} else {
			newCount++
		}
		last = got
	}
	before, _ := os.ReadDir(dir)
	for _, e := range before {
		if strings.Contains(e.Name(), ".tmp-") {
			temps++
		}
	}
	s := OpenDir(dir) // a restart
	if s.Off != "" {
		t.Fatal(s.Off)
	}
	entries, _ := os.ReadDir(dir)
	var left []string
	for _, e := range entries {
		if e.Name() != o.Key()+".json" {
			left = append(left, e.Name())
		}
	}
	t.Logf("%d kills: the save was always whole (%d times the last one seen written, %d times a later one); %d temporary files left by the kills; after a restart %d files besides the save", kills, oldCount, newCount, temps, len(left))
	if len(left) > 0 {
		t.Errorf("left after a restart: %v", left)
	}
}

package scenarios_test

import (
	"strings"
	"testing"

	"bigthree/internal/check"
	"bigthree/internal/rules"
	"bigthree/internal/scenario"
	"bigthree/scenarios"
)

func campaign(t *testing.T) *scenario.Scenario {
	t.Helper()
	data, err := scenarios.Read(scenarios.Campaign)
	if err != nil {
		t.Fatal(err)
	}
	s, diags := check.File(scenarios.Campaign, data)
	if s == nil || len(diags) > 0 {
		t.Fatalf("the campaign must check without errors or warnings:\n%s", diags)
	}
	return s
}

func TestCampaignIsTheDefault(t *testing.T) {
	if scenarios.Default() != scenarios.Campaign || scenarios.Names()[0] != scenarios.Campaign {
		t.Errorf("default %q, names %v", scenarios.Default(), scenarios.Names())
	}
}

// Playing only Roosevelt's replies goes from the start to the end and
// reaches the ending marked historical.
func TestCampaignHistoricalPath(t *testing.T) {
	s := campaign(t)
	r, complete := rules.Historical(s, 1000)
	if !complete {
		t.Fatalf("the historical path stops at %q", s.Events[r.Event()].ID)
	}
	if e := s.Endings[r.Ending()]; !e.Historical {
		t.Errorf("the historical path ends in %q, which is not marked historical", e.ID)
	}
	if last := s.Events[r.Steps()[len(r.Steps())-1].Event]; last.Date.Format("2006-01-02") != "1945-04-12" {
		t.Errorf("the historical path ends at %s (%s), not on 12 April 1945", last.ID, last.Date.Format("2006-01-02"))
	}
}

// Every event has a date, a source, a sender and a recipient, and a text
// of 80 to 250 words; every decision marks the reply Roosevelt chose.
func TestCampaignEventsAreComplete(t *testing.T) {
	s := campaign(t)
	if len(s.Events) < 30 {
		t.Errorf("%d events; the campaign needs at least 30", len(s.Events))
	}
	for _, e := range s.Events {
		if e.Date.IsZero() {
			t.Errorf("%s has no date", e.ID)
		}
		if e.Source < 0 {
			t.Errorf("%s has no source", e.ID)
		}
		if e.From < 0 || e.To < 0 {
			t.Errorf("%s lacks a sender or a recipient", e.ID)
		}
		if n := len(strings.Fields(e.Text)); n < 80 || n > 250 {
			t.Errorf("%s has %d words of text; write 80 to 250", e.ID, n)
		}
		if e.History == "" {
			t.Errorf("%s has no history note", e.ID)
		}
		if len(e.Choices) == 0 {
			continue
		}
		if e.HistoricalChoice() < 0 {
			t.Errorf("%s is a decision without a reply marked historical", e.ID)
		}
		if n := len(e.Choices); n < 3 || n > 4 {
			t.Errorf("%s offers %d replies; decisions offer three or four", e.ID, n)
		}
	}
	if s.Events[0].Date.Year() != 1933 {
		t.Errorf("the campaign should open with the 1933 prologue, not %s", s.Events[0].Date.Format("2006-01-02"))
	}
}

func TestCampaignEndingsAndEventsAreReachable(t *testing.T) {
	s := campaign(t)
	if len(s.Endings) < 4 {
		t.Errorf("%d endings; the campaign needs at least 4", len(s.Endings))
	}
	rep := check.Explore(s, check.ExploreOptions{Runs: 10_000, Seed: 1})
	for i, ok := range rep.EventReached {
		if !ok {
			t.Errorf("event %s is never reached", s.Events[i].ID)
		}
	}
	for i, n := range rep.EndingRuns {
		if n == 0 {
			t.Errorf("ending %s is never reached", s.Endings[i].ID)
		}
		if s.Endings[i].Epilogue == "" {
			t.Errorf("ending %s has no epilogue", s.Endings[i].ID)
		}
	}
	if len(rep.DeadEnds) > 0 || rep.Circles > 0 {
		t.Errorf("dead ends %v, runs in loops %d", rep.DeadEnds, rep.Circles)
	}
}

package scenarios_test

import (
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

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

// words counts what a student reads at one event of a playthrough: the
// title, the document, its invented note, every reply offered, the reactions
// to the reply chosen and the history note.
func words(e *scenario.Event, chosen int) int {
	n := len(strings.Fields(e.Title)) + len(strings.Fields(e.Text)) +
		len(strings.Fields(e.InventedNote)) + len(strings.Fields(e.History))
	for _, c := range e.Choices {
		n += len(strings.Fields(c.Text))
	}
	if chosen >= 0 {
		for _, re := range e.Choices[chosen].Reactions {
			n += len(strings.Fields(re.Text))
		}
	}
	return n
}

// One playthrough on Roosevelt's path fits a 45-minute reading slot at 250
// words a minute, the ending included, so that a double period leaves time
// for the debrief (docs/teachers.md).
func TestCampaignHistoricalPathFitsTheLesson(t *testing.T) {
	const budget = 45 * 250
	s := campaign(t)
	r, _ := rules.Historical(s, 1000)
	total := 0
	for _, st := range r.Steps() {
		total += words(&s.Events[st.Event], st.Choice)
	}
	e := s.Endings[r.Ending()]
	total += len(strings.Fields(e.Title)) + len(strings.Fields(e.Text)) + len(strings.Fields(e.Epilogue))
	t.Logf("the historical path: %d documents, %d words, %.1f minutes at 250 words a minute", len(r.Steps()), total, float64(total)/250)
	if total > budget {
		t.Errorf("the historical path has %d words to read (%.1f minutes at 250 a minute); keep it within %d", total, float64(total)/250, budget)
	}
	if n := len(r.Steps()); n < 50 {
		t.Errorf("the historical path has only %d documents; the missing episodes belong on it", n)
	}
}

// Every event has a date, a sender and a recipient, a text of 60 to 250
// words and a history note; every document that really existed cites its
// source, and every invented one says what really happened; every decision
// marks the reply Roosevelt chose. (The lower limit is 60, not 80: the
// Map Room notes and news items of 1943, like the real messages they
// summarize, are short, and short first steps teach better.)
func TestCampaignEventsAreComplete(t *testing.T) {
	s := campaign(t)
	if len(s.Events) < 70 {
		t.Errorf("%d events; the campaign needs at least 70", len(s.Events))
	}
	for _, e := range s.Events {
		if e.Date.IsZero() {
			t.Errorf("%s has no date", e.ID)
		}
		if e.Source < 0 && !e.Invented {
			t.Errorf("%s has no source", e.ID)
		}
		if e.Invented && e.InventedNote == "" {
			t.Errorf("%s is invented but does not say what really happened", e.ID)
		}
		if e.From < 0 || e.To < 0 {
			t.Errorf("%s lacks a sender or a recipient", e.ID)
		}
		if n := len(strings.Fields(e.Text)); n < 60 || n > 250 {
			t.Errorf("%s has %d words of text; write 60 to 250", e.ID, n)
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
	if n := len(strings.Fields(s.Events[0].Text)); n > 150 {
		t.Errorf("the first document has %d words before the first choice; keep the first step short", n)
	}
}

// A document that did not happen is marked invented, and it does not put
// a real quotation in a made-up letter: quotation marks in the game mean the
// source's own words, and an invented document has no source of its own.
func TestCampaignInventedDocumentsAreLabelled(t *testing.T) {
	s := campaign(t)
	counterfactual := regexp.MustCompile(`(?i)\b(did not happen|nothing of the kind|in reality|this meeting did not)\b`)
	invented := 0
	for _, e := range s.Events {
		if e.Invented {
			invented++
			if strings.Contains(e.Text, `"`) {
				t.Errorf("%s is invented but quotes someone; a quotation would pass for the real words", e.ID)
			}
			continue
		}
		if counterfactual.MatchString(e.History) {
			t.Errorf("%s: its history note says it did not happen (%q), so mark it invented", e.ID, counterfactual.FindString(e.History))
		}
	}
	if invented < 15 {
		t.Errorf("only %d invented documents; every counterfactual branch has at least one", invented)
	}
}

// Citations live on the source line, not in the prose: "(Stalin to
// Roosevelt, 11 June 1943)" inside a letter is not how a letter reads.
func TestCampaignTextsCarryNoCitations(t *testing.T) {
	s := campaign(t)
	citation := regexp.MustCompile(`\([^()]*\b1[89]\d\d\b[^()]*\)`)
	look := func(where, text string) {
		if m := citation.FindString(text); m != "" {
			t.Errorf("%s has a citation in its text: %q; move it to the source line", where, m)
		}
	}
	for _, e := range s.Events {
		look(e.ID, e.Text)
		look(e.ID+" (history)", e.History)
		for _, c := range e.Choices {
			look(e.ID+"/"+c.ID, c.Text)
			for _, re := range c.Reactions {
				look(e.ID+"/"+c.ID+" (reaction)", re.Text)
			}
		}
	}
	for _, e := range s.Endings {
		look(e.ID, e.Text+" "+e.Epilogue)
	}
}

// Churchill was a backbencher until 3 September 1939: before that his trust
// does not move and he does not answer as if in office.
func TestCampaignChurchillOutOfOfficeBefore1939(t *testing.T) {
	s := campaign(t)
	churchill := s.MeterIndex("churchill")
	who := -1
	for i, c := range s.Characters {
		if c.ID == "churchill" {
			who = i
		}
	}
	inOffice := time.Date(1939, 9, 3, 0, 0, 0, 0, time.UTC)
	for _, e := range s.Events {
		if !e.Date.Before(inOffice) {
			continue
		}
		for _, c := range e.Choices {
			for _, ef := range c.Effects {
				if ef.Meter == churchill {
					t.Errorf("%s/%s moves Churchill's trust before he was in office", e.ID, c.ID)
				}
			}
			for _, re := range c.Reactions {
				if re.Character == who {
					t.Errorf("%s/%s has Churchill react before he was in office", e.ID, c.ID)
				}
			}
		}
	}
}

// The historian's corrections stay corrected: each entry names an event,
// something its texts must say and something they must not, and why.
func TestCampaignCorrectionsStay(t *testing.T) {
	s := campaign(t)
	all := func(e *scenario.Event) string {
		t := e.Title + "\n" + e.Text + "\n" + e.History
		for _, c := range e.Choices {
			t += "\n" + c.Text
			for _, re := range c.Reactions {
				t += "\n" + re.Text
			}
		}
		return t
	}
	for _, c := range []struct {
		event, must, mustNot, why string
	}{
		{"molotov", "draw off 40 German divisions", "drive off", "the US record (FRUS 1942 III doc. 471) says draw off"},
		{"molotov", "10 June", "has given Molotov only a hedged aide-mémoire", "Churchill's aide-mémoire was handed over on 10 June, after the White House talks"},
		{"astrakhan", "fully trusted person", "Britain reads about it afterwards", "Stalin invited Roosevelt or his trusted envoy and had no objection to Churchill"},
		{"astrakhan", "no objection to Mr. Churchill", "two-power meeting", "the meeting Stalin offered could include Churchill"},
		{"tehran", "asked Stalin to come and see him", "Stalin has asked for a private word", "Roosevelt asked for the talk (Bohlen minutes, FRUS Cairo–Tehran doc. 378)"},
		{"tehran", "Baltic states", "", "the talk of 1 December includes Roosevelt's remark on the Baltic states"},
		{"a-date-for-stalin", "August", "", "Churchill's message of 9 February 1943 named August (or September)"},
		{"credit-accepted", "not the first exchange", "opened the direct", "Roosevelt's letter carried by Harriman and Stalin's reply of 3 October came first"},
		{"two-memoranda", "mid-July", "", "Hopkins reached London in mid-July 1941"},
		{"foreign-ministers", "seventy-two", "seventy-one", "Hull was 72 at the Moscow conference"},
		{"hyde-park", "might perhaps, after mature consideration, be used against the Japanese", "19 September", "the aide-mémoire is dated 18 September 1944"},
		{"june-eleventh", "at his own urging", "recalled his ambassadors", "Litvinov left at his own urging; keeping him and Maisky in Moscow came later"},
		{"churchill-learns", "untrue", "", "Roosevelt's 'I did not suggest to UJ that we meet alone' was untrue (Kimball)"},
		{"barbarossa", "all the aid we possibly can", "", "the 24 June pledge is the reply marked historical"},
		{"churchill-in-moscow", "23 August", "The Germans are on the Volga", "the Germans reached the Volga on 23 August 1942"},
		{"supply-and-credit", "rough the second", "rough on the first", "Stalin was rough on the second evening"},
		{"pearl-harbor", "12 December", "already on his way", "Churchill sailed on 12 December 1941"},
		{"welcome", "6 December", "", "Stalin's messages of 6 and 10 December 1943 are two messages"},
		{"dulles", "OSS", "", "Dulles reported to the OSS, not to Roosevelt directly"},
		{"last-message", "", "twenty million", "'twenty million' dead is a figure of 1956–61"},
		{"d-day", "", "a source of joy", "that wording is Fenby's, not the Moscow edition's"},
	} {
		i := s.EventIndex(c.event)
		if i < 0 {
			t.Errorf("no event %q", c.event)
			continue
		}
		text := all(&s.Events[i])
		if c.must != "" && !strings.Contains(text, c.must) {
			t.Errorf("%s should say %q: %s", c.event, c.must, c.why)
		}
		if c.mustNot != "" && strings.Contains(text, c.mustNot) {
			t.Errorf("%s should not say %q: %s", c.event, c.mustNot, c.why)
		}
	}
	for _, e := range s.Endings {
		if strings.Contains(e.Epilogue, "13 May") {
			t.Errorf("ending %s: Churchill's iron-curtain telegram is of 12 May 1945", e.ID)
		}
	}
	if role := s.Characters[slices.IndexFunc(s.Characters, func(c scenario.Character) bool { return c.ID == "stalin" })].Role; !strings.Contains(role, "General Secretary") {
		t.Errorf("Stalin's role %q: before 6 May 1941 he was General Secretary, not Chairman", role)
	}
}

// The glossary explains the words the documents use, each one is used
// somewhere, and the teachers' guide lists the same terms.
func TestCampaignGlossary(t *testing.T) {
	s := campaign(t)
	var read strings.Builder
	read.WriteString(s.Title)
	for _, e := range s.Events {
		read.WriteString("\n" + e.Title + "\n" + e.Text + "\n" + e.History)
		for _, c := range e.Choices {
			read.WriteString("\n" + c.Text)
			for _, re := range c.Reactions {
				read.WriteString("\n" + re.Text)
			}
		}
	}
	text := strings.ToLower(read.String())
	terms := map[string]bool{}
	for _, g := range s.Glossary {
		terms[g.Term] = true
		if !strings.Contains(text, strings.ToLower(g.Term)) {
			t.Errorf("the glossary explains %q, which no document uses", g.Term)
		}
	}
	for _, need := range []string{"aide-mémoire", "communiqué", "Lend-Lease", "second front", "Curzon Line", "NKVD"} {
		if !terms[need] {
			t.Errorf("the glossary lacks %q", need)
		}
	}
	guide, err := os.ReadFile("../docs/teachers.md")
	if err != nil {
		t.Fatal(err)
	}
	for term := range terms {
		if !strings.Contains(string(guide), "**"+term+"**") {
			t.Errorf("docs/teachers.md does not list the glossary term %q (as **%s**)", term, term)
		}
	}
}

// playWith plays Roosevelt's replies except at the events named in
// instead, where it picks the reply given.
func playWith(s *scenario.Scenario, instead map[string]string) *rules.Run {
	r := rules.New(s)
	for n := 0; !r.Over() && n < 1000; n++ {
		e := &s.Events[r.Event()]
		pick, hist, first := -2, -2, -2
		for _, o := range r.Options(nil) {
			if o.Locked {
				continue
			}
			if first == -2 {
				first = o.Index
			}
			if o.Historical {
				hist = o.Index
			}
			if want, ok := instead[e.ID]; ok && o.ID == want {
				pick = o.Index
			}
		}
		if pick == -2 {
			pick = hist
		}
		if pick == -2 {
			pick = first
		}
		if err := r.ChooseIndex(pick); err != nil {
			panic(err)
		}
	}
	return r
}

// The Grand Alliance ending has several routes, and the bomb is only one
// consideration among others: no single change to Roosevelt's replies
// reaches it, telling Stalin about the bomb included, while pairs of quite
// different changes do.
func TestCampaignGrandAllianceHasSeveralRoutes(t *testing.T) {
	s := campaign(t)
	grand := s.EndingIndex("grand-alliance")
	for _, e := range s.Events {
		for _, c := range e.Choices {
			if c.Historical {
				continue
			}
			if r := playWith(s, map[string]string{e.ID: c.ID}); r.Ending() == grand {
				t.Errorf("changing only %s to %s reaches the Grand Alliance; it should take more than one change", e.ID, c.ID)
			}
		}
	}
	for _, route := range []map[string]string{
		{"hyde-park": "follow-bohr", "pq17": "american-escort"},
		{"dulles": "invite-soviets", "percentages-cable": "let-churchill-speak"},
		{"astrakhan": "go-archangel", "dumbarton-oaks": "offer-two"},
		{"pq17": "american-escort", "venue-dispute": "tehran-at-once"},
	} {
		if r := playWith(s, route); r.Ending() != grand {
			t.Errorf("Roosevelt's replies with %v end in %s, not the Grand Alliance (meters %v)", route, s.Endings[r.Ending()].ID, r.Meters())
		}
	}
}

// A separate peace stays possible but rare: Roosevelt's path, a careful
// player who keeps all three meters as high as possible, and nine random
// playthroughs in ten avoid it.
func TestCampaignSeparatePeaceIsRare(t *testing.T) {
	s := campaign(t)
	peace := s.EndingIndex("separate-peace")
	careful := rules.New(s)
	for n := 0; !careful.Over() && n < 1000; n++ {
		best, bestScore := -2, 0
		for _, o := range careful.Options(nil) {
			if o.Locked {
				continue
			}
			c := careful.Clone()
			if err := c.ChooseIndex(o.Index); err != nil {
				t.Fatal(err)
			}
			m := c.Meters()
			score := min(m[0], m[1], m[2])
			if best == -2 || score > bestScore {
				best, bestScore = o.Index, score
			}
		}
		if err := careful.ChooseIndex(best); err != nil {
			t.Fatal(err)
		}
	}
	if careful.Ending() == peace {
		t.Error("a player who keeps all three meters up reaches the separate peace")
	}
	rep := check.Explore(s, check.ExploreOptions{Runs: 10_000, Seed: 1})
	runs := 0
	for _, n := range rep.EndingRuns {
		runs += n
	}
	if share := float64(rep.EndingRuns[peace]) / float64(runs); share == 0 || share > 0.05 {
		t.Errorf("the separate peace ends %.1f%% of random playthroughs; keep it possible but under 5%%", 100*share)
	}
}

// A reaction says how a character takes a reply, and the meters say the
// same: a reply that costs Stalin four points does not get "Tanks are better
// than apologies" from him. Mixed reactions ("welcome, but ...") are not
// judged; the words below are the ones that only ever mean one thing here.
func TestCampaignReactionsAgreeWithEffects(t *testing.T) {
	s := campaign(t)
	for _, e := range s.Events {
		for _, c := range e.Choices {
			for _, re := range c.Reactions {
				if bad := contradiction(s, &c, re); bad != "" {
					t.Errorf("%s/%s: %s", e.ID, c.ID, bad)
				}
			}
		}
	}
}

var (
	pleased = []string{"splendid", "magnificent", "thank you", "grateful", "good beginning", "real ally", "this we value",
		"fair bargain", "wise", "sensible", "quite right", "that is correct", "we can work with him", "relieved",
		"a practical", "better than apologies", "at least understands", "is welcome", "are welcome", "this is serious"}
	displeased = []string{"will not do", "not the act of an ally", "do not behave so", "list of excuses", "i shall not forget",
		"i shall remember", "lecture", "preaches", "sermon", "dangerous precedent", "we shall not give it", "abandon",
		"alone", "i did not expect it", "what are they hiding", "not the way"}
	mixed = regexp.MustCompile(`(?i)\b(but|yet|though|still|however)\b`)
)

// contradiction says why a reaction disagrees with the reply's effect on
// the reacting character's meter, or returns "".
func contradiction(s *scenario.Scenario, c *scenario.Choice, re scenario.Reaction) string {
	m := s.MeterIndex(s.Characters[re.Character].ID)
	if m < 0 || mixed.MatchString(re.Text) {
		return ""
	}
	change := 0
	for _, ef := range c.Effects {
		if ef.Meter == m && ef.Op == scenario.Add {
			change += ef.Amount
		}
	}
	low := strings.ToLower(re.Text)
	who := s.Characters[re.Character].ID
	for _, w := range pleased {
		if strings.Contains(low, w) && change < 0 {
			return fmt.Sprintf("%s sounds pleased (%q) but loses %d", who, re.Text, -change)
		}
	}
	for _, w := range displeased {
		if strings.Contains(low, w) && change > 0 {
			return fmt.Sprintf("%s sounds displeased (%q) but gains %d", who, re.Text, change)
		}
	}
	return ""
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

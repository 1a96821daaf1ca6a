package harness

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/chromedp/cdproto/accessibility"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/dom"
	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
)

// Accessibility checks of the pages: axe-core (npm axe-core, pinned in package-lock.json and
// installed by `npm ci`) injected into the page, and the page read from Chromium's accessibility
// tree as a screen reader reads it.

// AxeViolation is one rule axe-core found broken, with the elements that break it.
type AxeViolation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []struct {
		Target  []any  `json:"target"`
		Summary string `json:"failureSummary"`
	} `json:"nodes"`
}

func (v AxeViolation) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%s): %s", v.ID, v.Impact, v.Help)
	for _, n := range v.Nodes {
		fmt.Fprintf(&b, "\n    at %v: %s", n.Target, strings.ReplaceAll(n.Summary, "\n", " "))
	}
	return b.String()
}

// Axe runs axe-core on the page as it is now, with every rule it runs by default (the WCAG 2.0,
// 2.1 and 2.2 A and AA rules and its best practices), injecting it first when the page has not
// got it. root is the repository root, whose node_modules holds axe-core.
func Axe(b *Browser, root string) ([]AxeViolation, error) {
	has, err := Eval[bool](b, `typeof window.axe === "object"`)
	if err != nil {
		return nil, err
	}
	if !has {
		src, err := os.ReadFile(filepath.Join(root, "node_modules", "axe-core", "axe.min.js"))
		if err != nil {
			return nil, fmt.Errorf("axe-core is not installed (npm ci installs it from package-lock.json): %v", err)
		}
		if _, err := Eval[bool](b, string(src)+"\n;true"); err != nil {
			return nil, fmt.Errorf("injecting axe-core: %v", err)
		}
	}
	raw, err := Await[string](b, 60*time.Second, `axe.run(document, {resultTypes: ["violations"]}).then((r) => JSON.stringify(r.violations))`)
	if err != nil {
		return nil, err
	}
	var out []AxeViolation
	if err := json.Unmarshal([]byte(raw), &out); err != nil {
		return nil, fmt.Errorf("axe's result: %v", err)
	}
	return out, nil
}

// AXNode is one node of the accessibility tree, as a screen reader sees it.
type AXNode struct {
	Role, Name, Description string
	Level                   int  // a heading's level
	Disabled, Focused       bool // a button that cannot be pressed; the node with the focus
	Live                    string
	Backend                 int64 // the DOM node, to act on it
	Children                []*AXNode
	Parent                  *AXNode
}

// Text is the node's name and its descendants' names, as a screen reader would read them out.
func (n *AXNode) Text() string {
	var parts []string
	var walk func(*AXNode)
	walk = func(m *AXNode) {
		if m.Role == "StaticText" || m.Role == "InlineTextBox" {
			if m.Role == "StaticText" && strings.TrimSpace(m.Name) != "" {
				parts = append(parts, m.Name)
			}
			return
		}
		for _, c := range m.Children {
			walk(c)
		}
	}
	walk(n)
	return strings.Join(parts, " ")
}

// Find returns the nodes under n (n included) for which match is true, in reading order.
func (n *AXNode) Find(match func(*AXNode) bool) []*AXNode {
	var out []*AXNode
	var walk func(*AXNode)
	walk = func(m *AXNode) {
		if match(m) {
			out = append(out, m)
		}
		for _, c := range m.Children {
			walk(c)
		}
	}
	walk(n)
	return out
}

// AXTree reads the page's whole accessibility tree (Accessibility.getFullAXTree), leaving out the
// nodes Chromium marks as ignored (their children are kept).
func AXTree(b *Browser) (*AXNode, error) {
	ctx, cancel := context.WithTimeout(b.ctx, 20*time.Second)
	defer cancel()
	res, err := chromedp.Call(ctx, accessibility.GetFullAXTree, accessibility.GetFullAXTreeParams{})
	if err != nil {
		return nil, err
	}
	str := func(v *accessibility.Value) string {
		if v == nil || len(v.Value) == 0 {
			return ""
		}
		var s any
		if json.Unmarshal(v.Value, &s) != nil {
			return ""
		}
		return fmt.Sprint(s)
	}
	byID := map[accessibility.NodeID]*accessibility.Node{}
	for _, n := range res.Nodes {
		byID[n.NodeID] = n
	}
	var build func(n *accessibility.Node, parent *AXNode) []*AXNode
	build = func(n *accessibility.Node, parent *AXNode) []*AXNode {
		var kids []*AXNode
		if n.Ignored {
			for _, c := range n.ChildIDs {
				if cn := byID[c]; cn != nil {
					kids = append(kids, build(cn, parent)...)
				}
			}
			return kids
		}
		out := &AXNode{Role: str(n.Role), Name: str(n.Name), Description: str(n.Description), Backend: int64(n.BackendDOMNodeID), Parent: parent}
		for _, p := range n.Properties {
			switch p.Name {
			case accessibility.PropertyNameLevel:
				fmt.Sscan(str(p.Value), &out.Level)
			case accessibility.PropertyNameDisabled:
				out.Disabled = str(p.Value) == "true"
			case accessibility.PropertyNameFocused:
				out.Focused = str(p.Value) == "true"
			case accessibility.PropertyNameLive:
				out.Live = str(p.Value)
			}
		}
		for _, c := range n.ChildIDs {
			if cn := byID[c]; cn != nil {
				out.Children = append(out.Children, build(cn, out)...)
			}
		}
		return []*AXNode{out}
	}
	for _, n := range res.Nodes {
		if n.ParentID == "" {
			if roots := build(n, nil); len(roots) == 1 {
				return roots[0], nil
			}
		}
	}
	return nil, fmt.Errorf("the accessibility tree has no root (%d nodes)", len(res.Nodes))
}

// Press moves the keyboard focus to the node's element and presses Enter there, as a screen
// reader user does on a button.
func (b *Browser) Press(n *AXNode) error {
	ctx, cancel := context.WithTimeout(b.ctx, 10*time.Second)
	defer cancel()
	if _, err := chromedp.Call(ctx, dom.Focus, dom.FocusParams{BackendNodeID: cdpBackend(n.Backend)}); err != nil {
		return fmt.Errorf("focusing %s %q: %v", n.Role, n.Name, err)
	}
	b.pace.before()
	defer b.pace.after()
	p, _ := keyDef("Return")
	p.Type = input.DispatchKeyEventTypeKeyDown
	if _, err := chromedp.Call(ctx, input.DispatchKeyEvent, p); err != nil {
		return err
	}
	p.Type, p.Text, p.UnmodifiedText = input.DispatchKeyEventTypeKeyUp, "", ""
	_, err := chromedp.Call(ctx, input.DispatchKeyEvent, p)
	return err
}

// HoldRequests pauses every request whose URL matches pattern (Fetch's wildcards) until release
// is called with what to do with them: nil lets them through; a body answers them with it.
// The page can be looked at while it waits (the game's loading sheet).
func (b *Browser) HoldRequests(pattern string) (release func(body []byte) error, err error) {
	paused := make(chan fetch.RequestID, 16)
	lctx, stop := context.WithCancel(b.ctx)
	err = chromedp.Listen(lctx, func(ev any) {
		if e, ok := ev.(*fetch.EventRequestPaused); ok {
			select {
			case paused <- e.RequestID:
			default:
			}
		}
	})
	if err != nil {
		stop()
		return nil, err
	}
	if _, err := chromedp.Call(b.ctx, fetch.Enable, fetch.EnableParams{Patterns: []*fetch.RequestPattern{{URLPattern: pattern}}}); err != nil {
		stop()
		return nil, err
	}
	return func(body []byte) error {
		defer stop()
		defer chromedp.Call(b.ctx, fetch.Disable, cdp.Empty{})
		select {
		case id := <-paused:
			// Answer from another goroutine: a CDP call cannot be made inside the listener.
			if body == nil {
				_, err := chromedp.Call(b.ctx, fetch.ContinueRequest, fetch.ContinueRequestParams{RequestID: id})
				return err
			}
			_, err := chromedp.Call(b.ctx, fetch.FulfillRequest, fetch.FulfillRequestParams{RequestID: id, ResponseCode: 200, Body: body,
				ResponseHeaders: []*fetch.HeaderEntry{{Name: "Content-Type", Value: "application/wasm"}}})
			return err
		case <-time.After(30 * time.Second):
			return fmt.Errorf("no request for %s was made", pattern)
		}
	}, nil
}

func cdpBackend(id int64) cdp.BackendNodeID { return cdp.BackendNodeID(id) }

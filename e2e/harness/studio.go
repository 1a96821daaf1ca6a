package harness

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"strconv"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
)

// The Studio (web/studio.html) is driven through its test interface,
// window.bigthree.studio, and through the page itself like a teacher would.

// Await evaluates a JavaScript expression whose value may be a promise,
// waits for it (at most timeout) and decodes its JSON-able result into T.
func Await[T any](b *Browser, timeout time.Duration, expr string) (T, error) {
	ctx, cancel := context.WithTimeout(b.ctx, timeout)
	defer cancel()
	out, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		return out, fmt.Errorf("%s: %w", clip(expr, 120), err)
	}
	return out, nil
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

// Diagnostic is one object of `b3 check -json`'s diagnostics.
type Diagnostic struct {
	File     string `json:"file"`
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	Severity string `json:"severity"`
	Code     string `json:"code"`
	Message  string `json:"message"`
}

// StudioReady waits until the Studio has started (its drafts read, its checker asked).
func StudioReady(b *Browser) error {
	deadline := time.Now().Add(30 * time.Second)
	for {
		ok, err := Eval[bool](b, `!!(window.bigthree && window.bigthree.studio && window.bigthree.studio.ready)`)
		if err == nil && ok {
			_, err = Await[bool](b, 30*time.Second, `window.bigthree.studio.ready.then(() => true)`)
			return err
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("the Studio did not start: %v\n%s", err, b.Logs())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// SetStudioBytes gives the Studio a file's bytes under a name, as opening it does.
func SetStudioBytes(b *Browser, name string, data []byte) error {
	expr := fmt.Sprintf(`window.bigthree.studio.setText(Uint8Array.from(atob(%q), (c) => c.charCodeAt(0)), %q).then(() => true)`,
		base64.StdEncoding.EncodeToString(data), name)
	_, err := Await[bool](b, 30*time.Second, expr)
	return err
}

// StudioDiagnostics waits for the checker's final word on the current text.
func StudioDiagnostics(b *Browser) ([]Diagnostic, error) {
	raw, err := Await[string](b, 60*time.Second, `window.bigthree.studio.diagnostics().then((d) => JSON.stringify(d))`)
	if err != nil {
		return nil, err
	}
	var out []Diagnostic
	err = json.Unmarshal([]byte(raw), &out)
	return out, err
}

// CloseDialogs closes the Studio's open dialogs, as pressing Escape would.
func CloseDialogs(b *Browser) error {
	_, err := Eval[bool](b, `(() => { document.querySelectorAll("dialog[open]").forEach((d) => d.close()); return true; })()`)
	return err
}

// ClickSelector clicks the centre of the first element matching a CSS selector.
func ClickSelector(b *Browser, sel string) error {
	r, err := Eval[[]float64](b, fmt.Sprintf(`(() => { const e = document.querySelector(%q); if (!e) return []; e.scrollIntoView({block: "nearest"}); const r = e.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; })()`, sel))
	if err != nil {
		return err
	}
	if len(r) != 2 {
		return fmt.Errorf("nothing on the page matches %s", sel)
	}
	return b.Click(r[0], r[1])
}

// TypeText types text into the focused element, one character at a time,
// as the keyboard would (Enter for a newline, Backspace for \b).
func TypeText(b *Browser, text string) error {
	for _, r := range text {
		if r == '\n' || r == '\b' {
			key, vk, txt := "Enter", int64(13), "\r"
			if r == '\b' {
				key, vk, txt = "Backspace", 8, ""
			}
			for _, t := range []input.DispatchKeyEventType{input.DispatchKeyEventTypeRawKeyDown, input.DispatchKeyEventTypeKeyUp} {
				p := input.DispatchKeyEventParams{Type: t, Key: key, Code: key, WindowsVirtualKeyCode: vk, NativeVirtualKeyCode: vk}
				if t == input.DispatchKeyEventTypeRawKeyDown && txt != "" {
					p.Type, p.Text = input.DispatchKeyEventTypeKeyDown, txt
				}
				if _, err := chromedp.Call(b.ctx, input.DispatchKeyEvent, p); err != nil {
					return err
				}
			}
			continue
		}
		if _, err := chromedp.Call(b.ctx, input.InsertText, input.InsertTextParams{Text: string(r)}); err != nil {
			return err
		}
	}
	return nil
}

// Frame is the game inside the Studio's Try it pane, as a Driver: its state
// hook is the frame's, its clicks land inside the frame, and keys go to the
// game once its canvas has the focus (FocusFrame).
type Frame struct {
	*Browser
	Selector string // the iframe, e.g. "#play-frame"
}

func (f *Frame) win() string {
	return fmt.Sprintf(`document.querySelector(%q).contentWindow`, f.Selector)
}

// State implements Driver with the frame's window.bigthree.state().
func (f *Frame) State() (State, bool, error) {
	raw, err := Eval[string](f.Browser, `(() => { const w = `+f.win()+`; const b = w && w.bigthree;
	  if (!b || typeof b.state !== "function") return "";
	  const s = b.state(); if (s === null || s === undefined) return "";
	  return typeof s === "string" ? s : JSON.stringify(s); })()`)
	if err != nil || raw == "" {
		return State{}, false, err
	}
	s, err := ParseState([]byte(raw))
	return s, err == nil, err
}

// Click implements Driver: x, y are the game's window pixels.
func (f *Frame) Click(x, y float64) error {
	r, err := Eval[[]float64](f.Browser, fmt.Sprintf(`(() => { const r = document.querySelector(%q).getBoundingClientRect(); return [r.x, r.y]; })()`, f.Selector))
	if err != nil || len(r) != 2 {
		return fmt.Errorf("no frame %s: %v", f.Selector, err)
	}
	return f.Browser.Click(r[0]+x, r[1]+y)
}

// FocusFrame gives the keyboard to the game in the frame.
func (f *Frame) FocusFrame() error {
	_, err := Eval[bool](f.Browser, `(() => { const fr = document.querySelector(`+strconv.Quote(f.Selector)+`); fr.focus();
	  const c = fr.contentDocument.querySelector("canvas"); if (c) c.focus(); return true; })()`)
	return err
}

// Alive implements Driver: the game's page in the frame has not stopped.
func (f *Frame) Alive() error {
	st, err := Eval[string](f.Browser, `(() => { const w = `+f.win()+`; return (w && w.bigthreePage && w.bigthreePage.status) || ""; })()`)
	if err == nil && (st == "stopped" || st == "no-webgl2") {
		return fmt.Errorf("the game in the Try it pane says %s", st)
	}
	return nil
}

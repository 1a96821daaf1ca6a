package layout

// Transition counts the ticks of a short animation such as a scene change.
// It counts ticks, not wall-clock time, so runs are replayable.
type Transition struct {
	Tick, Len int
}

// Start begins a transition of n ticks; n <= 0 (reduced motion) finishes it at once.
func (t *Transition) Start(n int) {
	t.Tick, t.Len = 0, max(n, 0)
}

// Active reports whether the transition is still running.
func (t *Transition) Active() bool { return t.Tick < t.Len }

// Step advances the transition by one tick and reports whether it was running.
func (t *Transition) Step() bool {
	if t.Tick >= t.Len {
		return false
	}
	t.Tick++
	return true
}

// Progress returns how far the transition has come, eased, from 0 to 1.
func (t *Transition) Progress() float64 {
	if t.Len <= 0 || t.Tick >= t.Len {
		return 1
	}
	return Ease(float64(t.Tick) / float64(t.Len))
}

// Ease is a smoothstep: slow at both ends.
func Ease(x float64) float64 {
	x = Clamp(x, 0, 1)
	return x * x * (3 - 2*x)
}

// Lerp returns the value a fraction p of the way from a to b.
func Lerp(a, b, p float64) float64 { return a + (b-a)*p }

// TransitionTicks is the length of a scene change: about a quarter second.
const TransitionTicks = 15

package check

import (
	"encoding/binary"

	"bigthree/internal/rules"
	"bigthree/internal/scenario"
)

// codec packs the part of a run's state that decides its future into a
// fixed number of bytes: where the story is, the meters (as offsets from
// their minimum) and the flags and fired triggers as bits. Every ending is
// one state, whatever the meters: nothing follows it.
type codec struct {
	events   int
	posWidth int
	meterMin []int
	meterW   []int
	flags    int
	fired    int
	width    int
}

func newCodec(s *scenario.Scenario) *codec {
	c := &codec{events: len(s.Events), flags: len(s.Flags), fired: len(s.Triggers)}
	c.posWidth = byteWidth(uint64(len(s.Events) + len(s.Endings)))
	c.width = c.posWidth
	for _, m := range s.Meters {
		w := byteWidth(uint64(int64(m.Max)-int64(m.Min)) + 1)
		c.meterMin = append(c.meterMin, m.Min)
		c.meterW = append(c.meterW, w)
		c.width += w
	}
	c.width += (c.flags + c.fired + 7) / 8
	return c
}

// byteWidth is the number of bytes that hold every value below n.
func byteWidth(n uint64) int {
	switch {
	case n <= 1<<8:
		return 1
	case n <= 1<<16:
		return 2
	case n <= 1<<32:
		return 4
	}
	return 8
}

func putUint(dst []byte, w int, v uint64) {
	switch w {
	case 1:
		dst[0] = byte(v)
	case 2:
		binary.LittleEndian.PutUint16(dst, uint16(v))
	case 4:
		binary.LittleEndian.PutUint32(dst, uint32(v))
	default:
		binary.LittleEndian.PutUint64(dst, v)
	}
}

func getUint(src []byte, w int) uint64 {
	switch w {
	case 1:
		return uint64(src[0])
	case 2:
		return uint64(binary.LittleEndian.Uint16(src))
	case 4:
		return uint64(binary.LittleEndian.Uint32(src))
	}
	return binary.LittleEndian.Uint64(src)
}

// encode writes sn into dst, which has c.width bytes.
func (c *codec) encode(dst []byte, sn *rules.Snapshot) {
	clear(dst)
	if sn.Ending >= 0 {
		putUint(dst, c.posWidth, uint64(c.events+sn.Ending))
		return
	}
	putUint(dst, c.posWidth, uint64(sn.Event))
	at := c.posWidth
	for i, v := range sn.Meters {
		putUint(dst[at:], c.meterW[i], uint64(int64(v)-int64(c.meterMin[i])))
		at += c.meterW[i]
	}
	for i, on := range sn.Flags {
		if on {
			dst[at+i/8] |= 1 << (i % 8)
		}
	}
	for i, on := range sn.Fired {
		if on {
			j := c.flags + i
			dst[at+j/8] |= 1 << (j % 8)
		}
	}
}

// decode is the inverse of encode; sn's slices must have the scenario's lengths.
func (c *codec) decode(src []byte, sn *rules.Snapshot) {
	pos := int(getUint(src, c.posWidth))
	if pos >= c.events {
		sn.Event, sn.Ending = -1, pos-c.events
		clear(sn.Meters)
		clear(sn.Flags)
		clear(sn.Fired)
		return
	}
	sn.Event, sn.Ending = pos, -1
	at := c.posWidth
	for i := range sn.Meters {
		sn.Meters[i] = int(int64(getUint(src[at:], c.meterW[i])) + int64(c.meterMin[i]))
		at += c.meterW[i]
	}
	for i := range sn.Flags {
		sn.Flags[i] = src[at+i/8]>>(i%8)&1 == 1
	}
	for i := range sn.Fired {
		j := c.flags + i
		sn.Fired[i] = src[at+j/8]>>(j%8)&1 == 1
	}
}

// stateSet holds states as fixed-width records, numbered in the order they
// were added, with an open-addressing index over them.
type stateSet struct {
	width int
	data  []byte
	slots []int32 // state number + 1; 0 is empty
	n     int
}

func (t *stateSet) key(id int) []byte { return t.data[id*t.width : (id+1)*t.width] }

func hashKey(b []byte) uint64 {
	h := uint64(14695981039346656037)
	for len(b) >= 8 {
		h = (h ^ binary.LittleEndian.Uint64(b)) * 0x100000001b3
		h ^= h >> 29
		b = b[8:]
	}
	for _, x := range b {
		h = (h ^ uint64(x)) * 0x100000001b3
	}
	h ^= h >> 32
	return h * 0x9e3779b97f4a7c15
}

// intern returns the number of the state key, adding it when it is new.
func (t *stateSet) intern(key []byte) (id int, fresh bool) {
	if 2*(t.n+1) > len(t.slots) {
		t.grow()
	}
	mask := uint64(len(t.slots) - 1)
	for i := hashKey(key) & mask; ; i = (i + 1) & mask {
		s := t.slots[i]
		if s == 0 {
			t.slots[i] = int32(t.n + 1)
			t.data = append(t.data, key...)
			t.n++
			return t.n - 1, true
		}
		if string(t.key(int(s-1))) == string(key) {
			return int(s - 1), false
		}
	}
}

func (t *stateSet) grow() {
	size := max(1024, 2*len(t.slots))
	t.slots = make([]int32, size)
	mask := uint64(size - 1)
	for id := 0; id < t.n; id++ {
		i := hashKey(t.key(id)) & mask
		for t.slots[i] != 0 {
			i = (i + 1) & mask
		}
		t.slots[i] = int32(id + 1)
	}
}

// stateBytes estimates the memory one state costs the walk: its record,
// its share of the index, and its links both ways (about three replies a
// state), so that MemoryLimit can be turned into a number of states.
func stateBytes(width int) int { return width + 56 }

// heldBytes is the memory the walk holds, and will hold to find the loops,
// for its states and links: the records and their index, each link twice
// (forwards, and backwards later), and the per-state tables of the search.
func heldBytes(set *stateSet, links int) int {
	return len(set.data) + 4*len(set.slots) + 8*links + 26*set.n
}

// walk walks the whole state graph breadth first, recording what each
// state shows. It returns false when the graph has more states than the
// limit; what it saw until then is kept (all of it is true of some path).
func (ex *explorer) walk() bool {
	s, rep, r := ex.s, ex.rep, ex.r
	c := newCodec(s)
	limit := ex.opts.MaxStates
	if byMem := MemoryLimit / stateBytes(c.width); byMem < limit {
		limit, rep.WalkCut = byMem, CutByMemory
	}
	rep.StateLimit = limit
	set := &stateSet{width: c.width}
	newSnap := func() rules.Snapshot {
		return rules.Snapshot{Meters: make([]int, len(s.Meters)), Flags: make([]bool, len(s.Flags)), Fired: make([]bool, len(s.Triggers))}
	}
	cur, next := newSnap(), newSnap()
	key := make([]byte, c.width)
	r.Reset()
	r.Snapshot(&next)
	c.encode(key, &next)
	set.intern(key)
	first := []int32{0} // state u's successors are succ[first[u]:first[u+1]]
	var succ []int32
	steps := 0
	for u := 0; u < set.n; u++ {
		c.decode(set.key(u), &cur)
		r.Restore(&cur)
		ex.opt = r.Options(ex.opt)
		ex.visit(r, ex.opt)
		if !r.Over() {
			restore := false
			for _, o := range ex.opt {
				if o.Locked {
					continue
				}
				if restore {
					r.Restore(&cur)
				}
				restore = true
				if steps++; steps > WalkWork {
					rep.States, rep.StateLimit, rep.WalkCut = set.n, set.n, CutByWork
					return false
				}
				if err := r.ChooseIndex(o.Index); err != nil {
					continue
				}
				r.Snapshot(&next)
				c.encode(key, &next)
				v, fresh := set.intern(key)
				if fresh && set.n > limit {
					rep.States = limit
					return false
				}
				succ = append(succ, int32(v))
				if fresh && heldBytes(set, len(succ)) > MemoryLimit {
					// Many replies a state: the links, not the states,
					// fill the memory first.
					rep.States, rep.StateLimit, rep.WalkCut = set.n-1, set.n-1, CutByMemory
					return false
				}
			}
		}
		first = append(first, int32(len(succ)))
	}
	rep.States = set.n
	ex.stuck(set, c, first, succ)
	return true
}

// stuck finds the states from which no ending can be reached, and reports
// the loops themselves rather than every state that leads into them: the
// bottom components of the graph of stuck states, one state per event.
func (ex *explorer) stuck(set *stateSet, c *codec, first, succ []int32) {
	n := set.n
	var sn rules.Snapshot
	canEnd := make([]bool, n)
	var stack []int32
	for u := 0; u < n; u++ {
		if int(getUint(set.key(u), c.posWidth)) >= c.events {
			canEnd[u] = true
			stack = append(stack, int32(u))
		}
	}
	// Predecessor lists, in the same packed form as the successors.
	pfirst := make([]int32, n+1)
	for _, v := range succ {
		pfirst[v+1]++
	}
	for u := 0; u < n; u++ {
		pfirst[u+1] += pfirst[u]
	}
	pred := make([]int32, len(succ))
	fill := make([]int32, n)
	copy(fill, pfirst[:n])
	for u := 0; u < n; u++ {
		for _, v := range succ[first[u]:first[u+1]] {
			pred[fill[v]] = int32(u)
			fill[v]++
		}
	}
	for len(stack) > 0 {
		v := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, u := range pred[pfirst[v]:pfirst[v+1]] {
			if !canEnd[u] {
				canEnd[u] = true
				stack = append(stack, u)
			}
		}
	}
	anyStuck := false
	for _, ok := range canEnd {
		if !ok {
			anyStuck = true
			break
		}
	}
	if !anyStuck {
		return
	}
	// Successors of a stuck state are stuck too, so every component of the
	// stuck states that has no edge to another component is a loop.
	comp := components(n, first, succ, func(u int32) bool { return !canEnd[u] })
	bottom := map[int32]bool{}
	for u := 0; u < n; u++ {
		if !canEnd[u] {
			if _, ok := bottom[comp[u]]; !ok {
				bottom[comp[u]] = true
			}
			for _, v := range succ[first[u]:first[u+1]] {
				if comp[v] != comp[u] {
					bottom[comp[u]] = false
				}
			}
		}
	}
	s := ex.s
	seen := make([]bool, len(s.Events))
	for u := 0; u < n; u++ {
		if canEnd[u] || !bottom[comp[u]] {
			continue
		}
		sn = rules.Snapshot{Meters: make([]int, len(s.Meters)), Flags: make([]bool, len(s.Flags)), Fired: make([]bool, len(s.Triggers))}
		c.decode(set.key(u), &sn)
		if !seen[sn.Event] {
			seen[sn.Event] = true
			ex.rep.Stuck = append(ex.rep.Stuck, StuckState{Event: sn.Event, Meters: sn.Meters, Flags: sn.Flags})
		}
	}
}

// components numbers the strongly connected components of the graph of the
// nodes for which keep holds (Tarjan's algorithm, without recursion, so a
// graph of millions of states cannot overflow the stack). Nodes left out
// get -1.
func components(n int, first, succ []int32, keep func(int32) bool) []int32 {
	const unvisited = -1
	index := make([]int32, n)
	low := make([]int32, n)
	comp := make([]int32, n)
	onStack := make([]bool, n)
	for i := range index {
		index[i], comp[i] = unvisited, -1
	}
	type frame struct{ u, edge int32 }
	var calls []frame
	var stack []int32
	var next, ncomp int32
	for root := int32(0); root < int32(n); root++ {
		if index[root] != unvisited || !keep(root) {
			continue
		}
		calls = append(calls, frame{root, first[root]})
		index[root], low[root] = next, next
		next++
		stack = append(stack, root)
		onStack[root] = true
		for len(calls) > 0 {
			f := &calls[len(calls)-1]
			u := f.u
			if f.edge < first[u+1] {
				v := succ[f.edge]
				f.edge++
				if !keep(v) {
					continue
				}
				if index[v] == unvisited {
					index[v], low[v] = next, next
					next++
					stack = append(stack, v)
					onStack[v] = true
					calls = append(calls, frame{v, first[v]})
				} else if onStack[v] {
					low[u] = min(low[u], index[v])
				}
				continue
			}
			if low[u] == index[u] {
				for {
					v := stack[len(stack)-1]
					stack = stack[:len(stack)-1]
					onStack[v] = false
					comp[v] = ncomp
					if v == u {
						break
					}
				}
				ncomp++
			}
			calls = calls[:len(calls)-1]
			if len(calls) > 0 {
				p := calls[len(calls)-1].u
				low[p] = min(low[p], low[u])
			}
		}
	}
	return comp
}

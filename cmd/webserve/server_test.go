package main

import (
	"bufio"
	"errors"
	"fmt"
	"go/version"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
)

// startServer runs srv on a loopback port until the test ends.
func startServer(t *testing.T, srv *http.Server) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return ln.Addr().String()
}

// readUntilClosed reads the connection until the server closes it. The deadline is a safety net
// for a server that never does: reaching it is the failure.
func readUntilClosed(t *testing.T, conn net.Conn, what string) []byte {
	t.Helper()
	conn.SetReadDeadline(time.Now().Add(time.Minute))
	data, err := io.ReadAll(conn)
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		t.Fatalf("%s: the connection is still open after a minute", what)
	}
	return data
}

func TestHalfSentRequestIsClosed(t *testing.T) {
	srv := newServer(testHandler(t, testDir(t)))
	srv.ReadHeaderTimeout = 50 * time.Millisecond // the test's short timeout; the real one is 10 s
	addr := startServer(t, srv)
	for _, partial := range []string{
		"",
		"GET / HT",
		"GET / HTTP/1.1\r\n",
		"GET / HTTP/1.1\r\nHost: localhost\r\nUser-Agent: slow",
		"GET / HTTP/1.1\r\nHost: localhost\r\nUser-Agent: slow\r\n",
	} {
		conn, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.WriteString(conn, partial); err != nil {
			t.Fatal(err)
		}
		data := readUntilClosed(t, conn, fmt.Sprintf("after %q", partial))
		conn.Close()
		if strings.Contains(string(data), "200 OK") {
			t.Errorf("after %q: the server answered %q", partial, data)
		}
	}
}

func TestIdleConnectionIsClosed(t *testing.T) {
	srv := newServer(testHandler(t, testDir(t)))
	srv.IdleTimeout = 50 * time.Millisecond
	addr := startServer(t, srv)
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	io.WriteString(conn, "GET /wasm_exec.js HTTP/1.1\r\nHost: localhost\r\n\r\n")
	r := bufio.NewReader(conn)
	resp, err := http.ReadResponse(r, nil)
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("status %d", resp.StatusCode)
	}
	conn.SetReadDeadline(time.Now().Add(time.Minute))
	if _, err := r.ReadByte(); err != io.EOF {
		t.Errorf("after an answer and no further request: %v, want the server to close (EOF)", err)
	}
}

// A client that asks for a large file and stops reading is cut off at the write timeout.
func TestStalledReaderIsCutOff(t *testing.T) {
	dir := testDir(t)
	size := 64 << 20 // more than the socket buffers of the loopback hold
	write(t, filepath.Join(dir, "large.bin"), strings.Repeat("x", size))
	srv := newServer(testHandler(t, dir))
	srv.WriteTimeout = 50 * time.Millisecond
	closed := make(chan struct{})
	srv.ConnState = func(_ net.Conn, state http.ConnState) {
		if state == http.StateClosed {
			close(closed)
		}
	}
	addr := startServer(t, srv)
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	io.WriteString(conn, "GET /large.bin HTTP/1.1\r\nHost: localhost\r\n\r\n")
	select {
	case <-closed:
	case <-time.After(time.Minute): // a safety net, not a measure
		t.Fatal("the server still writes to a client that stopped reading, after a minute")
	}
	if data := readUntilClosed(t, conn, "a stalled reader"); len(data) >= size {
		t.Errorf("the stalled reader got %d bytes, the whole file", len(data))
	}
}

func TestServerLimits(t *testing.T) {
	srv := newServer(http.NotFoundHandler())
	limits := []struct {
		name     string
		got, max time.Duration
	}{
		{"ReadHeaderTimeout", srv.ReadHeaderTimeout, 30 * time.Second},
		{"ReadTimeout", srv.ReadTimeout, time.Minute},
		{"WriteTimeout", srv.WriteTimeout, 10 * time.Minute},
		{"IdleTimeout", srv.IdleTimeout, 2 * time.Minute},
	}
	for _, l := range limits {
		if l.got <= 0 || l.got > l.max {
			t.Errorf("%s is %s, want more than 0 and at most %s", l.name, l.got, l.max)
		}
	}
	// The WebAssembly must get through a slow classroom network.
	if srv.WriteTimeout < time.Minute {
		t.Errorf("WriteTimeout is %s, want at least a minute", srv.WriteTimeout)
	}
	if srv.MaxHeaderBytes <= 0 || srv.MaxHeaderBytes > 64<<10 {
		t.Errorf("MaxHeaderBytes is %d, want more than 0 and at most 64 KB", srv.MaxHeaderBytes)
	}
	addr := startServer(t, newServer(testHandler(t, testDir(t))))
	for _, tt := range []struct {
		header     int
		wantStatus string
	}{{4 << 10, "200"}, {100 << 10, "431"}} {
		conn, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(conn, "GET / HTTP/1.1\r\nHost: localhost\r\nCookie: %s\r\nConnection: close\r\n\r\n", strings.Repeat("c", tt.header))
		line, _ := bufio.NewReader(conn).ReadString('\n')
		conn.Close()
		if !strings.HasPrefix(line, "HTTP/1.1 "+tt.wantStatus) {
			t.Errorf("a request with %d KB of headers: %q, want %s", tt.header>>10, line, tt.wantStatus)
		}
	}
}

// The tests, and so the server CI builds, run on go.mod's toolchain, not an older local Go
// (as on a machine whose go env says GOTOOLCHAIN=local); and webserve's own check agrees.
func TestToolchain(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	var toolchain string
	for line := range strings.SplitSeq(string(data), "\n") {
		if v, ok := strings.CutPrefix(strings.TrimSpace(line), "toolchain "); ok {
			toolchain = strings.TrimSpace(v)
		}
	}
	if toolchain != minGo {
		t.Errorf("go.mod's toolchain line says %q, webserve's minGo %q: make them the same", toolchain, minGo)
	}
	if v := runtime.Version(); version.IsValid(v) && version.Compare(v, minGo) < 0 {
		t.Errorf("built with %s, older than go.mod's toolchain %s: set GOTOOLCHAIN=auto (scripts/test does)", v, minGo)
	}
	tests := []struct {
		version string
		warns   bool
	}{
		{"go1.26.8", true},
		{"go1.26.10", true},
		{"go1.25.5", true},
		{minGo, false},
		{"go1.26.12", false},
		{"go1.27.0", false},
		{"go1.27rc1", false},
		{"devel go1.27-abcdef", false},
	}
	for _, tt := range tests {
		msg := toolchainWarning(tt.version)
		if (msg != "") != tt.warns || tt.warns && !strings.Contains(msg, tt.version) {
			t.Errorf("toolchainWarning(%q) = %q; want a warning naming it: %v", tt.version, msg, tt.warns)
		}
	}
}

func TestAddresses(t *testing.T) {
	ifaces := []net.Addr{
		&net.IPNet{IP: net.IPv4(127, 0, 0, 1), Mask: net.CIDRMask(8, 32)},
		&net.IPNet{IP: net.IPv4(192, 168, 1, 20), Mask: net.CIDRMask(24, 32)},
		&net.IPNet{IP: net.IPv4(169, 254, 3, 4), Mask: net.CIDRMask(16, 32)},
		&net.IPNet{IP: net.ParseIP("fe80::1"), Mask: net.CIDRMask(64, 128)},
		&net.IPNet{IP: net.IPv4(10, 0, 0, 5), Mask: net.CIDRMask(8, 32)},
	}
	tests := []struct {
		addr        net.Addr
		display     string
		fromNetwork []string
	}{
		{&net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 8080}, "127.0.0.1:8080", nil},
		{&net.TCPAddr{IP: net.IPv6unspecified, Port: 8080}, "localhost:8080", []string{"http://192.168.1.20:8080/", "http://10.0.0.5:8080/"}},
		{&net.TCPAddr{IP: net.IPv4zero, Port: 80}, "localhost:80", []string{"http://192.168.1.20:80/", "http://10.0.0.5:80/"}},
		{&net.TCPAddr{IP: net.IPv4(192, 168, 1, 20), Port: 8080}, "192.168.1.20:8080", nil},
	}
	for _, tt := range tests {
		if got := displayAddr(tt.addr); got != tt.display {
			t.Errorf("displayAddr(%s) = %q, want %q", tt.addr, got, tt.display)
		}
		if got := networkURLs(tt.addr, ifaces); !slices.Equal(got, tt.fromNetwork) {
			t.Errorf("networkURLs(%s) = %q, want %q", tt.addr, got, tt.fromNetwork)
		}
	}
}

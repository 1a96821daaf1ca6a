package main

import (
	"fmt"
	"go/version"
	"net"
	"net/http"
	"time"
)

// newServer wraps the handler in a server whose timeouts free the connections of clients that
// send slowly, stop reading, or stay idle (slowloris), so a few such clients cannot use up the
// connections and file descriptors that a class needs.
func newServer(h http.Handler) *http.Server {
	return &http.Server{
		Handler: h,
		// A browser sends its request headers in one go: 10 s is generous even on poor Wi-Fi.
		ReadHeaderTimeout: 10 * time.Second,
		// The requests served (GET, HEAD) have no body.
		ReadTimeout: 30 * time.Second,
		// From the end of the request to the last byte of the answer: the WebAssembly (about
		// 5 MB gzipped) over a school network shared by a class can take minutes.
		WriteTimeout: 5 * time.Minute,
		// Between requests on a kept-alive connection.
		IdleTimeout: 60 * time.Second,
		// Browsers send a few kilobytes of headers; the default allows a megabyte.
		MaxHeaderBytes: 16 << 10,
	}
}

// minGo is the oldest Go release whose standard library lacks the vulnerabilities that the
// server reaches (among them, before go1.26.9, no limit on the ranges of a Range header). It is
// go.mod's toolchain line; a test keeps the two equal.
const minGo = "go1.26.11"

// toolchainWarning says what is wrong when the server was built with a Go release older than
// minGo, as `go run` does on a machine whose go env says GOTOOLCHAIN=local.
func toolchainWarning(goVersion string) string {
	if !version.IsValid(goVersion) || version.Compare(goVersion, minGo) >= 0 {
		return "" // a development build, or recent enough
	}
	return fmt.Sprintf("webserve: warning: built with %s, which has known vulnerabilities in its web server; "+
		"build it with %s or later: run `go env -w GOTOOLCHAIN=auto` once (Go then fetches the release go.mod asks for), then start webserve again", goVersion, minGo)
}

// displayAddr turns a listening address into one a browser on this computer can open.
func displayAddr(a net.Addr) string {
	host, port, err := net.SplitHostPort(a.String())
	if err != nil {
		return a.String()
	}
	if ip := net.ParseIP(host); ip == nil || ip.IsUnspecified() {
		host = "localhost"
	}
	return net.JoinHostPort(host, port)
}

// networkURLs lists the addresses other computers can open when the server listens on every
// interface (-addr :8080): one per IPv4 address of this computer that is not a loopback one.
func networkURLs(a net.Addr, ifaceAddrs []net.Addr) []string {
	host, port, err := net.SplitHostPort(a.String())
	if err != nil {
		return nil
	}
	if ip := net.ParseIP(host); ip == nil || !ip.IsUnspecified() {
		return nil
	}
	var urls []string
	for _, ia := range ifaceAddrs {
		ipnet, ok := ia.(*net.IPNet)
		if !ok || ipnet.IP.To4() == nil || ipnet.IP.IsLoopback() || ipnet.IP.IsLinkLocalUnicast() {
			continue
		}
		urls = append(urls, "http://"+net.JoinHostPort(ipnet.IP.String(), port)+"/")
	}
	return urls
}

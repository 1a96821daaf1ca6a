// Command webserve serves the browser version of bigthree (the folder scripts/build-web writes) on
// a local address, so it can be played or tested without any other web server:
//
//	go run ./cmd/webserve [-addr 127.0.0.1:8080] [dir]
//
// The folder defaults to build/web. Only that folder's regular files are served: no folder
// listings, no names that begin with a dot, nothing a link leads to outside it. Any static web
// host serves the same folder just as well.
package main

import (
	"flag"
	"fmt"
	"log"
	"net"
	"os"
	"runtime"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on (use :8080 to let other computers in the room connect)")
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "usage: webserve [-addr host:port] [dir]\n\nServes dir (default build/web, made by scripts/build-web) over HTTP.\n\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	dir := "build/web"
	switch flag.NArg() {
	case 0:
	case 1:
		dir = flag.Arg(0)
	default:
		flag.Usage()
		os.Exit(2)
	}
	if msg := toolchainWarning(runtime.Version()); msg != "" {
		log.Print(msg)
	}
	h, err := newHandler(dir)
	if err != nil {
		log.Fatal(err)
	}
	if _, err := h.root.Stat("index.html"); err != nil {
		log.Fatalf("%s has no index.html: build the browser version first with scripts/build-web", dir)
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("Serving %s at http://%s/ (Ctrl+C to stop)\n", dir, displayAddr(ln.Addr()))
	if ifaces, err := net.InterfaceAddrs(); err == nil {
		for _, u := range networkURLs(ln.Addr(), ifaces) {
			fmt.Printf("Other computers on the network can open %s\n", u)
		}
	}
	log.Fatal(newServer(h).Serve(ln))
}

// Command ferretdb runs FerretDB (MongoDB wire protocol) on SQLite files for
// local development, without Docker.
//
// It embeds FerretDB's public Go API instead of building FerretDB's own
// cmd/ferretdb, which panics at start-up unless a generated
// build/version/version.txt is present (it is not in the module zip).
// The embedded API has no telemetry reporter and marks telemetry as disabled,
// so FerretDB never tries the network.
//
// Clients do not talk to FerretDB directly but through a small proxy that
// makes writes atomic with respect to each other; see serialize.go for why.
package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/url"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
)

// env returns the environment variable key, or def when it is unset or empty,
// so that every flag can also be set from the environment.
func env(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

func main() {
	listen := flag.String("listen-addr", env("FERRETDB_LISTEN_ADDR", "127.0.0.1:27117"), "TCP address to listen on [FERRETDB_LISTEN_ADDR]")
	dir := flag.String("sqlite-dir", env("FERRETDB_SQLITE_DIR", "./data/"), "directory for the SQLite files, one per database [FERRETDB_SQLITE_DIR]")
	level := flag.String("log-level", env("FERRETDB_LOG_LEVEL", "info"), "debug, info, warn or error [FERRETDB_LOG_LEVEL]")
	internal := flag.String("internal-addr", env("FERRETDB_INTERNAL_ADDR", ""), "TCP address for FerretDB itself, behind the proxy; empty: a private Unix socket (set it only to bypass the proxy for debugging) [FERRETDB_INTERNAL_ADDR]")
	flag.Parse()

	var lvl slog.Level
	if err := lvl.UnmarshalText([]byte(*level)); err != nil {
		fail("bad log level", err)
	}
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: lvl}))

	if err := run(logger, *listen, *dir, *internal); err != nil {
		fail("ferretdb failed", err)
	}
	logger.Info("ferretdb stopped")
}

// run serves until SIGTERM/SIGINT: FerretDB on a private address, and the
// serialising proxy (serialize.go) on the public one.
func run(logger *slog.Logger, listen, dir, internal string) error {
	// FerretDB wants a "file:" URI naming an existing directory, with a
	// trailing slash; an absolute path keeps it independent of the cwd.
	abs, err := filepath.Abs(dir)
	if err != nil {
		return fmt.Errorf("bad sqlite dir: %w", err)
	}
	if err = os.MkdirAll(abs, 0o755); err != nil {
		return fmt.Errorf("cannot create sqlite dir: %w", err)
	}
	sqliteURL := (&url.URL{Scheme: "file", Path: abs + "/"}).String() // escapes odd characters

	// Bind the public address first: a busy port fails fast, and clients
	// that connect early wait in the backlog until FerretDB is up.
	ln, err := net.Listen("tcp", listen)
	if err != nil {
		return err
	}
	defer ln.Close()

	// FerretDB itself listens where only the proxy finds it: a Unix socket
	// in a fresh 0700 directory, unless -internal-addr asks for TCP.
	lc := ferretdb.ListenerConfig{TCP: internal}
	if internal == "" {
		sockDir, err := os.MkdirTemp("", "ferretdb-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(sockDir)
		lc.Unix = filepath.Join(sockDir, "ferretdb.sock")
		if len(lc.Unix) > 100 { // Linux's limit is 107 bytes; a long $TMPDIR would not fit
			lc = ferretdb.ListenerConfig{TCP: "127.0.0.1:0"}
		}
	}

	// New already opens the SQLite backend and binds the listener.
	logger.Info("ferretdb starting", "listen", listen, "internal", lc.TCP+lc.Unix, "sqlite", sqliteURL)
	f, err := ferretdb.New(&ferretdb.Config{
		Listener:  lc,
		Logger:    logger,
		Handler:   "sqlite",
		SQLiteURL: sqliteURL,
	})
	if err != nil {
		return fmt.Errorf("cannot start ferretdb: %w", err)
	}
	upNet, upAddr := "unix", lc.Unix
	if lc.Unix == "" {
		u, err := url.Parse(f.MongoDBURI()) // the real port if it was 0
		if err != nil {
			return err
		}
		upNet, upAddr = "tcp", u.Host
		logger.Info("ferretdb internal address (clients connecting here bypass the proxy)", "addr", upAddr)
	}

	// SIGTERM/SIGINT cancel the context; then the proxy closes its listener
	// and connections, and FerretDB's Run closes its listener, the client
	// connections and the SQLite files before returning.
	sigCtx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, syscall.SIGINT)
	go func() {
		<-sigCtx.Done()
		stop() // a second signal kills the process at once if shutdown hangs
	}()
	ctx, cancel := context.WithCancel(sigCtx) // also: one side stopping stops the other
	defer cancel()

	done := make(chan struct{})
	go func() {
		defer close(done)
		defer cancel()
		_ = f.Run(ctx) // always nil
	}()

	newSerializingProxy(ln, upNet, upAddr, logger).serve(ctx)
	cancel()
	<-done
	return nil
}

func fail(msg string, err error) {
	slog.Error(msg, "error", err)
	os.Exit(1)
}

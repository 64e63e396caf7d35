// Command ferretdb runs FerretDB (MongoDB wire protocol) on SQLite files for
// local development, without Docker.
//
// It embeds FerretDB's public Go API instead of building FerretDB's own
// cmd/ferretdb, which panics at start-up unless a generated
// build/version/version.txt is present (it is not in the module zip).
// The embedded API has no telemetry reporter and marks telemetry as disabled,
// so FerretDB never tries the network.
package main

import (
	"context"
	"flag"
	"log/slog"
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
	flag.Parse()

	var lvl slog.Level
	if err := lvl.UnmarshalText([]byte(*level)); err != nil {
		fail("bad log level", err)
	}
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: lvl}))

	// FerretDB wants a "file:" URI naming an existing directory, with a
	// trailing slash; an absolute path keeps it independent of the cwd.
	abs, err := filepath.Abs(*dir)
	if err != nil {
		fail("bad sqlite dir", err)
	}
	if err = os.MkdirAll(abs, 0o755); err != nil {
		fail("cannot create sqlite dir", err)
	}
	sqliteURL := (&url.URL{Scheme: "file", Path: abs + "/"}).String() // escapes odd characters

	// New already opens the SQLite backend and binds the listener.
	logger.Info("ferretdb starting", "listen", *listen, "sqlite", sqliteURL)
	f, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: *listen},
		Logger:    logger,
		Handler:   "sqlite",
		SQLiteURL: sqliteURL,
	})
	if err != nil {
		fail("cannot start ferretdb", err)
	}

	// SIGTERM/SIGINT cancel the context; Run then closes the listener, the
	// client connections and the SQLite files before returning.
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, syscall.SIGINT)
	go func() {
		<-ctx.Done()
		stop() // a second signal kills the process at once if shutdown hangs
	}()

	if err = f.Run(ctx); err != nil {
		fail("ferretdb stopped with an error", err)
	}
	logger.Info("ferretdb stopped")
}

func fail(msg string, err error) {
	slog.Error(msg, "error", err)
	os.Exit(1)
}

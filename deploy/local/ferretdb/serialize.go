package main

// Why this proxy exists
//
// FerretDB 1.24's SQLite backend does not apply a filtered update atomically:
// update, findAndModify and delete read the matching documents, change them in
// Go and write them back without re-checking the filter. Two clients running
//
//	updateOne({_id: "r", status: "queued", version: 1}, {$set: {status: "x", version: 2}})
//
// at the same time therefore both see modifiedCount 1 (measured: 30 of 30
// trials with 5 concurrent writers), and 200 concurrent {$inc: {n: 1}} end
// with n far below 200. The platform relies on compare-and-set on
// {status, version}, where exactly one concurrent writer must win.
//
// So FerretDB listens only on a private address, and a small wire-protocol
// proxy on the public address forwards every client connection to it, holding
// one process-wide mutex while a write command is with the server. Writes
// are thus applied one at a time; reads (find, aggregate, getMore, hello,
// handshakes) are never blocked. Real MongoDB applies every single-document
// write atomically and needs none of this; it is a local/CI workaround only.
//
// The proxy handles each connection synchronously, one request and its reply
// at a time, which is how drivers use a pooled connection anyway. It parses
// only the message header and the first key of an OP_MSG's body document.

import (
	"bufio"
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"strings"
	"sync"
	"time"
)

const (
	// maxMessageLen is MongoDB's maxMessageSizeBytes, which FerretDB also
	// advertises in hello; anything larger is treated as malformed.
	maxMessageLen = 48_000_000
	headerLen     = 16 // messageLength, requestID, responseTo, opCode: int32 LE each

	opCompressed = 2012
	opMsg        = 2013

	flagChecksumPresent = 1 << 0 // OP_MSG flagBits: 4-byte CRC-32C after the sections
	flagMoreToCome      = 1 << 1 // OP_MSG flagBits: sender will not wait for / keeps sending replies

	dialTimeout = 10 * time.Second
)

// writeCommands are the commands serialised by the proxy, matched
// case-insensitively against the first key of an OP_MSG body.
var writeCommands = []string{
	"insert", "update", "delete", "findAndModify",
	"createIndexes", "dropIndexes", "create", "drop", "dropDatabase", "renameCollection",
}

var errMalformed = errors.New("malformed wire message")

// serializingProxy accepts client connections on ln and forwards each one to
// a fresh connection to FerretDB at upstreamNet/upstreamAddr.
type serializingProxy struct {
	ln           net.Listener
	upstreamNet  string // "unix" or "tcp"
	upstreamAddr string
	logger       *slog.Logger

	writeMu sync.Mutex // held while a write command is with FerretDB

	mu     sync.Mutex            // guards conns and closed
	conns  map[net.Conn]struct{} // open client and upstream connections
	closed bool
	wg     sync.WaitGroup // one per connection goroutine
}

func newSerializingProxy(ln net.Listener, upstreamNet, upstreamAddr string, logger *slog.Logger) *serializingProxy {
	return &serializingProxy{
		ln:           ln,
		upstreamNet:  upstreamNet,
		upstreamAddr: upstreamAddr,
		logger:       logger.With("name", "serialize"),
		conns:        make(map[net.Conn]struct{}),
	}
}

// serve accepts connections until ctx is canceled (or the listener is
// closed), then closes every open connection and waits for their goroutines.
func (p *serializingProxy) serve(ctx context.Context) {
	stop := context.AfterFunc(ctx, p.shutdown) // unblocks Accept
	defer stop()

	for backoff := time.Duration(0); ; {
		c, err := p.ln.Accept()
		if err != nil {
			if ctx.Err() != nil || errors.Is(err, net.ErrClosed) {
				break
			}
			// E.g. EMFILE: log, back off, retry (as FerretDB's own listener does).
			backoff = min(max(2*backoff, 5*time.Millisecond), time.Second)
			p.logger.Warn("accept failed; retrying", "error", err, "backoff", backoff)
			time.Sleep(backoff)
			continue
		}
		backoff = 0
		if !p.track(c) {
			c.Close()
			continue
		}
		p.wg.Add(1)
		go p.handle(c)
	}

	p.shutdown()
	p.wg.Wait()
}

// shutdown closes the listener and all open connections; idempotent.
func (p *serializingProxy) shutdown() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return
	}
	p.closed = true
	p.ln.Close()
	for c := range p.conns {
		c.Close()
	}
}

// track registers c so that shutdown closes it; false once shut down.
func (p *serializingProxy) track(c net.Conn) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return false
	}
	p.conns[c] = struct{}{}
	return true
}

func (p *serializingProxy) untrack(c net.Conn) {
	p.mu.Lock()
	delete(p.conns, c)
	p.mu.Unlock()
	c.Close()
}

// handle serves one client connection until either side closes it or sends
// something malformed; then both sides are closed.
func (p *serializingProxy) handle(client net.Conn) {
	defer p.wg.Done()
	defer p.untrack(client)

	server, err := net.DialTimeout(p.upstreamNet, p.upstreamAddr, dialTimeout)
	if err != nil {
		p.logger.Error("cannot connect to ferretdb", "upstream", p.upstreamAddr, "error", err)
		return
	}
	if !p.track(server) {
		server.Close()
		return
	}
	defer p.untrack(server)

	pc := &proxyConn{
		p:      p,
		client: client,
		server: server,
		cr:     bufio.NewReaderSize(client, 64<<10),
		sr:     bufio.NewReaderSize(server, 64<<10),
	}
	for {
		if err = pc.exchange(); err != nil {
			break
		}
		if cap(pc.buf) > 1<<20 {
			pc.buf = nil // do not keep a large message's buffer for the connection's lifetime
		}
	}
	if !errors.Is(err, io.EOF) && !errors.Is(err, net.ErrClosed) {
		level := slog.LevelDebug // resets and the like: the peer went away
		if errors.Is(err, errMalformed) {
			level = slog.LevelWarn
		}
		p.logger.Log(context.Background(), level, "connection closed", "client", client.RemoteAddr().String(), "error", err)
	}
}

type proxyConn struct {
	p              *serializingProxy
	client, server net.Conn
	cr, sr         *bufio.Reader
	buf            []byte // reused for every message on this connection
}

// exchange forwards one client request and the server's reply (or replies).
func (c *proxyConn) exchange() error {
	req, err := readMessage(c.cr, &c.buf)
	if err != nil {
		return err
	}
	write, reqMoreToCome, err := classify(req)
	if err != nil {
		return err
	}

	locked := false
	if write {
		c.p.writeMu.Lock()
		locked = true
	}
	unlock := func() {
		if locked {
			locked = false
			c.p.writeMu.Unlock()
		}
	}
	defer unlock()

	if _, err = c.server.Write(req); err != nil {
		return err
	}

	for {
		res, err := readMessage(c.sr, &c.buf)
		if err != nil {
			return err
		}
		resMoreToCome := isOpMsg(res) && binary.LittleEndian.Uint32(res[16:20])&flagMoreToCome != 0
		if !resMoreToCome {
			// The server has finished this request. Release the lock before
			// writing to the client, so a slow reader cannot stall all writers.
			unlock()
		}

		if reqMoreToCome {
			// The client sent moreToCome (e.g. a w:0 write) and waits for no
			// reply, but FerretDB 1.24 answers every request anyway (see the
			// run loop in internal/clientconn/conn.go). Passing that reply on
			// would make it the answer to the client's next command, which
			// breaks the Node driver; so read it, to keep the lock until the
			// write is done, and drop it. Re-check this on a FerretDB upgrade.
			if resMoreToCome {
				continue
			}
			return nil
		}

		if _, err = c.client.Write(res); err != nil {
			return err
		}
		if !resMoreToCome {
			return nil
		}
		// Exhaust stream (e.g. streaming hello): the server keeps replying
		// without further requests until a reply without moreToCome.
	}
}

// readMessage reads one whole wire message into *buf (grown as needed) and
// returns it. A clean EOF before the first byte is returned as io.EOF.
func readMessage(r *bufio.Reader, buf *[]byte) ([]byte, error) {
	if cap(*buf) < headerLen {
		*buf = make([]byte, 4<<10)
	}
	b := (*buf)[:headerLen]
	if _, err := io.ReadFull(r, b); err != nil {
		return nil, err
	}
	n := int64(int32(binary.LittleEndian.Uint32(b)))
	if n < headerLen || n > maxMessageLen {
		return nil, fmt.Errorf("%w: length %d", errMalformed, n)
	}
	if int64(cap(*buf)) < n {
		nb := make([]byte, n)
		copy(nb, b)
		*buf = nb
	}
	b = (*buf)[:n]
	if _, err := io.ReadFull(r, b[headerLen:]); err != nil {
		if errors.Is(err, io.EOF) {
			err = io.ErrUnexpectedEOF
		}
		return nil, err
	}
	return b, nil
}

func isOpMsg(msg []byte) bool {
	return int32(binary.LittleEndian.Uint32(msg[12:16])) == opMsg && len(msg) >= headerLen+4
}

// classify reports whether msg is a write command (to be serialised) and
// whether it has OP_MSG's moreToCome flag. Only OP_MSG carries writes from
// current drivers; OP_QUERY is used just for the legacy handshake.
// OP_COMPRESSED (which FerretDB does not negotiate) counts as a write, to be safe.
func classify(msg []byte) (write, moreToCome bool, err error) {
	switch int32(binary.LittleEndian.Uint32(msg[12:16])) {
	case opCompressed:
		return true, false, nil
	case opMsg:
	default:
		return false, false, nil
	}
	if len(msg) < headerLen+4+1 {
		return false, false, fmt.Errorf("%w: short OP_MSG", errMalformed)
	}
	flags := binary.LittleEndian.Uint32(msg[16:20])
	moreToCome = flags&flagMoreToCome != 0
	end := len(msg)
	if flags&flagChecksumPresent != 0 {
		end -= 4
	}

	// Sections: kind 0 is one BSON document (the command); kind 1 is an int32
	// size (counting itself), an identifier and documents. Find the kind 0.
	for o := headerLen + 4; o < end; {
		kind := msg[o]
		o++
		switch kind {
		case 0:
			name, err := firstKey(msg[o:end])
			if err != nil {
				return false, moreToCome, err
			}
			for _, w := range writeCommands {
				if strings.EqualFold(name, w) {
					return true, moreToCome, nil
				}
			}
			return false, moreToCome, nil
		case 1:
			if end-o < 4 {
				return false, moreToCome, fmt.Errorf("%w: short section", errMalformed)
			}
			size := int64(int32(binary.LittleEndian.Uint32(msg[o:])))
			if size < 4 || size > int64(end-o) {
				return false, moreToCome, fmt.Errorf("%w: section size %d", errMalformed, size)
			}
			o += int(size)
		default:
			return false, moreToCome, fmt.Errorf("%w: section kind %d", errMalformed, kind)
		}
	}
	return false, moreToCome, fmt.Errorf("%w: OP_MSG without body section", errMalformed)
}

// firstKey returns the name of the first element of the BSON document at the
// start of b: int32 length, then a type byte and a NUL-terminated key.
func firstKey(b []byte) (string, error) {
	if len(b) < 5 {
		return "", fmt.Errorf("%w: short document", errMalformed)
	}
	n := int64(int32(binary.LittleEndian.Uint32(b)))
	if n < 5 || n > int64(len(b)) {
		return "", fmt.Errorf("%w: document length %d", errMalformed, n)
	}
	doc := b[:n]
	if doc[4] == 0 { // empty document: no command; FerretDB will reject it
		return "", nil
	}
	i := bytes.IndexByte(doc[5:], 0)
	if i < 0 {
		return "", fmt.Errorf("%w: unterminated key", errMalformed)
	}
	return string(doc[5 : 5+i]), nil
}

// The limit for pin → overlay DOM (issue 14/19): the least a server can do on that path — read the
// HTTP body, append + fdatasync one line, send it over a WebSocket, answer 200 — and a page that puts
// it in the DOM. Run as its own process (like the studio) so neither shares the bench's event loop;
// it prints `port N` when it listens.
import { createServer } from 'node:http';
import { open } from 'node:fs/promises';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocketServer, WebSocket } from 'ws';

const PAGE = `<!doctype html><meta charset="utf-8"><title>bare overlay</title>
<div data-testid="product-card" data-product-id=""><h1></h1></div>
<script>
  const card = document.querySelector('[data-testid="product-card"]');
  const ws = new WebSocket('ws://' + location.host + '/live');
  ws.onopen = () => document.body.dataset.link = 'live';
  ws.onmessage = (e) => {
    window.__lastMessageAt = performance.now();
    const msg = JSON.parse(e.data);
    card.dataset.productId = msg.itemId;
    card.firstElementChild.textContent = msg.itemId;
  };
</script>`;

const dir = mkdtempSync(join(tmpdir(), 'shopcast-bench-bare-overlay-'));
const journal = await open(join(dir, 'journal.jsonl'), 'a');
const server = createServer((req, res) => {
  if (req.method === 'GET') {
    res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
    return;
  }
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    void (async () => {
      const { itemId } = JSON.parse(body) as { itemId: string };
      const line = JSON.stringify({ type: 'pinned', itemId, at: Date.now() });
      await journal.appendFile(`${line}\n`);
      await journal.datasync();
      for (const client of wss.clients) if (client.readyState === WebSocket.OPEN) client.send(line);
      res.writeHead(200, { 'content-type': 'application/json' }).end(line);
    })();
  });
});
const wss = new WebSocketServer({ server, path: '/live' });
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  console.log(`port ${typeof address === 'object' && address ? address.port : 0}`);
});
process.on('SIGTERM', () => {
  void journal.close().finally(() => {
    rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  });
});

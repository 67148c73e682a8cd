import http from 'node:http';

// The baseline the issue names: a bare node:http SSE broadcaster. GET /events holds a stream;
// POST /post writes the posted text as one event to every stream, then answers 201.

export async function startBaselineBroadcaster(port: number): Promise<{ url: string; postUrl: string; close: () => Promise<void> }> {
  const streams = new Set<http.ServerResponse>();
  let seq = 0;
  const server = http.createServer((request, response) => {
    if (request.method === 'GET' && request.url === '/events') {
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      response.write(': ready\n\n');
      streams.add(response);
      request.on('close', () => streams.delete(response));
      return;
    }
    if (request.method === 'POST' && request.url === '/post') {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        const frame = `id: ${++seq}\nevent: message.created\ndata: ${JSON.stringify({ body })}\n\n`;
        for (const stream of streams) stream.write(frame);
        response.writeHead(201).end();
      });
      return;
    }
    response.writeHead(404).end();
  });
  server.maxConnections = 20_000;
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}/events`,
    postUrl: `http://127.0.0.1:${port}/post`,
    close: () => new Promise((resolve) => {
      for (const stream of streams) stream.destroy();
      server.close(() => resolve());
    }),
  };
}

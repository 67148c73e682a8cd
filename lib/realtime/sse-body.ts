/** A proxy closes an idle connection after a minute or so; a comment line keeps it open. */
export const HEARTBEAT_MS = 20_000;

const encoder = new TextEncoder();

export interface SseBody {
  stream: ReadableStream<Uint8Array>;
  write(text: string): void;
  /** Bytes already encoded (one batch shared by many streams). */
  enqueue(bytes: Uint8Array): void;
  close(): void;
  isClosed(): boolean;
}

/**
 * The body of an event stream: tells the browser how long to wait before reconnecting, sends a
 * heartbeat, and closes once when the client goes away or the server ends it (then `onClose`).
 */
export function openSseBody({ signal, retryMs, onClose }: { signal: AbortSignal; retryMs: number; onClose: () => void }): SseBody {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let closed = false;
  const enqueue = (bytes: Uint8Array) => {
    if (!closed) controller.enqueue(bytes);
  };
  const write = (text: string) => enqueue(encoder.encode(text));
  const heartbeat = setInterval(() => write(': ping\n\n'), HEARTBEAT_MS);
  heartbeat.unref?.();
  const close = () => {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    onClose();
    try {
      controller.close();
    } catch {
      // Already closed by the client going away.
    }
  };
  signal.addEventListener('abort', close, { once: true });
  const stream = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c), cancel: close });
  write(`retry: ${retryMs}\n\n`);
  return { stream, write, enqueue, close, isClosed: () => closed };
}

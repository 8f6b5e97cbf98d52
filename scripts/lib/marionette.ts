import { connect, type Socket } from 'node:net';

/**
 * A minimal client for Firefox's Marionette protocol (what geckodriver speaks to Firefox):
 * length-prefixed JSON over TCP. Enough to run scripts in a page or in the browser itself.
 */
export class Marionette {
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private greeted: Promise<void>;

  private constructor(private socket: Socket) {
    let greet: () => void = () => undefined;
    this.greeted = new Promise((r) => {
      greet = r;
    });
    let first = true;
    socket.on('data', (chunk) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      for (;;) {
        const colon = this.buffer.indexOf(58); // ':'
        if (colon < 0) return;
        const length = Number(this.buffer.subarray(0, colon).toString());
        if (this.buffer.length < colon + 1 + length) return;
        const body = JSON.parse(this.buffer.subarray(colon + 1, colon + 1 + length).toString());
        this.buffer = this.buffer.subarray(colon + 1 + length);
        if (first) {
          first = false;
          greet();
          continue;
        }
        const [, id, error, result] = body as [number, number, { error: string; message: string } | null, unknown];
        const pending = this.waiting.get(id);
        this.waiting.delete(id);
        if (error) pending?.reject(new Error(`${error.error}: ${error.message}`));
        else pending?.resolve(result);
      }
    });
  }

  /** Connects, retrying while Firefox starts up. */
  static async connect(port: number, timeoutMs = 30_000): Promise<Marionette> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      try {
        const socket = await new Promise<Socket>((resolve, reject) => {
          const s = connect(port, '127.0.0.1', () => resolve(s));
          s.once('error', reject);
        });
        const client = new Marionette(socket);
        await client.greeted;
        await client.command('WebDriver:NewSession', { capabilities: {} });
        return client;
      } catch (err) {
        if (Date.now() > until) throw err;
        await new Promise((r) => setTimeout(r, 250));
      }
    }
  }

  command(name: string, params: object = {}): Promise<unknown> {
    const id = this.nextId++;
    const message = JSON.stringify([0, id, name, params]);
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.socket.write(`${Buffer.byteLength(message)}:${message}`);
    });
  }

  /** Runs `script` (a function body) in the current context and returns its value. */
  async run<T>(script: string, args: unknown[] = [], context: 'content' | 'chrome' = 'content'): Promise<T> {
    await this.command('Marionette:SetContext', { value: context });
    const result = (await this.command('WebDriver:ExecuteAsyncScript', { script, args })) as { value: T };
    return result.value;
  }

  /** Loads `url` in the current tab and waits for it, as a person typing it would. */
  async navigate(url: string): Promise<void> {
    await this.command('Marionette:SetContext', { value: 'content' });
    await this.command('WebDriver:Navigate', { url });
  }

  close(): void {
    this.socket.destroy();
  }
}

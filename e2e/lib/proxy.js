// A TCP proxy the test can cut, to make a real connection loss between the browser and a service.
import net from 'node:net';

export class CuttableProxy {
  constructor(target) {
    this.target = new URL(target);
    this.sockets = new Set();
  }

  async start(port = 0) {
    this.server = net.createServer(client => {
      const upstream = net.connect(Number(this.target.port || 80), this.target.hostname);
      for (const [a, b] of [[client, upstream], [upstream, client]]) {
        this.sockets.add(a);
        a.on('close', () => { this.sockets.delete(a); b.destroy(); });
        a.on('error', () => b.destroy());
        a.pipe(b);
      }
    });
    await new Promise(resolve => this.server.listen(port, '127.0.0.1', resolve));
    this.port = this.server.address().port;
    return `http://localhost:${this.port}`;
  }

  /** Drops every open connection and refuses new ones until restore(). */
  async cut() {
    await new Promise(resolve => {
      this.server.close(() => resolve());
      this.sockets.forEach(s => s.destroy());
    });
  }

  async restore() {
    await this.start(this.port);
  }

  async stop() {
    this.sockets.forEach(s => s.destroy());
    if (this.server?.listening) await new Promise(resolve => this.server.close(() => resolve()));
  }
}

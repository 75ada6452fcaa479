/**
 * Connections that have sent a request and are still open: how many clients talk to the server at once. One client
 * is answered fastest on the request thread alone; with several, handing lexical scoring to a search thread lets
 * their requests proceed side by side.
 */
import type { Socket } from 'node:net';
import type { RequestHandler } from 'express';

export class OpenConnections {
  private readonly sockets = new Set<Socket>();

  readonly middleware: RequestHandler = (req, _res, next) => {
    const { socket } = req;
    if (!this.sockets.has(socket)) {
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
    }
    next();
  };

  get count(): number {
    return this.sockets.size;
  }
}

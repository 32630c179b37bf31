/**
 * Whether this process is shutting down (SIGTERM received): `/readyz` then answers 503, so a load balancer or a
 * Kubernetes Service stops sending new requests while the server still takes in and answers what was already sent
 * (main.ts: docs/operations.md "Upgrades and shutdown").
 */
let shuttingDown = false;

export function markShuttingDown(): void {
  shuttingDown = true;
}

export function isShuttingDown(): boolean {
  return shuttingDown;
}
